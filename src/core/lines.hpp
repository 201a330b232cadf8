// Walking a text file line by line, for the data formats that are one record per line.
#pragma once

#include <cstddef>
#include <string_view>

namespace translint {

// Calls visit(line_number, line) for each line, 1-based, without its LF or CRLF.
template <typename Visit> void for_each_line(std::string_view text, Visit visit) {
    std::size_t line_number = 0, start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        visit(++line_number, line);
        start = end + 1;
    }
}

} // namespace translint
