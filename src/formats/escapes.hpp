// C-style escape sequences, shared by the PO and C/C++ adapters: the decoded text keeps a map
// back to the bytes of the original literal.
#pragma once

#include "translint/document.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace translint::formats {

struct EscapeError {
    std::size_t offset; // of the bad escape, in the original file
    std::string reason;
};

// Appends the body of a quoted literal (`raw`, without its quotes, found at `origin` in the
// original file) to `out.text`, decoding \n, \t, \", \\, octal, \x, \u and \U escapes, and
// records in `out.map` where each piece came from. Stops at the first bad escape. Octal and \x
// escapes give raw bytes: the caller checks that the whole text is UTF-8.
std::optional<EscapeError> append_unescaped(std::string_view raw, std::size_t origin, Segment& out);

// What an escape such as \x or octal gives in a C or C++ string literal, from its prefix: a byte
// in "" and u8"", a UTF-16 code unit in u"", a code point in U"" and L"" (wchar_t is 32 bits, as
// on Linux and macOS).
enum class CodeUnit { byte, utf16, utf32 };

// The same for the body of a C or C++ string literal: line splices are removed, and the escapes
// are those of C23 and C++23 with GNU's \e: \x with any number of hex digits, \x{...},
// \o{...}, \u{...} and \N{name}. Byte units are appended as they are, for the caller to check
// that the whole text is UTF-8; UTF-16 and UTF-32 units are encoded as UTF-8. An unknown escape,
// a unit out of range, a name that is no character and a lone surrogate are errors.
std::optional<EscapeError> append_literal_unescaped(std::string_view raw, std::size_t origin,
                                                    CodeUnit unit, Segment& out);

} // namespace translint::formats
