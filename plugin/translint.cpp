// The C interface: the command line's check of one document, behind functions that never let an
// exception out. The engine is shared between threads; everything else here is per call.
#include "translint.h"

#include "translint/config.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/sink.hpp"

#include <algorithm>
#include <filesystem>
#include <locale>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;
using namespace translint;

struct translint_engine {
    Config config;
    FormatOptions format_options;
    std::vector<std::string> languages; // that have a rule pack, for a language in a file name
    std::optional<Engine> engine;
};

struct translint_result {
    std::string json;
    std::size_t errors = 0, warnings = 0, infos = 0;
};

struct translint_error {
    int code;
    std::string message;
};

namespace {

// Given out when even an error cannot be allocated; translint_error_free leaves it alone.
translint_error out_of_memory{TRANSLINT_ERROR_MEMORY, "out of memory"};

// An invalid argument, reported with the function that received it.
struct ArgumentError {
    std::string message;
};

std::string_view view(const char* data, std::size_t size, const char* function, const char* name) {
    if (!data && size) throw ArgumentError{std::string(function) + ": " + name + " is NULL"};
    return data ? std::string_view(data, size) : std::string_view();
}

// Builds the message inside the try: even the message may not fit in memory.
void set_error(translint_error** error, int code, std::string_view a, std::string_view b = {},
               std::string_view c = {}) noexcept {
    if (!error) return;
    try {
        std::string message;
        message.reserve(a.size() + b.size() + c.size());
        message.append(a).append(b).append(c);
        *error = new translint_error{code, std::move(message)};
    } catch (...) {
        *error = &out_of_memory;
    }
}

// Runs `body`, turning every exception into a translint_error; returns null after one.
template <typename T, typename Body>
T* guarded(translint_error** error, const char* function, Body body) noexcept {
    if (error) *error = nullptr;
    try {
        return body();
    } catch (const ArgumentError& e) {
        set_error(error, TRANSLINT_ERROR_ARGUMENT, e.message);
    } catch (const Error& e) {
        set_error(error, TRANSLINT_ERROR_INPUT, e.what());
    } catch (const std::bad_alloc&) {
        set_error(error, TRANSLINT_ERROR_MEMORY, function, ": out of memory");
    } catch (const std::exception& e) {
        set_error(error, TRANSLINT_ERROR_INTERNAL, function, ": internal error: ", e.what());
    } catch (...) {
        set_error(error, TRANSLINT_ERROR_INTERNAL, function, ": internal error");
    }
    return nullptr;
}

// As the command line finds it, from a file or, for a directory, the nearest .translint.yaml
// upward from it.
Config load_config(const std::string& path) {
    if (path.empty()) {
        Config config;
        config.dictionary_paths = default_dictionary_paths();
        return config;
    }
    std::error_code error;
    if (fs::is_directory(path, error)) {
        if (auto found = Config::find(path)) return Config::load(*found);
        return load_config({});
    }
    if (!fs::is_regular_file(path, error)) throw Error(path + ": config file not found");
    return Config::load(path);
}

// The command line's order: the caller, the file itself (XLIFF, PO, TSV), the config, a language
// tag in the file name (article.it.txt).
std::string language_for(const translint_engine& engine, const Document& document,
                         std::string_view language) {
    if (!language.empty()) return std::string(language);
    if (!document.target_language().empty()) return document.target_language();
    if (!engine.config.language.empty()) return engine.config.language;
    const std::string tag = fs::path(document.path()).stem().extension().string();
    const auto& known = engine.languages;
    if (tag.size() > 1 && std::find(known.begin(), known.end(), tag.substr(1)) != known.end())
        return tag.substr(1);
    throw Error(document.path() +
                ": no language: pass one, set 'language' in .translint.yaml, or name the file "
                "like article.it.txt");
}

} // namespace

