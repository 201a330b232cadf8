#include "translint/config.hpp"

#include "core/yaml_util.hpp"
#include "translint/error.hpp"
#include "translint/io.hpp"

namespace translint {
namespace {

// "it.spelling" matches the pattern "it.spelling" and the prefix "it", but not "it.spell".
bool rule_matches(const std::string& rule_id, const std::string& pattern) {
    return rule_id == pattern || (rule_id.size() > pattern.size() && rule_id.starts_with(pattern) &&
                                  rule_id[pattern.size()] == '.');
}

bool matches_any(const std::string& rule_id, const std::vector<std::string>& patterns) {
    for (const std::string& pattern : patterns)
        if (rule_matches(rule_id, pattern)) return true;
    return false;
}

} // namespace

std::vector<std::string> default_dictionary_paths() {
    return {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"};
}

Config Config::load(const std::filesystem::path& path) {
    const std::string name = path.string();
    const std::string text = read_file(path);
    const YAML::Node root = yaml::parse(name, text);
    Config config;
    config.dictionary_paths = default_dictionary_paths();
    if (root.IsNull()) return config;
    yaml::Mapping map(name, root, "the config");
    const std::filesystem::path base = path.parent_path();
    auto resolve = [&](std::vector<std::string> paths) {
        for (std::string& p : paths)
            if (std::filesystem::path(p).is_relative()) p = (base / p).lexically_normal().string();
        return paths;
    };
    config.language = map.string("language", "");
    config.source_language = map.string("source_language", "");
    if (map.has("translation_functions"))
        config.translation_functions = map.strings("translation_functions");
    config.enable = map.strings("enable");
    config.disable = map.strings("disable");
    if (YAML::Node severities = map.get("severity")) {
        if (!severities.IsMap())
            yaml::fail(name, severities, "'severity' must map rule ids to levels");
        for (const auto& entry : severities) {
            const std::string rule = yaml::scalar(name, entry.first, "each rule id in 'severity'");
            const std::string level =
                yaml::scalar(name, entry.second, "severity of '" + rule + "'");
            auto severity = parse_severity(level);
            if (!severity)
                yaml::fail(name, entry.second,
                           "severity of '" + rule + "' must be error, warning or info, not '" +
                               level + "'");
            config.severity[rule] = *severity;
        }
    }
    config.rule_paths = resolve(map.strings("rule_paths"));
    config.word_lists = resolve(map.strings("word_lists"));
    config.gazetteers = resolve(map.strings("gazetteers"));
    config.glossaries = resolve(map.strings("glossaries"));
    if (map.has("name_dictionaries")) config.name_dictionaries = map.strings("name_dictionaries");
    config.suggestion_limit = map.count("suggestion_limit", config.suggestion_limit);
    if (map.has("limits")) {
        yaml::Mapping limits(name, map.get("limits"), "'limits'");
        auto bounded = [&](const std::string& key, std::size_t fallback, std::size_t most) {
            const std::size_t value = limits.count(key, fallback);
            if (value == 0 || value > most)
                limits.fail(limits.get(key), "'" + key + "' must be between 1 and " +
                                                 std::to_string(most) + ", not " +
                                                 std::to_string(value));
            return value;
        };
        config.limits.max_file_mb =
            bounded("max_file_mb", config.limits.max_file_mb, Limits::most_file_mb);
        config.limits.max_nesting =
            bounded("max_nesting", config.limits.max_nesting, Limits::most_nesting);
        limits.finish();
    }
    if (map.has("dictionary_paths"))
        config.dictionary_paths = resolve(map.strings("dictionary_paths"));
    map.finish();
    return config;
}

std::optional<std::filesystem::path> Config::find(const std::filesystem::path& start) {
    std::error_code error;
    std::filesystem::path directory = std::filesystem::absolute(start, error);
    while (!error) {
        const auto candidate = directory / ".translint.yaml";
        std::error_code missing;
        if (std::filesystem::is_regular_file(candidate, missing)) return candidate;
        if (!directory.has_parent_path() || directory.parent_path() == directory) break;
        directory = directory.parent_path();
    }
    return std::nullopt;
}

bool Config::enabled(const std::string& rule_id, bool enabled_by_default) const {
    if (matches_any(rule_id, disable)) return false;
    return enabled_by_default || matches_any(rule_id, enable);
}

} // namespace translint
