// What a project sets in .translint.yaml.
#pragma once

#include "translint/diagnostic.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace translint {

// What one checked file may ask of translint (`limits:` in .translint.yaml). A file over them is
// refused with an error naming it, exit status 2.
struct Limits {
    // The largest file, in MiB; at most 1024 (ICU indexes text with 32-bit integers).
    std::size_t max_file_mb = 1024;
    static constexpr std::size_t most_file_mb = 1024;
    // How deep elements may nest in HTML and XLIFF; at most 4,096 (gumbo's time grows faster
    // than the square of the depth: 16,000 levels, 4,096 nested tables, take seconds).
    std::size_t max_nesting = 256;
    static constexpr std::size_t most_nesting = 4096;
};

struct Config {
    std::string language;        // empty: from --lang or the file name
    std::string source_language; // of bilingual files that do not declare it; --source-lang
    // C and C++: the functions whose string arguments are translated; unset for the default set.
    std::optional<std::vector<std::string>> translation_functions;
    std::vector<std::string> enable;           // rule ids (or id prefixes) switched on
    std::vector<std::string> disable;          // rule ids (or id prefixes) switched off
    std::map<std::string, Severity> severity;  // rule id -> severity
    std::vector<std::string> rule_paths;       // extra rule files or directories
    std::vector<std::string> word_lists;       // project words accepted by spelling
    std::vector<std::string> gazetteers;       // the newsroom's own names, in the gazetteer format
    std::vector<std::string> glossaries;       // term bases: CSV or TBX files
    std::vector<std::string> dictionary_paths; // where Hunspell dictionaries are looked for
    // Hunspell dictionaries whose capitalised words (Brian, Syracuse) the names rules take as
    // correctly spelled names, beside the gazetteer.
    std::vector<std::string> name_dictionaries{"en_US", "it_IT", "fr_FR"};
    // Costly suggestions (Hunspell's) are computed for this many distinct flagged words per
    // document; past that a document is more likely in the wrong language than full of typos.
    std::size_t suggestion_limit = 50;
    Limits limits;

    // Reads a config file; relative paths in it are resolved against its directory. Throws
    // translint::Error naming the file, line and key on unknown keys and bad values.
    static Config load(const std::filesystem::path& path);
    // The nearest .translint.yaml in `start` or one of its parents.
    static std::optional<std::filesystem::path> find(const std::filesystem::path& start);
    // True when the rule is switched on by this config, given its default.
    bool enabled(const std::string& rule_id, bool enabled_by_default) const;
};

std::vector<std::string> default_dictionary_paths();

} // namespace translint
