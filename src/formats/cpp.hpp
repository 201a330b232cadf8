// The C and C++ input adapter, through libclang.
#pragma once

#include "translint/document.hpp"
#include "translint/formats.hpp"

namespace translint::formats {

// One segment per string argument of a call to one of `options.translation_functions`, with
// concatenated literals joined and escapes decoded. Throws translint::Error when libclang cannot
// read the file.
void extract_cpp(Document& document, const FormatOptions& options);

} // namespace translint::formats
