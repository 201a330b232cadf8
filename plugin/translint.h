/* translint's C interface: check translated text from any language with a C FFI.
 *
 * An engine loads the configuration once; translint_check() checks one document and gives the
 * JSON report that `translint check --format json` writes for the same bytes, path, language and
 * input format. Strings go in as (pointer, size) pairs of UTF-8 and need no terminating NUL; a
 * pointer may be NULL only when its size is 0. Strings that come out are NUL-terminated as well,
 * and live as long as the object they came from.
 *
 * Every function may be called from any thread; an engine may be shared by threads that check
 * at the same time. No function throws or aborts on bad input: failures are reported through a
 * translint_error, which the caller frees. Every *_free function accepts NULL. */
#ifndef TRANSLINT_H
#define TRANSLINT_H

#include <stddef.h>

#if defined(__GNUC__)
#define TRANSLINT_API __attribute__((visibility("default")))
#else
#define TRANSLINT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface: it changes, with the library's SONAME, when a change would
 * break a program built against an older translint.h. */
#define TRANSLINT_ABI_VERSION 0

typedef struct translint_engine translint_engine;
typedef struct translint_result translint_result;
typedef struct translint_error translint_error;

/* What translint_error_code() returns. */
enum {
    /* The caller's arguments: a NULL pointer with a nonzero size, a NULL engine, an unknown
     * input format name. */
    TRANSLINT_ERROR_ARGUMENT = 1,
    /* The input: text that is not UTF-8 or not valid in its format, an unknown language or none,
     * a bad configuration file, a missing dictionary, a malformed rule. The message names the
     * file and, where it can, the line or byte offset (as the command line reports them). */
    TRANSLINT_ERROR_INPUT = 2,
    TRANSLINT_ERROR_MEMORY = 3,
    /* A defect of translint's own. */
    TRANSLINT_ERROR_INTERNAL = 4
};

/* What translint_result_count() counts. */
enum {
    TRANSLINT_SEVERITY_ALL = 0, /* every finding */
    TRANSLINT_SEVERITY_ERROR = 1,
    TRANSLINT_SEVERITY_WARNING = 2,
    TRANSLINT_SEVERITY_INFO = 3
};

/* The library's version ("0.1.0"), and TRANSLINT_ABI_VERSION as it was when it was built. */
TRANSLINT_API const char* translint_version(void);
TRANSLINT_API int translint_abi_version(void);

/* Loads a configuration. `config_path` is a .translint.yaml file, or a directory from which the
 * nearest .translint.yaml upward is used (as the command line does from its working directory),
 * or empty for the default configuration: every rule, the system's Hunspell dictionaries.
 * Rule packs and dictionaries load on the first check of each language. Returns NULL and sets
 * *error (when `error` is not NULL) on failure. */
TRANSLINT_API translint_engine*
translint_engine_new(const char* config_path, size_t config_path_size, translint_error** error);
TRANSLINT_API void translint_engine_free(translint_engine* engine);

/* Checks one document. `text` is the file's bytes. `language` is "it", "en", ...; empty: from
 * the file itself (XLIFF, PO, TSV), the configuration, or the path (article.it.txt). `format`
 * is "text", "markdown", "html", "xliff", "po", "tsv" or "cpp"; empty: from the path's
 * extension. `path` names the document in the report and in error messages; empty or "-" is
 * reported as "<stdin>", as the command line reports its standard input. Returns NULL and sets
 * *error (when `error` is not NULL) on failure. */
TRANSLINT_API translint_result* translint_check(const translint_engine* engine, const char* text,
                                                size_t text_size, const char* language,
                                                size_t language_size, const char* format,
                                                size_t format_size, const char* path,
                                                size_t path_size, translint_error** error);
TRANSLINT_API void translint_result_free(translint_result* result);

/* The JSON report, byte for byte what `translint check --format json` writes for this one
 * document (README.md, "The JSON format (a contract)"). A NULL result gives "". */
TRANSLINT_API void translint_result_json(const translint_result* result, const char** data,
                                         size_t* size);
/* How many findings the document has, of one TRANSLINT_SEVERITY_* or of all; 0 for NULL. */
TRANSLINT_API size_t translint_result_count(const translint_result* result, int severity);

/* What went wrong, in one line of UTF-8 that names the file: "article.txt: invalid UTF-8 at
 * byte offset 120 (line 3)". `size` may be NULL. "" for NULL. */
TRANSLINT_API const char* translint_error_message(const translint_error* error, size_t* size);
/* One of the TRANSLINT_ERROR_* codes; 0 for NULL. */
TRANSLINT_API int translint_error_code(const translint_error* error);
TRANSLINT_API void translint_error_free(translint_error* error);

#ifdef __cplusplus
}
#endif

#endif /* TRANSLINT_H */
