// The translint executable: thin glue between the command line and the library.
#include "in_order.hpp"
#include "lsp/server.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "translint/baseline.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/fix.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"
#include "translint/sink.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
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

// The files under `root` that a walk checks. Symbolic links to files are followed; links to
// directories are not, so a link back up the tree (a/loop -> ..) cannot make the walk endless.
// A directory that cannot be read is reported and counted, and the walk goes on.
struct Walked {
    std::string path;
    bool through_link;
};
void walk(const std::string& root, std::vector<Walked>& found, bool& failed) {
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
        const fs::path directory = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        fs::directory_iterator it(directory, error);
        for (; !error && it != fs::directory_iterator(); it.increment(error)) {
            const fs::directory_entry& entry = *it;
            std::error_code ignored;
            const bool link = entry.is_symlink(ignored);
            if (!link && entry.is_directory(ignored)) {
                if (!entry.path().filename().string().starts_with("."))
                    pending.push_back(entry.path());
            } else if (entry.is_regular_file(ignored) && is_checked_extension(entry.path())) {
                found.push_back({entry.path().string(), link});
            }
        }
        if (error) {
            report_error(directory.string() + ": cannot walk directory: " + error.message());
            failed = true;
        }
    }
}

// The files to check, in a stable order, each once however many paths lead to it (a directory
// named twice, a link beside its target); walking errors are reported and counted.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths, bool& failed) {
    std::vector<std::string> inputs;
    std::set<std::pair<std::uint64_t, std::uint64_t>> seen; // device and inode
    auto first_time = [&](const std::string& path) {
        const FileStamp stamp = file_stamp(path);
        return !stamp.exists || seen.insert({stamp.device, stamp.inode}).second;
    };
    for (const std::string& path : paths) {
        std::error_code error;
        if (path != "-" && fs::is_directory(path, error)) {
            std::vector<Walked> found;
            walk(path, found, failed);
            std::sort(found.begin(), found.end(),
                      [](const Walked& a, const Walked& b) { return a.path < b.path; });
            // A file reached both directly and through a link is checked under its own name.
            std::vector<bool> keep(found.size());
            for (bool links : {false, true})
                for (std::size_t i = 0; i < found.size(); ++i)
                    if (found[i].through_link == links) keep[i] = first_time(found[i].path);
            for (std::size_t i = 0; i < found.size(); ++i)
                if (keep[i]) inputs.push_back(std::move(found[i].path));
        } else if (path == "-" || first_time(path)) {
            inputs.push_back(path);
        }
    }
    return inputs;
}

std::string joined(const std::vector<std::string>& words) {
    std::string list;
    for (const std::string& word : words)
        list += (list.empty() ? "" : ", ") + word;
    return list;
}

