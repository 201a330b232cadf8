// The command line: `translint check`, `rules list`, `rules test`, `--version`, `--help`.
#pragma once

#include "translint/formats.hpp"

#include <optional>
#include <string>
#include <vector>

namespace translint::cli {

enum class Command { check, baseline, lsp, rules_list, rules_test, version, help };
enum class FailOn { error, warning, info, never };
enum class ColorMode { automatic, always, never };

struct Options {
    Command command = Command::help;
    std::string language;
    std::string format = "text";
    std::string output;
    std::string config;
    FailOn fail_on = FailOn::error;
    ColorMode color = ColorMode::automatic;
    std::vector<std::string> paths;
    std::optional<InputFormat> input_format; // otherwise from each file's name
    std::string source;                      // --source: the file the single PATH translates
    std::string source_language;             // --source-lang
    std::string baseline;                    // --baseline: report only findings not in it
    unsigned jobs = 0;                       // files checked in parallel; 0: one per core
    bool quiet = false;                      // no progress bar and no summary on stderr
    bool fix = false;                        // --fix: apply the safe fixes to the files
};

// Throws translint::Error with a message for the user on a bad command line.
Options parse_options(int argc, char** argv);
const char* usage();

} // namespace translint::cli