extern "C" {

TRANSLINT_API const char* translint_version(void) {
    return TRANSLINT_VERSION;
}

TRANSLINT_API int translint_abi_version(void) {
    return TRANSLINT_ABI_VERSION;
}

TRANSLINT_API translint_engine*
translint_engine_new(const char* config_path, size_t config_path_size, translint_error** error) {
    return guarded<translint_engine>(error, "translint_engine_new", [&] {
        const std::string path(
            view(config_path, config_path_size, "translint_engine_new", "config_path"));
        auto engine = std::make_unique<translint_engine>();
        engine->config = load_config(path);
        engine->format_options = FormatOptions::from(engine->config);
        engine->engine.emplace(engine->config);
        engine->languages = engine->engine->languages();
        return engine.release();
    });
}

TRANSLINT_API void translint_engine_free(translint_engine* engine) {
    delete engine;
}

TRANSLINT_API translint_result* translint_check(const translint_engine* engine, const char* text,
                                                size_t text_size, const char* language,
                                                size_t language_size, const char* format,
                                                size_t format_size, const char* path,
                                                size_t path_size, translint_error** error) {
    constexpr const char* function = "translint_check";
    return guarded<translint_result>(error, function, [&] {
        if (!engine) throw ArgumentError{std::string(function) + ": engine is NULL"};
        std::string bytes(view(text, text_size, function, "text"));
        const std::string_view language_name = view(language, language_size, function, "language");
        const std::string_view format_name = view(format, format_size, function, "format");
        std::string name(view(path, path_size, function, "path"));
        if (name.empty() || name == "-") name = "<stdin>";

        InputFormat input_format = input_format_for(name);
        if (!format_name.empty()) {
            const auto parsed = parse_input_format(format_name);
            if (!parsed)
                throw ArgumentError{std::string(function) + ": unknown format '" +
                                    std::string(format_name) +
                                    "' (text, markdown, html, xliff, po, tsv, cpp)"};
            input_format = *parsed;
        }
        Document document =
            read_document(std::move(name), std::move(bytes), input_format, engine->format_options);
        const std::string target = language_for(*engine, document, language_name);
        document.set_languages(!document.source_language().empty() ? document.source_language()
                                                                   : engine->config.source_language,
                               target);
        const std::vector<Diagnostic> diagnostics = engine->engine->check(document, target);

        auto result = std::make_unique<translint_result>();
        Summary summary;
        summary.add(diagnostics);
        result->errors = summary.errors;
        result->warnings = summary.warnings;
        result->infos = summary.infos;
        std::ostringstream out;
        out.imbue(std::locale::classic()); // whatever locale the host set
        const std::unique_ptr<Sink> sink = make_sink("json", out);
        sink->file(document, target, diagnostics);
        sink->finish(summary);
        result->json = std::move(out).str();
        return result.release();
    });
}

TRANSLINT_API void translint_result_free(translint_result* result) {
    delete result;
}

TRANSLINT_API void translint_result_json(const translint_result* result, const char** data,
                                         size_t* size) {
    if (data) *data = result ? result->json.c_str() : "";
    if (size) *size = result ? result->json.size() : 0;
}

TRANSLINT_API size_t translint_result_count(const translint_result* result, int severity) {
    if (!result) return 0;
    switch (severity) {
    case TRANSLINT_SEVERITY_ALL:
        return result->errors + result->warnings + result->infos;
    case TRANSLINT_SEVERITY_ERROR:
        return result->errors;
    case TRANSLINT_SEVERITY_WARNING:
        return result->warnings;
    case TRANSLINT_SEVERITY_INFO:
        return result->infos;
    }
    return 0;
}

TRANSLINT_API const char* translint_error_message(const translint_error* error, size_t* size) {
    if (size) *size = error ? error->message.size() : 0;
    return error ? error->message.c_str() : "";
}

TRANSLINT_API int translint_error_code(const translint_error* error) {
    return error ? error->code : 0;
}

TRANSLINT_API void translint_error_free(translint_error* error) {
    if (error != &out_of_memory) delete error;
}

} // extern "C"
