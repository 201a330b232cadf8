// What each fuzz target does with its bytes, shared by the targets in fuzz/ and by the regression
// test (tests/fuzz_regressions_test.cpp), which runs the inputs that once failed through the same
// code. A translint::Error is the documented rejection of bad input and is caught here; any other
// exception escapes, and a broken invariant (a segment or a finding that points outside the file)
// throws fuzz::Violation. libFuzzer reports both as a crash.
#pragma once

#include "core/embedded.hpp"
#include "lsp/message_reader.hpp"
#include "lsp/server.hpp"
#include "names/gazetteer.hpp"
#include "names/read_back_table.hpp"
#include "rules/examples.hpp"
#include "rules/registry.hpp"
#include "rules/rule_loader.hpp"
#include "spell/hunspell_backend.hpp"
#include "spell/word_list.hpp"
#include "text/segmenter.hpp"
#include "text/unicode.hpp"
#include "translint.h"
#include "translint/config.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/sink.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace translint::fuzz {

// A finding that is not a crash: translint gave an answer that breaks its own contract.
class Violation : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

inline void require(bool holds, const std::string& what) {
    if (!holds) throw Violation(what);
}

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
    return size ? std::string(reinterpret_cast<const char*>(data), size) : std::string();
}

// One engine for the process, with the default config; its rule packs, dictionaries and
// gazetteer load on the first check.
inline const Engine& shared_engine() {
    static const Engine engine{Config{}};
    return engine;
}

// Every segment is UTF-8, as the rules take it to be; every byte of every segment maps into the
// file, and so does the end of each segment.
inline void check_segments(const Document& document) {
    const std::size_t size = document.bytes().size();
    for (std::size_t s = 0; s < document.segments().size(); ++s) {
        const Segment& segment = document.segments()[s];
        if (const std::optional<std::size_t> bad = text::find_invalid_utf8(segment.text))
            throw Violation(document.path() + ": segment " + std::to_string(s) +
                            " has invalid UTF-8 at its byte " + std::to_string(*bad) + ": '" +
                            segment.text.substr(*bad > 20 ? *bad - 20 : 0, 40) + "'");
        for (std::size_t i = 0; i <= segment.text.size(); ++i)
            require(segment.map.to_original(i) <= size,
                    document.path() + ": segment " + std::to_string(s) + " maps its offset " +
                        std::to_string(i) + " to " + std::to_string(segment.map.to_original(i)) +
                        ", past the end of the file (" + std::to_string(size) + " bytes)");
    }
}

inline void check_span(const Document& document, std::size_t offset, std::size_t length,
                       const std::string& what) {
    const std::size_t size = document.bytes().size();
    require(offset <= size && length <= size - offset,
            document.path() + ": " + what + " at " + std::to_string(offset) + "+" +
                std::to_string(length) + " is outside the file (" + std::to_string(size) +
                " bytes)");
}

// Findings point into the file, and the text report (which prints their lines) can show them.
inline void check_findings(const Document& document, const std::vector<Diagnostic>& found) {
    for (const Diagnostic& d : found) {
        check_span(document, d.offset, d.length, "finding " + d.rule);
        for (const Edit& edit : d.fixes)
            check_span(document, edit.offset, edit.length, "fix of " + d.rule);
    }
    std::ostringstream out;
    const std::unique_ptr<Sink> sink = make_sink("text", out);
    sink->file(document, "it", found);
    Summary summary;
    summary.add(found);
    sink->finish(summary);
}

// TSV pairs from each source language whose dictionary the bilingual rules load on first use
// (common_words in rules/common/bilingual.yaml): a name alone at the start of the source asks
// whether it is a common word.
inline const std::vector<std::string>& bilingual_warm_ups() {
    static const std::vector<std::string> pairs = {"uk\tit\nМаск прибув.\tMusk è arrivato.\n",
                                                   "ru\tit\nМаск прибыл.\tMusk è arrivato.\n",
                                                   "en\tit\nMusk arrived.\tMusk è arrivato.\n",
                                                   "fr\tit\nMusk est arrivé.\tMusk è arrivato.\n"};
    return pairs;
}

