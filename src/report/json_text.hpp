// JSON strings, for the reports written as JSON (json, sarif).
#pragma once

#include "report/escape.hpp"

#include <cstdio>
#include <ostream>
#include <string_view>

namespace translint::report {

// Writes `text` as a JSON string. Documents are valid UTF-8 (they are validated when read), but
// a path is whatever bytes the file system holds: a byte that is not part of well-formed UTF-8 is
// written as U+FFFD, so the report is valid JSON whatever it quotes.
inline void write_json_string(std::ostream& out, std::string_view text) {
    out << '"';
    char control[7];
    write_escaped(out, text, [&](char32_t c, bool malformed) -> std::string_view {
        if (malformed) return "\\ufffd";
        switch (c) {
        case '"':
            return "\\\"";
        case '\\':
            return "\\\\";
        case '\n':
            return "\\n";
        case '\r':
            return "\\r";
        case '\t':
            return "\\t";
        }
        if (c >= 0x20) return keep;
        std::snprintf(control, sizeof control, "\\u%04x", static_cast<unsigned>(c));
        return control;
    });
    out << '"';
}

} // namespace translint::report
