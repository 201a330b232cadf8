#include "formats/escapes.hpp"

#include "text/unicode.hpp"

#include <algorithm>
#include <cstdint>
#include <unicode/uchar.h>
#include <vector>

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

// A line splice at `i`: a backslash, spaces (as clang accepts them) and a line break. Its length,
// or 0.
std::size_t splice_length(std::string_view raw, std::size_t i) {
    if (raw[i] != '\\') return 0;
    std::size_t j = i + 1;
    while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t' || raw[j] == '\v' || raw[j] == '\f'))
        ++j;
    if (j == raw.size() || (raw[j] != '\n' && raw[j] != '\r')) return 0;
    return j + 1 - i + (raw[j] == '\r' && j + 1 < raw.size() && raw[j + 1] == '\n');
}

// A literal's body without its line splices, which come before escapes are read: each byte keeps
// its offset in the file.
struct Spliced {
    std::string text;
    std::vector<std::size_t> at; // one per byte of `text`, then the end of the body
};

Spliced remove_splices(std::string_view raw, std::size_t origin) {
    Spliced spliced;
    for (std::size_t i = 0; i < raw.size();) {
        if (const std::size_t length = splice_length(raw, i)) {
            i += length;
            continue;
        }
        spliced.text += raw[i];
        spliced.at.push_back(origin + i++);
    }
    spliced.at.push_back(origin + raw.size());
    return spliced;
}

// The digits of base 8 or 16 from `i` on: between `least` and `most` of them, or any number
// between braces when `braced`. Nothing when they are missing or the value needs more than 32 bits.
std::optional<std::uint32_t> read_number(std::string_view text, std::size_t& i, unsigned base,
                                         std::size_t least, std::size_t most, bool braced) {
    const auto digit = [&](char c) { return base == 16 ? is_hex(c) : c >= '0' && c <= '7'; };
    if (braced) {
        if (i == text.size() || text[i] != '{') return std::nullopt;
        ++i;
        least = 1;
        most = std::string_view::npos;
    }
    std::uint64_t value = 0;
    std::size_t digits = 0;
    for (; i < text.size() && digits < most && digit(text[i]); ++i, ++digits)
        value = std::min<std::uint64_t>(value * base + unsigned(hex_value(text[i])), 1ull << 32);
    if (braced && (i == text.size() || text[i++] != '}')) return std::nullopt;
    if (digits < least || value > 0xFFFFFFFF) return std::nullopt;
    return static_cast<std::uint32_t>(value);
}

std::optional<char32_t> named_character(const std::string& name) {
    for (const UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
        UErrorCode status = U_ZERO_ERROR;
        const UChar32 c = u_charFromName(choice, name.c_str(), &status);
        if (U_SUCCESS(status)) return static_cast<char32_t>(c);
    }
    return std::nullopt;
}

bool is_scalar(std::uint32_t value) {
    return value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
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

std::optional<EscapeError> append_literal_unescaped(std::string_view raw, std::size_t origin,
                                                    CodeUnit unit, Segment& out) {
    const Spliced body = remove_splices(raw, origin);
    const std::string_view text = body.text;
    // A UTF-16 high surrogate waiting for its low half, and where its escape is.
    bool pending = false;
    std::uint32_t high = 0;
    std::size_t high_at = 0;
    bool new_run = true;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '\\') {
            if (pending) return EscapeError{body.at[high_at], "a lone surrogate"};
            if (new_run || body.at[i] != body.at[i - 1] + 1)
                out.map.add_run(out.text.size(), body.at[i]);
            new_run = false;
            out.text += text[i++];
            continue;
        }
        // The decoded character stands for the whole escape, both halves of a surrogate pair
        // for the first.
        const std::size_t start = i++;
        const auto error = [&](std::string reason) {
            return EscapeError{body.at[start], std::move(reason)};
        };
        if (!pending) out.map.add_run(out.text.size(), body.at[start]);
        new_run = true;
        if (i == text.size()) return error("a lone backslash");
        const char kind = text[i];
        std::optional<std::uint32_t> value;
        bool code_unit = true; // \x and octal are units of the literal's encoding
        if (const char simple = simple_escape(kind)) {
            value = static_cast<unsigned char>(simple);
            code_unit = false;
            ++i;
        } else if (kind == 'e' || kind == 'E') {
            value = 0x1B;
            code_unit = false;
            ++i;
        } else if (kind >= '0' && kind <= '7') {
            value = read_number(text, i, 8, 1, 3, false);
        } else if (kind == 'o') {
            value = read_number(text, ++i, 8, 0, 0, true);
        } else if (kind == 'x') {
            ++i;
            value = read_number(text, i, 16, 1, std::string_view::npos,
                                i < text.size() && text[i] == '{');
        } else if (kind == 'u' || kind == 'U') {
            ++i;
            const std::size_t digits = kind == 'u' ? 4 : 8;
            value = read_number(text, i, 16, digits, digits,
                                kind == 'u' && i < text.size() && text[i] == '{');
            code_unit = false;
        } else if (kind == 'N') {
            const std::size_t close = text.find('}', i);
            if (i + 1 < text.size() && text[i + 1] == '{' && close != std::string_view::npos)
                value = named_character(std::string(text.substr(i + 2, close - i - 2)));
            i = close == std::string_view::npos ? text.size() : close + 1;
            code_unit = false;
        } else {
            return error(std::string("an unknown escape '\\") + kind + "'");
        }
        if (!value) return error(std::string("a malformed escape '\\") + kind + "'");
        if (code_unit && unit == CodeUnit::byte) {
            if (*value > 0xFF) return error("an escape out of the range of a byte");
            out.text += static_cast<char>(*value);
            continue;
        }
        if (code_unit && unit == CodeUnit::utf16) {
            if (*value > 0xFFFF) return error("an escape out of the range of UTF-16");
            if (*value >= 0xD800 && *value <= 0xDBFF && !pending) {
                pending = true;
                high = *value;
                high_at = start;
                continue;
            }
            if (*value >= 0xDC00 && *value <= 0xDFFF && pending) {
                *value = 0x10000 + ((high - 0xD800) << 10) + (*value - 0xDC00);
                pending = false;
            }
        }
        if (pending) return EscapeError{body.at[high_at], "a lone surrogate"};
        if (!is_scalar(*value)) return error("an escape that is no Unicode character");
        append_utf8(*value, out.text);
    }
    if (pending) return EscapeError{body.at[high_at], "a lone surrogate"};
    return std::nullopt;
}

} // namespace translint::formats
