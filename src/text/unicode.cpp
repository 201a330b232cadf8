#include "text/unicode.hpp"

#include <algorithm>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <vector>

namespace translint::text {

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
    // Well-formed sequences per RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned char low = 0x80, high = 0xBF; // the allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        if (i + length > size || data[i + 1] < low || data[i + 1] > high) return i;
        for (std::size_t k = 2; k < length; ++k)
            if ((data[i + k] & 0xC0) != 0x80) return i;
        i += length;
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view utf8) {
    std::size_t count = 0;
    for (unsigned char byte : utf8)
        if ((byte & 0xC0) != 0x80) ++count;
    return count;
}

char32_t next_code_point(std::string_view utf8, std::size_t& offset) {
    const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t i = static_cast<int32_t>(offset);
    UChar32 c;
    U8_NEXT(data, i, static_cast<int32_t>(utf8.size()), c);
    offset = static_cast<std::size_t>(i);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

bool is_upper(char32_t c) {
    return u_isUUppercase(static_cast<UChar32>(c));
}
bool is_letter(char32_t c) {
    return u_isalpha(static_cast<UChar32>(c));
}
bool is_digit(char32_t c) {
    return u_isdigit(static_cast<UChar32>(c));
}

bool is_all_caps(std::string_view word) {
    int letters = 0;
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = next_code_point(word, i);
        if (!is_letter(c)) continue;
        if (!is_upper(c)) return false;
        ++letters;
    }
    return letters >= 2;
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_capitalised(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = next_code_point(word, i);
        if (is_letter(c)) return is_upper(c);
    }
    return false;
}

bool has_inner_capital(std::string_view word) {
    bool after_lower = false;
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = next_code_point(word, i);
        if (is_upper(c) && after_lower) return true;
        after_lower = is_letter(c) && !is_upper(c);
    }
    return false;
}

std::string to_lower(std::string_view word) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
        .toLower(icu::Locale::getRoot())
        .toUTF8String(out);
    return out;
}

std::string capitalise(std::string_view word) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    if (text.isEmpty()) return {};
    const int32_t first_length = U16_LENGTH(text.char32At(0));
    icu::UnicodeString head(text, 0, first_length);
    head.toUpper(icu::Locale::getRoot());
    std::string out;
    head.append(text, first_length, text.length() - first_length).toUTF8String(out);
    return out;
}

std::u32string to_u32(std::string_view utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();)
        out.push_back(next_code_point(utf8, i));
    return out;
}

std::string from_u32(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        char buffer[U8_MAX_LENGTH];
        int32_t length = 0;
        U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
        out.append(buffer, static_cast<std::size_t>(length));
    }
    return out;
}

std::size_t edits_up_to_one(std::u32string_view a, std::u32string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    if (a.size() - b.size() > 1) return 2;
    std::size_t i = 0;
    while (i < b.size() && a[i] == b[i])
        ++i;
    if (i == a.size()) return 0;
    if (a.size() > b.size()) return a.substr(i + 1) == b.substr(i) ? 1 : 2; // one deletion
    if (a.substr(i + 1) == b.substr(i + 1)) return 1;                       // one substitution
    const bool swapped = i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                         a.substr(i + 2) == b.substr(i + 2);
    return swapped ? 1 : 2;
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    const std::size_t n = a.size(), m = b.size();
    // Names are matched by the thousand: the rows are reused rather than allocated per call.
    thread_local std::vector<std::size_t> before, previous, current;
    before.assign(m + 1, 0);
    previous.resize(m + 1);
    current.resize(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

} // namespace translint::text
