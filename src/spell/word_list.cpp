#include "spell/word_list.hpp"

#include "text/unicode.hpp"
#include "translint/error.hpp"

namespace translint::spell {

std::vector<std::string> parse_word_list(const std::string& path, std::string_view text) {
    std::vector<std::string> words;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        ++line_number;
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') continue;
        line = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
        if (text::find_invalid_utf8(line))
            throw error_at(path, line_number, "invalid UTF-8 in word list");
        if (line.find_first_of(" \t") != std::string_view::npos)
            throw error_at(path, line_number, "one word per line: '" + std::string(line) + "'");
        words.emplace_back(line);
    }
    return words;
}

} // namespace translint::spell