// From --lang, the file itself (XLIFF, PO), the config, or a language tag in the file name
// (article.it.txt).
std::string language_for(const Document& document, const cli::Options& options,
                         const Config& config, const std::vector<std::string>& known) {
    const std::string& path = document.path();
    if (!options.language.empty()) return options.language;
    if (!document.target_language().empty()) return document.target_language();
    if (!config.language.empty()) return config.language;
    if (std::string tag = language_in_file_name(path, known); !tag.empty()) return tag;
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

// What checking one input gave: its findings, or the error that stopped it.
struct Checked {
    std::optional<Document> document;
    std::string language;
    std::vector<Diagnostic> diagnostics;
    std::size_t in_baseline = 0; // findings the baseline hid
    std::size_t fixed = 0;       // findings that --fix fixed in the file
    std::string error;
};

class Checker {
public:
    Checker(const cli::Options& options, const Config& config, const Engine& engine,
            const Baseline* baseline)
        : options_(options)
        , config_(config)
        , engine_(engine)
        , baseline_(baseline)
        , languages_(engine.languages())
        , format_options_(FormatOptions::from(config)) {}

    // Never throws: a file that cannot be checked gives its error, and the others go on.
    Checked check(const std::string& input) const {
        Checked checked;
        try {
            FileStamp read_version;
            checked.document = read(input, &read_version);
            examine(checked);
            if (options_.fix) fix(input, read_version, checked);
        } catch (const Error& e) {
            checked.error = e.what();
        } catch (const std::exception& e) {
            // A defect of translint's own, not of the file: name the file, check the others.
            checked.error = input + ": internal error: " + e.what();
        }
        return checked;
    }

private:
    // Finds the document's language and its findings, less those the baseline holds.
    void examine(Checked& checked) const {
        Document& document = *checked.document;
        checked.language = language_for(document, options_, config_, languages_);
        if (std::find(languages_.begin(), languages_.end(), checked.language) == languages_.end())
            throw Error(document.path() + ": unknown language '" + checked.language +
                        "' (rule packs exist for: " + joined(languages_) + ")");
        document.set_languages(!options_.source_language.empty()     ? options_.source_language
                               : !document.source_language().empty() ? document.source_language()
                                                                     : config_.source_language,
                               checked.language);
        checked.diagnostics = engine_.check(document, checked.language);
        if (baseline_) {
            const std::size_t all = checked.diagnostics.size();
            checked.diagnostics = baseline_->new_findings(document, std::move(checked.diagnostics));
            checked.in_baseline = all - checked.diagnostics.size();
        }
    }

    // Writes the findings' safe fixes into the file, unless it changed since it was read, and
    // checks what the file has become: what is left is reported where it now stands.
    void fix(const std::string& input, const FileStamp& read_version, Checked& checked) const {
        const Fixed fixed = apply_fixes(checked.document->bytes(), checked.diagnostics);
        if (fixed.findings_fixed == 0) return;
        write_file_atomically(input, fixed.bytes, read_version);
        checked.document = read(input);
        checked.in_baseline = 0;
        examine(checked);
        checked.fixed = fixed.findings_fixed;
    }

    Document read(const std::string& input, FileStamp* version = nullptr) const {
        const bool stdin_input = input == "-";
        const std::size_t max_bytes = format_options_.max_bytes;
        std::string bytes =
            stdin_input ? read_standard_input(max_bytes) : read_file(input, max_bytes, version);
        const InputFormat format =
            options_.input_format ? *options_.input_format : input_format_for(input);
        Document document = read_document(stdin_input ? "<stdin>" : input, std::move(bytes), format,
                                          format_options_);
        if (!options_.source.empty() && format != InputFormat::text)
            throw Error(document.path() + ": --source pairs plain-text files; " +
                        "XLIFF, PO and TSV carry their source themselves");
        if (!options_.source.empty())
            align_with_source(document, Document::from_text(options_.source,
                                                            read_file(options_.source, max_bytes),
                                                            max_bytes));
        return document;
    }

    const cli::Options& options_;
    const Config& config_;
    const Engine& engine_;
    const Baseline* baseline_;
    const std::vector<std::string> languages_;
    const FormatOptions format_options_;
};

// Every rule of every language, once each: SARIF and HTML describe the rules behind findings.
std::vector<RuleInfo> all_rules(const Engine& engine) {
    std::vector<RuleInfo> rules;
    std::set<std::string> seen;
    for (const std::string& language : engine.languages())
        for (RuleInfo& rule : engine.rules(language))
            if (seen.insert(rule.id).second) rules.push_back(std::move(rule));
    return rules;
}

std::string summary_line(const Summary& summary) {
    std::ostringstream line;
    make_sink("text", line)->finish(summary);
    return line.str();
}

// The report must not take the place of a file translint reads: an input, the source, or the
// baseline a check compares with.
void refuse_output_over_input(const cli::Options& options, const FileStamp& output,
                              const std::vector<std::string>& inputs) {
    if (!output.exists) return;
    auto same = [&](const std::string& path) {
        const FileStamp stamp = file_stamp(path);
        return stamp.exists && stamp.device == output.device && stamp.inode == output.inode;
    };
    for (const std::string& input : inputs)
        if (input != "-" && same(input))
            throw Error(options.output + ": --output names a file to check (" + input +
                        "); the report would overwrite it");
    if (!options.source.empty() && same(options.source))
        throw Error(options.output + ": --output names the --source file; the report would "
                                     "overwrite it");
    if (options.command == cli::Command::check && !options.baseline.empty() &&
        same(options.baseline))
        throw Error(options.output + ": --output names the --baseline file; the report would "
                                     "overwrite it");
}

int run_check(const cli::Options& options) {
    // The output file as the run found it: if someone changes it meanwhile, the report does not
    // overwrite their change.
    const FileStamp output_stamp =
        options.output.empty() ? FileStamp{} : file_stamp(options.output);
    const Config config = load_config(options);
    // The engine lives until the process ends: freeing its dictionaries and name indexes one by
    // one would only delay the exit, and the system reclaims them at once.
    static const Engine& engine = *new Engine(config);
    // Said once, before any file: every file would fail the same way.
    if (const std::vector<std::string> known = engine.languages();
        !options.language.empty() &&
        std::find(known.begin(), known.end(), options.language) == known.end()) {
        throw Error("--lang " + options.language +
                    ": unknown language (rule packs exist for: " + joined(known) + ")");
    }
    const bool recording = options.command == cli::Command::baseline;
    std::optional<Baseline> baseline;
    if (!options.baseline.empty()) baseline = Baseline::load(options.baseline);
    bool failed = false, findings = false;
    std::vector<std::string> inputs = collect_inputs(
        options.paths.empty() ? std::vector<std::string>{"-"} : options.paths, failed);
    if (!options.source.empty() && inputs.size() != 1)
        throw Error("--source pairs one translation with its source, and " + options.paths.front() +
                    " holds " + std::to_string(inputs.size()) + " files");
    refuse_output_over_input(options, output_stamp, inputs);

    std::ostringstream buffer;
    const bool to_stdout = options.output.empty() && !recording;
    SinkOptions sink_options;
    sink_options.color = options.color == cli::ColorMode::always ||
                         (options.color == cli::ColorMode::automatic && to_stdout &&
                          ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    if (!recording) sink_options.rules = all_rules(engine);
    std::unique_ptr<Sink> sink =
        make_sink(options.format, to_stdout ? std::cout : buffer, sink_options);
    Baseline recorded;
    Summary summary;
    std::size_t fixed_findings = 0, fixed_files = 0;
    const Checker checker(options, config, engine, baseline ? &*baseline : nullptr);
    cli::Progress progress(inputs.size(), !options.quiet && ::isatty(STDERR_FILENO));
    cli::run_in_order(
        inputs.size(), options.jobs, [&](std::size_t i) { return checker.check(inputs[i]); },
        [&](Checked checked) {
            progress.advance();
            if (!checked.error.empty()) {
                progress.clear();
                report_error(checked.error);
                failed = true;
                return;
            }
            for (const Diagnostic& d : checked.diagnostics)
                findings = findings || at_or_above(d.severity, options.fail_on);
            summary.add(checked.diagnostics);
            summary.in_baseline += checked.in_baseline;
            fixed_findings += checked.fixed;
            fixed_files += checked.fixed ? 1 : 0;
            if (recording)
                recorded.add(*checked.document, checked.diagnostics);
            else
                sink->file(*checked.document, checked.language, checked.diagnostics);
        });
    progress.clear();
    if (recording) {
        write_file_atomically(options.output, recorded.to_json(), output_stamp);
        if (!options.quiet)
            std::cerr << "translint: recorded " << recorded.size() << " findings of "
                      << summary.files << " files in " << options.output << '\n';
        return failed ? exit_failure : exit_clean;
    }
    sink->finish(summary);
    if (!to_stdout)
        write_file_atomically(options.output, buffer.str(), output_stamp);
    else
        std::cout.flush();
    // The text report ends with the summary; the other formats are for machines, so people
    // reading the log get it on stderr.
    if (!options.quiet && (options.format != "text" || !to_stdout))
        std::cerr << "translint: " << summary_line(summary);
    if (options.fix && !options.quiet)
        std::cerr << "translint: fixed " << fixed_findings << " finding"
                  << (fixed_findings == 1 ? "" : "s") << " in " << fixed_files << " file"
                  << (fixed_files == 1 ? "" : "s") << '\n';
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
        case cli::Command::baseline:
            return run_check(options);
        case cli::Command::lsp:
            return lsp::serve(std::cin, std::cout);
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