// Loads the rule packs, dictionaries and gazetteer before the first input, so that the first
// input is not charged for them; with `bilingual`, the source languages' dictionaries too.
inline void warm_up_engine(bool bilingual = false) {
    const Document document = Document::from_text("warm-up.it.txt", "Ilon Musk ha detto ciao.\n");
    (void)shared_engine().check(document, "it");
    if (bilingual)
        for (const std::string& pairs : bilingual_warm_ups())
            (void)shared_engine().check(read_document("warm-up.tsv", pairs, InputFormat::tsv),
                                        "it");
}

inline void check_with_engine(const Document& document) {
    check_findings(document, shared_engine().check(document, "it"));
}

// --- document: plain text, the segmenter and the engine.
constexpr std::size_t document_max_bytes = 64 << 10;

inline void fuzz_document(std::string bytes) {
    if (bytes.size() > document_max_bytes) return;
    try {
        const Document document = Document::from_text("fuzz.it.txt", std::move(bytes));
        check_segments(document);
        for (const Segment& segment : document.segments()) {
            const std::size_t size = segment.text.size();
            for (const text::Span span : text::paragraphs(segment.text))
                require(span.end() <= size, "a paragraph ends past its segment");
            for (const text::Span span : text::sentences(segment.text))
                require(span.end() <= size, "a sentence ends past its segment");
            for (const text::Token& token : text::words(segment.text))
                require(token.span.end() <= size, "a word ends past its segment");
        }
        check_with_engine(document);
    } catch (const Error&) {
    }
}

// --- markdown, html, xliff, po, tsv, cpp: an input adapter, then the engine on what it found.
constexpr std::size_t format_max_bytes = 64 << 10;
// Checking is slower than reading: only the smaller inputs go on to the engine.
constexpr std::size_t format_check_max_bytes = 8 << 10;

inline void fuzz_format(std::string bytes, InputFormat format, const std::string& path) {
    if (bytes.size() > format_max_bytes) return;
    const bool check = bytes.size() <= format_check_max_bytes;
    try {
        const Document document = read_document(path, std::move(bytes), format);
        check_segments(document);
        for (const Suppression& suppression : document.suppressions())
            require(suppression.begin <= suppression.end &&
                        suppression.end <= document.bytes().size(),
                    path + ": a suppression reaches past the end of the file");
        if (check) check_with_engine(document);
    } catch (const Error&) {
    }
}

// A plain-text translation and its source, each part of the input: the target, then after a
// line "---", the source.
inline void fuzz_aligned(const std::string& bytes) {
    if (bytes.size() > format_max_bytes) return;
    const std::size_t split = bytes.find("\n---\n");
    if (split == std::string::npos) return;
    try {
        Document target = Document::from_text("target.it.txt", bytes.substr(0, split + 1));
        const Document source = Document::from_text("source.en.txt", bytes.substr(split + 5));
        align_with_source(target, source);
        check_segments(target);
        if (bytes.size() <= format_check_max_bytes) check_with_engine(target);
    } catch (const Error&) {
    }
}

inline void fuzz_tsv(std::string bytes) {
    fuzz_aligned(bytes);
    fuzz_format(std::move(bytes), InputFormat::tsv, "fuzz.tsv");
}

// libclang is slow and reads the headers an input names: the inputs are kept small.
constexpr std::size_t cpp_max_bytes = 16 << 10;

inline void fuzz_cpp(std::string bytes) {
    if (bytes.size() > cpp_max_bytes) return;
    // A directory that does not exist: no compile_commands.json above it, and no header beside.
    fuzz_format(std::move(bytes), InputFormat::cpp, "/nonexistent/translint-fuzz/input.cpp");
}

// --- rules: a rule file, each of its rules built, and its examples run.

