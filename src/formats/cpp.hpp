// The C and C++ input adapter, through libclang.
#pragma once

#include "translint/document.hpp"
#include "translint/formats.hpp"

namespace translint::formats {

// One segment per string argument of a call to one of `options.translation_functions`, with
// concatenated literals joined and escapes decoded. Throws translint::Error naming the file and
// the line when libclang cannot parse the file, when a string literal is unterminated, has an
// unknown escape or is not UTF-8, and when the compilation database cannot be read.
void extract_cpp(Document& document, const FormatOptions& options);

} // namespace translint::formats
