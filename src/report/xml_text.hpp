// XML 1.0 text and attribute values, for the reports written as XML (junit, checkstyle).
#pragma once

#include "report/escape.hpp"

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

namespace translint::report {

// Writes `text` escaped for XML 1.0: as element content, or as an attribute value between double
// quotes when `attribute` is set. XML 1.0 cannot carry the C0 control characters other than tab,
// line feed and carriage return, nor U+FFFE and U+FFFF, even as character references; they are
// written as U+FFFD, as is a byte that is not part of well-formed UTF-8 (a path can hold any
// bytes). In an attribute, tabs and line breaks are written as references, so that attribute-value
// normalisation does not turn them into spaces; in content, a carriage return is, so that
// end-of-line handling keeps it.
inline void write_xml_escaped(std::ostream& out, std::string_view text, bool attribute) {
    write_escaped(out, text, [&](char32_t c, bool malformed) -> std::string_view {
        if (malformed || c == U'\uFFFE' || c == U'\uFFFF') return replacement_character;
        switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>': // always, so that "]]>" cannot appear in content
            return "&gt;";
        case '"':
            return attribute ? "&quot;" : keep;
        case '\'':
            return attribute ? "&apos;" : keep;
        case '\t':
            return attribute ? "&#9;" : keep;
        case '\n':
            return attribute ? "&#10;" : keep;
        case '\r':
            return "&#13;";
        }
        return c < 0x20 ? replacement_character : keep;
    });
}

inline std::string xml_escaped(std::string_view text, bool attribute) {
    std::ostringstream out;
    write_xml_escaped(out, text, attribute);
    return std::move(out).str();
}

} // namespace translint::report