// What rules may load, as the engine gives it, but only from what translint ships: a rule file
// may name any file as a word list, and a fuzzer's names would be /dev/zero.
class FuzzResources : public RuleResources {
public:
    spell::Dictionary& dictionary(const std::string& name) override {
        std::lock_guard lock(mutex_);
        std::unique_ptr<spell::Dictionary>& slot = dictionaries_[name];
        if (!slot) slot = spell::Dictionary::load(name, default_dictionary_paths());
        return *slot;
    }

    std::vector<std::string> word_list(const std::string& path) override {
        for (const EmbeddedFile& file : embedded_files())
            if (path == file.path) return spell::parse_word_list(path, file.bytes);
        throw Error(path + ": only the shipped word lists are read while fuzzing");
    }

    const std::vector<std::string>& project_words() override { return project_words_; }

    const names::Gazetteer& gazetteer() override {
        std::lock_guard lock(mutex_);
        if (!gazetteer_) {
            auto gazetteer = std::make_unique<names::Gazetteer>();
            std::optional<names::ReadBackTable> table;
            for (const EmbeddedFile& file : embedded_files()) {
                const std::string_view path = file.path;
                if (path.starts_with("dictionaries/names/") && path.ends_with(".tsv"))
                    gazetteer->add_file(std::string(path), file.bytes);
                if (path == "generated/read-back.tsv") table.emplace(file.bytes);
            }
            for (const std::string& name : Config{}.name_dictionaries)
                gazetteer->add_dictionary_names(
                    spell::Dictionary::capitalised_words(name, default_dictionary_paths()));
            gazetteer->build(table ? &*table : nullptr);
            gazetteer_ = std::move(gazetteer);
        }
        return *gazetteer_;
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<spell::Dictionary>> dictionaries_;
    std::vector<std::string> project_words_;
    std::unique_ptr<names::Gazetteer> gazetteer_;
};

inline FuzzResources& fuzz_resources() {
    static FuzzResources resources;
    return resources;
}

constexpr std::size_t rules_max_bytes = 16 << 10;

inline void fuzz_rules(std::string bytes) {
    if (bytes.size() > rules_max_bytes) return;
    try {
        for (const RuleSpec& spec : parse_rule_file("rules/it/fuzz.yaml", bytes, "it")) {
            const RuleKind* kind = find_rule_kind(spec.kind);
            require(kind != nullptr, "the loader let through the unknown kind " + spec.kind);
            try {
                const std::unique_ptr<Rule> rule = kind->make(spec, fuzz_resources());
                (void)run_examples(*rule);
            } catch (const Error&) {
                // A bad rule is refused on its own; the next rule of the file is built.
            }
        }
    } catch (const Error&) {
    }
}

// --- config: .translint.yaml, read from a file of its own per process.
constexpr std::size_t config_max_bytes = 16 << 10;

inline void fuzz_config(const std::string& bytes) {
    if (bytes.size() > config_max_bytes) return;
    const std::filesystem::path directory = std::filesystem::temp_directory_path() /
                                            ("translint-fuzz-config-" + std::to_string(getpid()));
    std::filesystem::create_directories(directory);
    const std::filesystem::path path = directory / ".translint.yaml";
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        require(static_cast<bool>(out), "cannot write " + path.string());
    }
    try {
        const Config config = Config::load(path);
        (void)config.enabled("it.spelling", true);
        (void)config.enabled("it.names.garbled", false);
    } catch (const Error&) {
    }
}

// --- lsp_messages: the message reader, then the whole server over the same bytes.
constexpr std::size_t lsp_max_bytes = 16 << 10;

