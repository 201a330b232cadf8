// JSON strings, for the reports written as JSON (json, sarif).
#pragma once

#include "text/unicode.hpp"

#include <cstdio>
#include <ostream>
#include <string_view>

namespace translint::report {

// Writes `text` as a JSON string. Documents are valid UTF-8 (they are validated when read), but
// a path is whatever bytes the file system holds: a byte that is not part of well-formed UTF-8 is
// written as U+FFFD, so the report is valid JSON whatever it quotes.
inline void write_json_string(std::ostream& out, std::string_view text) {
    out << '"';
    std::size_t clean = 0; // text[clean, i) goes out unchanged
    const auto flush = [&](std::size_t end) {
        out.write(text.data() + clean, static_cast<std::streamsize>(end - clean));
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            std::size_t next = i;
            if (text::next_code_point(text, next) == U'\uFFFD' &&
                text.substr(i, next - i) != "\xEF\xBF\xBD") {
                flush(i);
                out << "\\ufffd";
                clean = next;
            }
            i = next;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        flush(i);
        clean = ++i;
        switch (c) {
        case '"':
            out << "\\\"";
            break;
        case '\\':
            out << "\\\\";
            break;
        case '\n':
            out << "\\n";
            break;
        case '\r':
            out << "\\r";
            break;
        case '\t':
            out << "\\t";
            break;
        default: {
            char escape[7];
            std::snprintf(escape, sizeof escape, "\\u%04x", c);
            out << escape;
        }
        }
    }
    flush(text.size());
    out << '"';
}

} // namespace translint::report
