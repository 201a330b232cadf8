/* Checks the sample article through the C interface and compares the report, byte for byte, with
 * the command line's; then feeds the interface bad arguments and bad input.
 *
 * usage: check_seed ARTICLE EXPECTED_JSON
 *   ARTICLE is passed as the document's path exactly as it was given to `translint check`. */
#include "translint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define EXPECT(condition)                                                                          \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #condition);               \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

static char* read_all(const char* path, size_t* size) {
    FILE* file = fopen(path, "rb");
    if (!file) {
        perror(path);
        exit(2);
    }
    size_t capacity = 1 << 16, used = 0;
    char* data = malloc(capacity);
    size_t n;
    while (data && (n = fread(data + used, 1, capacity - used, file)) > 0) {
        used += n;
        if (used == capacity) data = realloc(data, capacity *= 2);
    }
    fclose(file);
    if (!data) exit(2);
    *size = used;
    return data;
}

/* Checks text (NUL-terminated, for brevity) and expects an error of `code` whose message contains
 * `needle`. */
static void expect_error(const translint_engine* engine, const char* text, const char* language,
                         const char* format, const char* path, int code, const char* needle) {
    translint_error* error = NULL;
    translint_result* result =
        translint_check(engine, text, strlen(text), language, strlen(language), format,
                        strlen(format), path, strlen(path), &error);
    EXPECT(result == NULL);
    EXPECT(error != NULL);
    size_t size = 0;
    const char* message = translint_error_message(error, &size);
    EXPECT(strlen(message) == size);
    if (translint_error_code(error) != code || !strstr(message, needle)) {
        fprintf(stderr, "error %d '%s': expected code %d and '%s'\n", translint_error_code(error),
                message, code, needle);
        ++failures;
    }
    translint_error_free(error);
    translint_result_free(result);
}

