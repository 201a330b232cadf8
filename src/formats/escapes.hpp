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

} // namespace translint::formats
