// The translint executable: thin glue between the command line and the library.
#include "options.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"
#include "translint/sink.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace translint;

namespace {

constexpr int exit_clean = 0, exit_findings = 1, exit_failure = 2;

// Extensions checked when a directory is walked; a file named on the command line is always read.
bool is_checked_extension(const fs::path& path) {
    return path.extension() == ".text" || has_known_extension(path.string());
}

void report_error(const std::string& message) {
    std::cerr << "translint: error: " << message << '\n';
}

Config load_config(const cli::Options& options) {
    if (!options.config.empty()) {
        std::error_code error;
        if (!fs::is_regular_file(options.config, error))
            throw Error(options.config + ": config file not found");
        return Config::load(options.config);
    }
    if (auto found = Config::find(fs::current_path())) return Config::load(*found);
    Config config;
    config.dictionary_paths = default_dictionary_paths();
    return config;
}

// The files to check, in a stable order; walking errors are reported and counted.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths, bool& failed) {
    std::vector<std::string> inputs;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path != "-" && fs::is_directory(path, error)) {
            std::vector<std::string> found;
            auto it = fs::recursive_directory_iterator(
                path, fs::directory_options::skip_permission_denied, error);
            for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
                const std::string name = it->path().filename().string();
                if (name.starts_with(".") && it->is_directory())
                    it.disable_recursion_pending();
                else if (it->is_regular_file() && is_checked_extension(it->path()))
                    found.push_back(it->path().string());
            }
            if (error) {
                report_error(path + ": cannot walk directory: " + error.message());
                failed = true;
            }
            std::sort(found.begin(), found.end());
            inputs.insert(inputs.end(), found.begin(), found.end());
        } else {
            inputs.push_back(path);
        }
    }
    return inputs;
}

// From --lang, the file itself (XLIFF, PO), the config, or a language tag in the file name
// (article.it.txt).
std::string language_for(const Document& document, const cli::Options& options,
                         const Config& config, const std::vector<std::string>& known) {
    const std::string& path = document.path();
    if (!options.language.empty()) return options.language;
    if (!document.target_language().empty()) return document.target_language();
    if (!config.language.empty()) return config.language;
    const std::string tag = fs::path(path).stem().extension().string();
    if (tag.size() > 1 && std::find(known.begin(), known.end(), tag.substr(1)) != known.end())
        return tag.substr(1);
    throw Error(
        path +
        ": no language: pass --lang, set 'language' in .translint.yaml, or name the file like "
        "article.it.txt");
}

bool at_or_above(Severity severity, cli::FailOn fail_on) {
    switch (fail_on) {
    case cli::FailOn::error:
        return severity == Severity::error;
    case cli::FailOn::warning:
        return severity != Severity::info;
    case cli::FailOn::info:
        return true;
    case cli::FailOn::never:
        return false;
    }
    return false;
}

int run_check(const cli::Options& options) {
    const Config config = load_config(options);
    // The engine lives until the process ends: freeing its dictionaries and name indexes one by
    // one would only delay the exit, and the system reclaims them at once.
    static const Engine& engine = *new Engine(config);
    const std::vector<std::string> languages = engine.languages();
    bool failed = false, findings = false;
    std::vector<std::string> inputs = collect_inputs(
        options.paths.empty() ? std::vector<std::string>{"-"} : options.paths, failed);
    if (!options.source.empty() && inputs.size() != 1)
        throw Error("--source pairs one translation with its source, and " + options.paths.front() +
                    " holds " + std::to_string(inputs.size()) + " files");

    std::ostringstream buffer;
    const bool to_stdout = options.output.empty();
    SinkOptions sink_options;
    sink_options.color = options.color == cli::ColorMode::always ||
                         (options.color == cli::ColorMode::automatic && to_stdout &&
                          ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    std::unique_ptr<Sink> sink =
        make_sink(options.format, to_stdout ? std::cout : buffer, sink_options);
    FormatOptions format_options;
    if (config.translation_functions)
        format_options.translation_functions = *config.translation_functions;
    Summary summary;
    for (const std::string& input : inputs) {
        try {
            const bool stdin_input = input == "-";
            std::string bytes;
            if (stdin_input)
                bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
            else
                bytes = read_file(input);
            const InputFormat format =
                options.input_format ? *options.input_format : input_format_for(input);
            Document document = read_document(stdin_input ? "<stdin>" : input, std::move(bytes),
                                              format, format_options);
            if (!options.source.empty() && format != InputFormat::text)
                throw Error(document.path() + ": --source pairs plain-text files; " +
                            "XLIFF, PO and TSV carry their source themselves");
            if (!options.source.empty())
                align_with_source(document,
                                  Document::from_text(options.source, read_file(options.source)));
            const std::string language = language_for(document, options, config, languages);
            document.set_languages(!options.source_language.empty() ? options.source_language
                                   : !document.source_language().empty()
                                       ? document.source_language()
                                       : config.source_language,
                                   language);
            const std::vector<Diagnostic> diagnostics = engine.check(document, language);
            for (const Diagnostic& d : diagnostics)
                findings = findings || at_or_above(d.severity, options.fail_on);
            summary.add(diagnostics);
            sink->file(document, language, diagnostics);
        } catch (const Error& e) {
            report_error(e.what());
            failed = true;
        } catch (const std::exception& e) {
            // A defect of translint's own, not of the file: name the file, check the others.
            report_error(input + ": internal error: " + e.what());
            failed = true;
        }
    }
    sink->finish(summary);
    if (!to_stdout)
        write_file_atomically(options.output, buffer.str());
    else
        std::cout.flush();
    return failed ? exit_failure : findings ? exit_findings : exit_clean;
}

std::vector<std::string> rule_languages(const cli::Options& options, const Engine& engine) {
    return options.language.empty() ? engine.languages()
                                    : std::vector<std::string>{options.language};
}

int run_rules_list(const cli::Options& options) {
    const Engine engine(load_config(options));
    const std::vector<std::string> languages = rule_languages(options, engine);
    for (const std::string& language : languages) {
        for (const RuleInfo& rule : engine.rules(language)) {
            if (rule.language.empty() && language != languages.front()) continue;
            std::cout << rule.id << '\t' << rule.kind << '\t' << to_string(rule.category) << '\t'
                      << to_string(rule.severity) << '\t' << (rule.enabled ? "on" : "off") << '\t'
                      << rule.examples << " examples\t"
                      << (rule.description.empty() ? rule.message : rule.description) << '\n';
        }
    }
    return exit_clean;
}

int run_rules_test(const cli::Options& options) {
    const Engine engine(load_config(options));
    const std::vector<std::string> languages = rule_languages(options, engine);
    std::size_t passed = 0, failed = 0;
    for (const ExampleResult& result : engine.test_examples(languages)) {
        if (result.passed) {
            ++passed;
            continue;
        }
        ++failed;
        std::cout << result.file << ':' << result.line << ": " << result.rule << ": "
                  << result.reason << '\n';
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed ? exit_findings : exit_clean;
}

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        const cli::Options options = cli::parse_options(argc, argv);
        switch (options.command) {
        case cli::Command::help:
            std::cout << cli::usage();
            return exit_clean;
        case cli::Command::version:
            std::cout << "translint " << TRANSLINT_VERSION << '\n';
            return exit_clean;
        case cli::Command::check:
            return run_check(options);
        case cli::Command::rules_list:
            return run_rules_list(options);
        case cli::Command::rules_test:
            return run_rules_test(options);
        }
    } catch (const Error& e) {
        report_error(e.what());
    } catch (const std::exception& e) {
        report_error(std::string("internal error: ") + e.what());
    }
    return exit_failure;
}