/* The number after `"key": ` in the report's summary. */
static size_t summary_count(const char* json, const char* key) {
    const char* summary = strstr(json, "\"summary\":");
    if (!summary) return (size_t)-1;
    const char* at = strstr(summary, key);
    return at ? (size_t)strtoul(at + strlen(key), NULL, 10) : (size_t)-1;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s ARTICLE EXPECTED_JSON\n", argv[0]);
        return 2;
    }
    const char* path = argv[1];
    size_t text_size, expected_size;
    char* text = read_all(path, &text_size);
    char* expected = read_all(argv[2], &expected_size);

    EXPECT(translint_abi_version() == TRANSLINT_ABI_VERSION);
    EXPECT(strlen(translint_version()) > 0);

    translint_error* error = NULL;
    translint_engine* engine = translint_engine_new(NULL, 0, &error);
    if (!engine) {
        fprintf(stderr, "translint_engine_new: %s\n", translint_error_message(error, NULL));
        return 1;
    }
    EXPECT(error == NULL);

    /* The article, as `translint check --format json --quiet ARTICLE` reports it. */
    translint_result* result =
        translint_check(engine, text, text_size, "it", 2, "", 0, path, strlen(path), &error);
    EXPECT(result != NULL && error == NULL);
    if (!result) {
        fprintf(stderr, "translint_check: %s\n", translint_error_message(error, NULL));
        return 1;
    }
    const char* json = NULL;
    size_t json_size = 0;
    translint_result_json(result, &json, &json_size);
    EXPECT(strlen(json) == json_size);
    if (json_size != expected_size || memcmp(json, expected, json_size) != 0) {
        fprintf(stderr, "the report differs from the command line's:\n%.*s\n", (int)json_size,
                json);
        ++failures;
    }
    /* "Emmanuel Makron" is a garbled "Macron". */
    const char* makron = strstr(json, "\"text\": \"Makron\", \"suggestions\": [\"Macron\"");
    EXPECT(makron != NULL);
    if (makron) {
        const char* rule = NULL;
        for (const char* at = json; (at = strstr(at, "{\"rule\": ")) && at < makron; ++at)
            rule = at;
        EXPECT(rule && strncmp(rule, "{\"rule\": \"it.names.garbled\"", 27) == 0);
    }
    EXPECT(translint_result_count(result, TRANSLINT_SEVERITY_ERROR) ==
           summary_count(json, "\"errors\": "));
    EXPECT(translint_result_count(result, TRANSLINT_SEVERITY_WARNING) ==
           summary_count(json, "\"warnings\": "));
    EXPECT(translint_result_count(result, TRANSLINT_SEVERITY_INFO) ==
           summary_count(json, "\"infos\": "));
    EXPECT(translint_result_count(result, TRANSLINT_SEVERITY_ALL) ==
           translint_result_count(result, TRANSLINT_SEVERITY_ERROR) +
               translint_result_count(result, TRANSLINT_SEVERITY_WARNING) +
               translint_result_count(result, TRANSLINT_SEVERITY_INFO));
    EXPECT(translint_result_count(result, TRANSLINT_SEVERITY_ERROR) > 0);
    EXPECT(translint_result_count(result, 42) == 0);
    translint_result_free(result);

    /* The language from the file name, and the format from the extension. */
    result = translint_check(engine, text, text_size, NULL, 0, NULL, 0, path, strlen(path), &error);
    EXPECT(result != NULL && error == NULL);
    if (result) {
        translint_result_json(result, &json, &json_size);
        EXPECT(json_size == expected_size && memcmp(json, expected, json_size) == 0);
    }
    translint_result_free(result);

    /* An empty document is clean, and without a path it is reported as the command line reports
     * standard input. */
    result = translint_check(engine, NULL, 0, "it", 2, "text", 4, NULL, 0, &error);
    EXPECT(result != NULL && error == NULL);
    translint_result_json(result, &json, &json_size);
    EXPECT(strstr(json, "\"path\": \"<stdin>\"") != NULL);
    EXPECT(translint_result_count(result, TRANSLINT_SEVERITY_ALL) == 0);
    translint_result_free(result);

    /* Bad input: an error naming the document, never a crash. */
    expect_error(engine, "Ciao \xff mondo", "it", "", "notes/bad.txt", TRANSLINT_ERROR_INPUT,
                 "notes/bad.txt: invalid UTF-8 at byte offset 5");
    expect_error(engine, "Ciao", "xx", "", "a.txt", TRANSLINT_ERROR_INPUT, "unknown language 'xx'");
    expect_error(engine, "Ciao", "", "", "a.txt", TRANSLINT_ERROR_INPUT, "a.txt: no language");
    expect_error(engine, "Ciao", "it", "docx", "a.docx", TRANSLINT_ERROR_ARGUMENT,
                 "unknown format 'docx'");
    expect_error(engine, "<xliff version=\"1.2\"><file", "it", "xliff", "a.xlf",
                 TRANSLINT_ERROR_INPUT, "a.xlf");
    expect_error(NULL, "Ciao", "it", "", "a.txt", TRANSLINT_ERROR_ARGUMENT, "engine is NULL");

    /* NULL pointers with a size. */
    result = translint_check(engine, NULL, 4, "it", 2, "", 0, "a.txt", 5, &error);
    EXPECT(result == NULL && translint_error_code(error) == TRANSLINT_ERROR_ARGUMENT);
    EXPECT(strstr(translint_error_message(error, NULL), "text is NULL") != NULL);
    translint_error_free(error);
    result = translint_check(engine, "Ciao", 4, NULL, 2, "", 0, "a.txt", 5, &error);
    EXPECT(result == NULL && translint_error_code(error) == TRANSLINT_ERROR_ARGUMENT);
    translint_error_free(error);
    /* No place for the error: the failure shows only in the NULL result. */
    EXPECT(translint_check(NULL, "Ciao", 4, "it", 2, "", 0, "", 0, NULL) == NULL);
    EXPECT(translint_check(engine, "\xc3", 1, "it", 2, "", 0, "", 0, NULL) == NULL);

    /* A config file that is not there. */
    translint_engine* missing = translint_engine_new("no/such/.translint.yaml", 23, &error);
    EXPECT(missing == NULL && translint_error_code(error) == TRANSLINT_ERROR_INPUT);
    EXPECT(strstr(translint_error_message(error, NULL), "no/such/.translint.yaml") != NULL);
    translint_error_free(error);
    EXPECT(translint_engine_new(NULL, 3, &error) == NULL);
    EXPECT(translint_error_code(error) == TRANSLINT_ERROR_ARGUMENT);
    translint_error_free(error);

    /* Accessors and free functions take NULL. */
    translint_result_json(NULL, &json, &json_size);
    EXPECT(json_size == 0 && strcmp(json, "") == 0);
    EXPECT(translint_result_count(NULL, TRANSLINT_SEVERITY_ALL) == 0);
    EXPECT(translint_error_code(NULL) == 0);
    EXPECT(strcmp(translint_error_message(NULL, NULL), "") == 0);
    translint_error_free(NULL);
    translint_result_free(NULL);
    translint_engine_free(NULL);

    translint_engine_free(engine);
    free(text);
    free(expected);
    if (failures) fprintf(stderr, "%d failures\n", failures);
    return failures ? 1 : 0;
}
