#include "options.hpp"

#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/sink.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <thread>

namespace translint::cli {

const char* usage() {
    return R"(translint: finds garbled names, mistranslations and broken numbers in translated text

usage:
  translint check [OPTIONS] [PATH ...]   check files, directories (walked) or - for stdin
  translint baseline --output FILE [OPTIONS] PATH ...
                                         record today's findings, so that
                                         'check --baseline FILE' reports only new ones
  translint lsp                          a Language Server Protocol server on stdin and
                                         stdout, for editors (see plugin/README.md)
  translint rules list [--lang LANG] [--config FILE]
  translint rules test [--lang LANG] [--config FILE]
  translint --version
  translint --help

options of check:
  --lang LANG        target language (it, en); otherwise from the file (XLIFF, PO, TSV),
                     the config file or the file name (article.it.txt)
  --format FORMAT    text (default) | json | sarif | junit | checkstyle | github | html
  --input-format F   text | markdown | html | xliff | po | cpp | tsv; otherwise from the
                     file name (.md, .html, .xlf, .po, .cpp, .tsv, ...)
  --source FILE      the plain-text source that the one PATH translates, paired paragraph
                     by paragraph, for the bilingual checks
  --source-lang LANG language of the source; otherwise from the file (XLIFF, PO, TSV) or
                     the config
  --output FILE      write the report here instead of stdout
  --config FILE      otherwise the nearest .translint.yaml upward from the current directory
  --fail-on LEVEL    error (default) | warning | info | never
  --baseline FILE    report only findings that FILE (from 'translint baseline') lacks
  --jobs N           check N files at a time (default 0: one per core); the output
                     is the same whatever N
  --color WHEN       auto (default) | always | never
  --quiet            no progress bar and no summary line on stderr
  --fix              write the fixes that rules mark as certain (1,500,000 -> 1.500.000, a
                     repeated word) into the files, each replaced whole and only if
                     unchanged since it was read; then report what is left

exit status: 0 = nothing at or above --fail-on; 1 = findings at or above it;
             2 = usage, config or input error
)";
}

namespace {

FailOn parse_fail_on(const std::string& value) {
    if (value == "error") return FailOn::error;
    if (value == "warning") return FailOn::warning;
    if (value == "info") return FailOn::info;
    if (value == "never") return FailOn::never;
    throw Error("--fail-on must be error, warning, info or never, not '" + value + "'");
}

ColorMode parse_color(const std::string& value) {
    if (value == "auto") return ColorMode::automatic;
    if (value == "always") return ColorMode::always;
    if (value == "never") return ColorMode::never;
    throw Error("--color must be auto, always or never, not '" + value + "'");
}

unsigned parse_jobs(const std::string& value) {
    unsigned jobs = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), jobs);
    if (error != std::errc() || end != value.data() + value.size() || jobs > 1024)
        throw Error("--jobs must be a number from 0 to 1024, not '" + value + "'");
    return jobs;
}

} // namespace

Options parse_options(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    Options options;
    if (args.empty()) throw Error("no command given; try 'translint --help'");
    std::size_t i = 0;
    const std::string& command = args[i++];
    if (command == "--help" || command == "-h" || command == "help") return options;
    if (command == "--version" || command == "-V") {
        options.command = Command::version;
        return options;
    }
    if (command == "check") {
        options.command = Command::check;
    } else if (command == "baseline") {
        options.command = Command::baseline;
    } else if (command == "lsp") {
        options.command = Command::lsp;
    } else if (command == "rules") {
        if (i == args.size()) throw Error("'rules' needs 'list' or 'test'");
        const std::string& sub = args[i++];
        if (sub == "list")
            options.command = Command::rules_list;
        else if (sub == "test")
            options.command = Command::rules_test;
        else
            throw Error("unknown command 'rules " + sub + "'; try 'rules list' or 'rules test'");
    } else {
        throw Error("unknown command '" + command + "'; try 'translint --help'");
    }
    bool only_paths = false;
    for (; i < args.size(); ++i) {
        std::string arg = args[i];
        if (only_paths || arg == "-" || !arg.starts_with("-")) {
            if (options.command != Command::check && options.command != Command::baseline)
                throw Error("unexpected argument '" + arg + "'");
            options.paths.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_paths = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            options.command = Command::help;
            return options;
        }
        std::string value;
        bool inline_value = false;
        if (const auto equals = arg.find('='); equals != std::string::npos) {
            value = arg.substr(equals + 1);
            arg = arg.substr(0, equals);
            inline_value = true;
        }
        auto take = [&]() -> std::string {
            if (inline_value) return value;
            if (i + 1 == args.size()) throw Error("option " + arg + " needs a value");
            return args[++i];
        };
        const bool checking =
            options.command == Command::check || options.command == Command::baseline;
        if (arg == "--lang") {
            options.language = take();
        } else if (arg == "--config") {
            options.config = take();
        } else if (checking && arg == "--format") {
            options.format = take();
            const auto formats = sink_formats();
            if (std::find(formats.begin(), formats.end(), options.format) == formats.end()) {
                std::string known;
                for (std::string_view format : formats)
                    known += (known.empty() ? "" : ", ") + std::string(format);
                throw Error("unknown format '" + options.format + "' (known: " + known + ")");
            }
        } else if (checking && arg == "--input-format") {
            const std::string name = take();
            options.input_format = parse_input_format(name);
            if (!options.input_format)
                throw Error("unknown input format '" + name +
                            "' (known: text, markdown, html, xliff, po, cpp, tsv)");
        } else if (checking && arg == "--source") {
            options.source = take();
        } else if (checking && arg == "--source-lang") {
            options.source_language = take();
        } else if (checking && arg == "--output") {
            options.output = take();
        } else if (checking && arg == "--fail-on") {
            options.fail_on = parse_fail_on(take());
        } else if (checking && arg == "--color") {
            options.color = parse_color(take());
        } else if (options.command == Command::check && arg == "--baseline") {
            options.baseline = take();
        } else if (checking && arg == "--jobs") {
            options.jobs = parse_jobs(take());
        } else if (options.command == Command::check && arg == "--fix" && !inline_value) {
            options.fix = true;
        } else if (checking && (arg == "--quiet" || arg == "-q") && !inline_value) {
            options.quiet = true;
        } else {
            throw Error("unknown option '" + arg + "'; try 'translint --help'");
        }
    }
    if (options.command == Command::baseline && options.output.empty())
        throw Error("'translint baseline' needs --output FILE, the baseline to write");
    if (options.command == Command::baseline && options.paths.empty())
        throw Error("'translint baseline' needs the PATHs whose findings it records");
    if (options.fix &&
        (options.paths.empty() ||
         std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()))
        throw Error("--fix rewrites the files it checks, and standard input is not a file: name "
                    "the files");
    if (options.jobs == 0) options.jobs = std::max(1u, std::thread::hardware_concurrency());
    if (!options.source.empty() && options.paths.size() != 1)
        throw Error("--source pairs one translation with its source: name exactly one PATH");
    return options;
}

} // namespace translint::cli
