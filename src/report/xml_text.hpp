// XML 1.0 text and attribute values, for the reports written as XML (junit, checkstyle).
#pragma once

#include "text/unicode.hpp"

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
    static constexpr char replacement[] = "\xEF\xBF\xBD"; // U+FFFD
    std::size_t clean = 0;                                // text[clean, i) goes out unchanged
    const auto flush = [&](std::size_t end) {
        out.write(text.data() + clean, static_cast<std::streamsize>(end - clean));
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            std::size_t next = i;
            const char32_t code_point = text::next_code_point(text, next);
            if ((code_point == U'\uFFFD' && text.substr(i, next - i) != replacement) ||
                code_point == U'\uFFFE' || code_point == U'\uFFFF') {
                flush(i);
                out << replacement;
                clean = next;
            }
            i = next;
            continue;
        }
        const char* escape = nullptr;
        switch (c) {
        case '&':
            escape = "&amp;";
            break;
        case '<':
            escape = "&lt;";
            break;
        case '>': // always, so that "]]>" cannot appear in content
            escape = "&gt;";
            break;
        case '"':
            if (attribute) escape = "&quot;";
            break;
        case '\'':
            if (attribute) escape = "&apos;";
            break;
        case '\t':
            if (attribute) escape = "&#9;";
            break;
        case '\n':
            if (attribute) escape = "&#10;";
            break;
        case '\r':
            escape = "&#13;";
            break;
        default:
            if (c < 0x20) escape = replacement;
        }
        if (escape) {
            flush(i);
            out << escape;
            clean = i + 1;
        }
        ++i;
    }
    flush(text.size());
}

inline std::string xml_escaped(std::string_view text, bool attribute) {
    std::ostringstream out;
    write_xml_escaped(out, text, attribute);
    return std::move(out).str();
}

} // namespace translint::report
