// The C and C++ input adapter, through libclang.
#pragma once

#include "translint/document.hpp"
#include "translint/formats.hpp"

namespace translint::formats {

// One segment per string argument of a call to one of `options.translation_functions`, with
// concatenated literals joined and escapes decoded; an argument whose escapes cannot be decoded
// is skipped. Throws translint::Error naming the file and the line when libclang cannot parse the
// file, when a string literal is unterminated or is not UTF-8, when an #include or __has_include
// names a device or special file, and naming the file when its path cannot be resolved or the
// compilation database cannot be read.
void extract_cpp(Document& document, const FormatOptions& options);

} // namespace translint::formats
