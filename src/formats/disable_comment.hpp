// The "translint-disable" directives of comments: XLIFF notes and PO translator comments carry
// one for their unit; Markdown and HTML comments (formats/suppressions) open and close regions.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace translint::formats {

// What separates the words of a directive: "translint-disable it.names.garbled, name".
inline constexpr std::string_view directive_separators = " \t\r\n,";

// The words of `list`, separated by commas or white space.
inline std::vector<std::string> directive_words(std::string_view list) {
    std::vector<std::string> words;
    while (true) {
        const std::size_t begin = list.find_first_not_of(directive_separators);
        if (begin == std::string_view::npos) return words;
        list.remove_prefix(begin);
        const std::size_t end = std::min(list.find_first_of(directive_separators), list.size());
        words.emplace_back(list.substr(0, end));
        list.remove_prefix(end);
    }
}

// The rules a note or translator comment silences: nullopt when it holds no "translint-disable"
// directive, an empty list for all rules, or the rule ids and categories named after the word
// (and an optional colon) up to the end of its line.
inline std::optional<std::vector<std::string>> disabled_rules(std::string_view comment) {
    constexpr std::string_view directive = "translint-disable";
    const std::size_t at = comment.find(directive);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = comment.substr(at + directive.size());
    // "translint-disable-next-line" and the like are other words.
    if (!rest.empty() && directive_separators.find(rest.front()) == rest.npos &&
        rest.front() != ':')
        return std::nullopt;
    if (rest.starts_with(':')) rest.remove_prefix(1);
    return directive_words(rest.substr(0, rest.find('\n')));
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
