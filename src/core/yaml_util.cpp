#include "core/yaml_util.hpp"

#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <yaml-cpp/depthguard.h>

namespace translint {

Error error_at(const std::string& path, std::size_t line, const std::string& reason) {
    return Error(line ? path + ":" + std::to_string(line) + ": " + reason : path + ": " + reason);
}

namespace yaml {

YAML::Node parse(const std::string& path, std::string_view text) {
    // yaml-cpp passes bytes through as they are, and the rules take every string for UTF-8.
    if (const std::optional<std::size_t> bad = text::find_invalid_utf8(text))
        throw error_at(path, std::size_t(std::count(text.begin(), text.begin() + *bad, '\n')) + 1,
                       "invalid UTF-8 at byte offset " + std::to_string(*bad));
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp stops at a fixed depth, and calls it a "bad file".
        throw error_at(path, e.mark.is_null() ? 0 : e.mark.line + 1,
                       "nested too deeply (yaml-cpp reads " + std::to_string(e.depth() - 1) +
                           " levels at most)");
    } catch (const YAML::Exception& e) {
        throw error_at(path, e.mark.is_null() ? 0 : e.mark.line + 1, e.msg);
    }
}

std::size_t line_of(const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : mark.line + 1;
}

void fail(const std::string& path, const YAML::Node& at, const std::string& reason) {
    throw error_at(path, line_of(at), reason);
}

std::string scalar(const std::string& path, const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) fail(path, node, what + " must be a string");
    return node.Scalar();
}

std::vector<std::string> scalars(const std::string& path, const YAML::Node& node,
                                 const std::string& what) {
    std::vector<std::string> values;
    if (node.IsScalar()) {
        values.push_back(node.Scalar());
        return values;
    }
    if (!node.IsSequence()) fail(path, node, what + " must be a list of strings");
    for (const YAML::Node& item : node)
        values.push_back(scalar(path, item, "each item of " + what));
    return values;
}

Mapping::Mapping(std::string path, const YAML::Node& node, std::string what)
    : path_(std::move(path))
    , node_(node.IsDefined() && !node.IsNull() ? node : YAML::Node(YAML::NodeType::Map)) // none
    , what_(std::move(what)) {
    if (!node_.IsMap()) fail(node_, what_ + " must be a mapping");
}

bool Mapping::has(const std::string& key) const {
    return bool(std::as_const(node_)[key]);
}

YAML::Node Mapping::get(const std::string& key) {
    read_.push_back(key);
    return std::as_const(node_)[key];
}

std::string Mapping::string(const std::string& key) {
    YAML::Node value = get(key);
    if (!value) fail(node_, what_ + " has no '" + key + "'");
    return scalar(path_, value, "'" + key + "'");
}

std::string Mapping::string(const std::string& key, std::string fallback) {
    return has(key) ? string(key) : (read_.push_back(key), std::move(fallback));
}

std::string Mapping::choice(const std::string& key, std::initializer_list<std::string_view> allowed,
                            std::optional<std::string> fallback) {
    const std::string value = fallback ? string(key, *fallback) : string(key);
    for (std::string_view option : allowed)
        if (value == option) return value;
    std::string options;
    std::size_t i = 0;
    for (std::string_view option : allowed)
        options += (i++ == 0 ? "" : i == allowed.size() ? " or " : ", ") + std::string(option);
    fail(get(key), "'" + key + "' must be " + options + ", not '" + value + "'");
}

bool Mapping::boolean(const std::string& key, bool fallback) {
    YAML::Node value = get(key);
    if (!value) return fallback;
    const std::string text = scalar(path_, value, "'" + key + "'");
    if (text == "true") return true;
    if (text == "false") return false;
    fail(value, "'" + key + "' must be true or false, not '" + text + "'");
}

std::size_t Mapping::count(const std::string& key, std::size_t fallback) {
    YAML::Node value = get(key);
    if (!value) return fallback;
    const std::string text = scalar(path_, value, "'" + key + "'");
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), ::isdigit))
        fail(value, "'" + key + "' must be a whole number, not '" + text + "'");
    return std::stoul(text);
}

double Mapping::number(const std::string& key, double fallback) {
    YAML::Node value = get(key);
    if (!value) return fallback;
    const std::string text = scalar(path_, value, "'" + key + "'");
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(number))
        fail(value, "'" + key + "' must be a number, not '" + text + "'");
    return number;
}

std::vector<std::string> Mapping::strings(const std::string& key) {
    YAML::Node value = get(key);
    if (!value) return {};
    return scalars(path_, value, "'" + key + "'");
}

void Mapping::finish() const {
    for (const auto& entry : node_) {
        const std::string key = scalar(path_, entry.first, "each key of " + what_);
        if (std::find(read_.begin(), read_.end(), key) == read_.end())
            fail(entry.first, "unknown key '" + key + "' in " + what_);
    }
}

void Mapping::fail(const YAML::Node& at, const std::string& reason) const {
    yaml::fail(path_, at, reason);
}

} // namespace yaml
} // namespace translint
