// The gettext PO input adapter.
#pragma once

#include "translint/document.hpp"

namespace translint::formats {

// One segment per translation (each plural form of an entry is one), with msgid (or
// msgid_plural) as its source; fuzzy entries need review; the header's Language. Throws
// translint::Error for PO syntax errors.
void extract_po(Document& document);

} // namespace translint::formats
