#include "spell/word_list.hpp"

#include "core/lines.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

namespace translint::spell {

std::vector<std::string> parse_word_list(const std::string& path, std::string_view text) {
    std::vector<std::string> words;
    for_each_line(text, [&](std::size_t line_number, std::string_view line) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') return;
        line = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
        if (text::find_invalid_utf8(line))
            throw error_at(path, line_number, "invalid UTF-8 in word list");
        if (line.find_first_of(" \t") != std::string_view::npos)
            throw error_at(path, line_number, "one word per line: '" + std::string(line) + "'");
        words.emplace_back(line);
    });
    return words;
}

} // namespace translint::spell
