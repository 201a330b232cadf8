// The XLIFF 1.2 and 2.0 input adapter.
#pragma once

#include "translint/document.hpp"

namespace translint::formats {

// One segment per translation unit (each <segment> of XLIFF 2.0): the target's text with its
// source, inline codes left out; the file's languages. Throws translint::Error for malformed XML.
void extract_xliff(Document& document);

} // namespace translint::formats
