// The loop that every report's escaper shares: the text goes out in unchanged runs, and a
// format's `escape` decides, code point by code point, what to write instead.
#pragma once

#include "text/unicode.hpp"

#include <ostream>
#include <string_view>

namespace translint::report {

constexpr std::string_view keep{}; // escape(): write the code point as it is
constexpr std::string_view replacement_character = "\xEF\xBF\xBD"; // U+FFFD

// `escape(code_point, malformed)` returns what to write in place of the code point, or `keep`.
// A byte that is not part of well-formed UTF-8 (documents are validated, but a path is whatever
// bytes the file system holds) comes as U+FFFD with `malformed` set.
template <typename Escape>
void write_escaped(std::ostream& out, std::string_view text, Escape escape) {
    std::size_t clean = 0; // text[clean, i) goes out unchanged
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + 1;
        char32_t code_point = static_cast<unsigned char>(text[i]);
        bool malformed = false;
        if (code_point >= 0x80) {
            next = i;
            code_point = text::next_code_point(text, next);
            malformed =
                code_point == U'\uFFFD' && text.substr(i, next - i) != replacement_character;
        }
        const std::string_view instead = escape(code_point, malformed);
        if (instead.data()) {
            out.write(text.data() + clean, static_cast<std::streamsize>(i - clean));
            out << instead;
            clean = next;
        }
        i = next;
    }
    out.write(text.data() + clean, static_cast<std::streamsize>(text.size() - clean));
}

} // namespace translint::report