inline void fuzz_lsp(const std::string& bytes) {
    if (bytes.size() > lsp_max_bytes) return;
    {
        std::istringstream in(bytes);
        lsp::MessageReader reader(in, 1 << 20);
        // Each message consumes at least one byte, so the stream ends within this many.
        std::size_t messages = 0;
        for (;;) {
            const lsp::Message message = reader.next();
            if (message.kind == lsp::Message::Kind::end) break;
            require(++messages <= bytes.size(), "the message reader does not reach the end");
            if (message.kind == lsp::Message::Kind::body)
                require(message.body.size() <= bytes.size(), "a message longer than its input");
        }
    }
    std::istringstream in(bytes);
    std::ostringstream out;
    lsp::ServerOptions options;
    options.debounce = std::chrono::milliseconds(1);
    options.max_message_bytes = 1 << 20;
    // Documents are refused rather than checked: each serve() makes its own engine, whose first
    // check loads dictionaries and the gazetteer for seconds, and whether the worker gets to a
    // document before the input ends is a race. The other targets check documents.
    options.max_document_bytes = 0;
    const int status = lsp::serve(in, out, options);
    require(status == 0 || status == 1, "serve returned " + std::to_string(status));
}

// --- c_api: translint_check with the format, language and path that the first byte picks.
constexpr std::size_t c_api_max_bytes = 16 << 10;

inline const translint_engine* c_api_engine() {
    static translint_engine* const engine = [] {
        translint_error* error = nullptr;
        translint_engine* made = translint_engine_new(nullptr, 0, &error);
        require(made != nullptr,
                std::string("translint_engine_new: ") + translint_error_message(error, nullptr));
        return made;
    }();
    return engine;
}

// Loads both languages' rule packs and dictionaries, and the source languages' ones, before the
// first input.
inline void warm_up_c_api() {
    auto check = [](std::string_view text, std::string_view language, std::string_view format) {
        translint_result* result =
            translint_check(c_api_engine(), text.data(), text.size(), language.data(),
                            language.size(), format.data(), format.size(), "", 0, nullptr);
        require(result != nullptr, "the warm-up check failed");
        translint_result_free(result);
    };
    check("Ciao.\n", "it", "text");
    check("Hello.\n", "en", "text");
    for (const std::string& pairs : bilingual_warm_ups())
        check(pairs, "", "tsv");
    check("uk\ten\nМаск прибув.\tMusk arrived.\n", "", "tsv"); // the English rules' own
}

inline void fuzz_c_api(const std::string& bytes) {
    if (bytes.empty() || bytes.size() > c_api_max_bytes) return;
    static constexpr std::string_view formats[] = {"",      "text", "markdown", "html",
                                                   "xliff", "po",   "tsv",      "bogus"};
    static constexpr std::string_view languages[] = {"it", "", "en", "xx"};
    static constexpr std::string_view paths[] = {"", "article.it.txt", "notes.md", "-"};
    const auto pick = static_cast<unsigned char>(bytes[0]);
    const std::string_view format = formats[pick & 7];
    const std::string_view language = languages[(pick >> 3) & 3];
    const std::string_view path = paths[(pick >> 5) & 3];
    const std::string_view text = std::string_view(bytes).substr(1);

    translint_error* error = nullptr;
    translint_result* result =
        translint_check(c_api_engine(), text.data(), text.size(), language.data(), language.size(),
                        format.data(), format.size(), path.data(), path.size(), &error);
    if (!result) {
        const int code = translint_error_code(error);
        const std::string message = translint_error_message(error, nullptr);
        translint_error_free(error);
        require(code == TRANSLINT_ERROR_INPUT ||
                    (code == TRANSLINT_ERROR_ARGUMENT && format == "bogus"),
                "translint_check failed with code " + std::to_string(code) + ": " + message);
        return;
    }
    const char* json = nullptr;
    std::size_t size = 0;
    translint_result_json(result, &json, &size);
    const std::size_t all = translint_result_count(result, TRANSLINT_SEVERITY_ALL);
    const std::size_t parts = translint_result_count(result, TRANSLINT_SEVERITY_ERROR) +
                              translint_result_count(result, TRANSLINT_SEVERITY_WARNING) +
                              translint_result_count(result, TRANSLINT_SEVERITY_INFO);
    const bool json_ok =
        json && size > 0 && json[size] == '\0' && std::string_view(json, size).starts_with("{");
    translint_result_free(result);
    require(all == parts, "the counts by severity do not add up to the count of all findings");
    require(json_ok, "the JSON report is empty or not NUL-terminated");
}

} // namespace translint::fuzz
