#include "formats/escapes.hpp"

#include "text/unicode.hpp"

namespace translint::formats {
namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

void append_utf8(char32_t code_point, std::string& out) {
    if (code_point < 0x80) {
        out += char(code_point);
    } else if (code_point < 0x800) {
        out += char(0xC0 | (code_point >> 6));
        out += char(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += char(0xE0 | (code_point >> 12));
        out += char(0x80 | ((code_point >> 6) & 0x3F));
        out += char(0x80 | (code_point & 0x3F));
    } else {
        out += char(0xF0 | (code_point >> 18));
        out += char(0x80 | ((code_point >> 12) & 0x3F));
        out += char(0x80 | ((code_point >> 6) & 0x3F));
        out += char(0x80 | (code_point & 0x3F));
    }
}

char simple_escape(char c) {
    switch (c) {
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'r':
        return '\r';
    case 'a':
        return '\a';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'v':
        return '\v';
    case '\\':
    case '"':
    case '\'':
    case '?':
        return c;
    default:
        return 0;
    }
}

} // namespace

std::optional<EscapeError> append_unescaped(std::string_view raw, std::size_t origin,
                                            Segment& out) {
    std::size_t i = 0;
    out.map.add_run(out.text.size(), origin);
    while (i < raw.size()) {
        const std::size_t backslash = raw.find('\\', i);
        out.text.append(raw.substr(i, backslash - i));
        if (backslash == std::string_view::npos) break;
        // The decoded character stands for the whole escape; the text after it starts a run.
        out.map.add_run(out.text.size(), origin + backslash);
        std::size_t next = backslash + 1;
        if (next == raw.size()) return EscapeError{origin + backslash, "a lone backslash"};
        const char kind = raw[next];
        if (char decoded = simple_escape(kind)) {
            out.text += decoded;
            ++next;
        } else if (kind >= '0' && kind <= '7') {
            unsigned value = 0;
            for (int digits = 0;
                 digits < 3 && next < raw.size() && raw[next] >= '0' && raw[next] <= '7'; ++digits)
                value = value * 8 + unsigned(raw[next++] - '0');
            if (value > 0xFF) return EscapeError{origin + backslash, "an octal escape over \\377"};
            out.text += char(value);
        } else if (kind == 'x') {
            unsigned value = 0;
            std::size_t digits = 0;
            for (++next; next < raw.size() && is_hex(raw[next]); ++next, ++digits)
                value = value * 16 + unsigned(hex_value(raw[next]));
            if (digits == 0 || digits > 2)
                return EscapeError{origin + backslash, "a \\x escape needs one or two hex digits"};
            out.text += char(value);
        } else if (kind == 'u' || kind == 'U') {
            const std::size_t digits = kind == 'u' ? 4 : 8;
            char32_t value = 0;
            ++next;
            for (std::size_t d = 0; d < digits; ++d, ++next) {
                if (next >= raw.size() || !is_hex(raw[next]))
                    return EscapeError{origin + backslash,
                                       std::string("a \\") + kind + " escape needs " +
                                           std::to_string(digits) + " hex digits"};
                value = value * 16 + char32_t(hex_value(raw[next]));
            }
            if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                return EscapeError{origin + backslash, "a \\u escape outside Unicode"};
            append_utf8(value, out.text);
        } else {
            return EscapeError{origin + backslash,
                               std::string("an unknown escape '\\") + kind + "'"};
        }
        out.map.add_run(out.text.size(), origin + next);
        i = next;
    }
    return std::nullopt;
}

} // namespace translint::formats
