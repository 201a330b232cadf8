// Reading YAML with errors that name the file, the line and the reason.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace translint::yaml {

// Parses `text`; a syntax error becomes translint::Error "path:line: reason".
YAML::Node parse(const std::string& path, std::string_view text);

// A mapping whose keys are checked: reading a key marks it known, and `finish()` reports the
// first key that nobody read, so a typo in a rule or config is an error, not a silent default.
class Mapping {
public:
    Mapping(std::string path, const YAML::Node& node, std::string what);

    bool has(const std::string& key) const;
    YAML::Node get(const std::string& key);
    std::string string(const std::string& key);
    std::string string(const std::string& key, std::string fallback);
    bool boolean(const std::string& key, bool fallback);
    // One of `allowed`, or `fallback` when the key is absent (required when there is none);
    // anything else fails: "'check' must be required or forbidden, not 'x'".
    std::string choice(const std::string& key, std::initializer_list<std::string_view> allowed,
                       std::optional<std::string> fallback = std::nullopt);
    std::size_t count(const std::string& key, std::size_t fallback);
    double number(const std::string& key, double fallback);
    std::vector<std::string> strings(const std::string& key);
    void finish() const;

    [[noreturn]] void fail(const YAML::Node& at, const std::string& reason) const;
    const std::string& path() const { return path_; }

private:
    std::string path_;
    YAML::Node node_;
    std::string what_;
    std::vector<std::string> read_;
};

std::size_t line_of(const YAML::Node& node);
[[noreturn]] void fail(const std::string& path, const YAML::Node& at, const std::string& reason);
std::string scalar(const std::string& path, const YAML::Node& node, const std::string& what);
std::vector<std::string> scalars(const std::string& path, const YAML::Node& node,
                                 const std::string& what);

} // namespace translint::yaml
