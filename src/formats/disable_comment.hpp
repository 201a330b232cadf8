// The "translint-disable" directive that XLIFF notes and PO translator comments carry.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace translint::formats {

// The rules `comment` silences: nullopt when it holds no "translint-disable" directive, an empty
// list for all rules, or the rule ids and categories named after the word, up to the end of its
// line, separated by commas or spaces ("translint-disable it.names.garbled, name").
inline std::optional<std::vector<std::string>> disabled_rules(std::string_view comment) {
    constexpr std::string_view directive = "translint-disable";
    constexpr std::string_view separators = " \t\r,";
    const std::size_t at = comment.find(directive);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = comment.substr(at + directive.size());
    // "translint-disable-next-line" and the like are other words.
    if (!rest.empty() && rest.front() != '\n' && separators.find(rest.front()) == rest.npos &&
        rest.front() != ':')
        return std::nullopt;
    if (rest.starts_with(':')) rest.remove_prefix(1);
    rest = rest.substr(0, rest.find('\n'));
    std::vector<std::string> rules;
    while (!rest.empty()) {
        const std::size_t start = rest.find_first_not_of(separators);
        if (start == std::string_view::npos) break;
        rest.remove_prefix(start);
        const std::size_t end = std::min(rest.find_first_of(separators), rest.size());
        rules.emplace_back(rest.substr(0, end));
        rest.remove_prefix(end);
    }
    return rules;
}

// Two directives on one unit: all rules when either names none, otherwise both lists.
inline void merge_disabled(std::optional<std::vector<std::string>>& into,
                           std::optional<std::vector<std::string>> more) {
    if (!more) return;
    if (!into || (!into->empty() && more->empty())) {
        into = std::move(more);
    } else if (!into->empty()) {
        into->insert(into->end(), more->begin(), more->end());
    }
}

} // namespace translint::formats
