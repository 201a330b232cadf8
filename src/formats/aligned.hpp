// Aligned text: a translation beside its source, as two files or as two-column TSV.
#pragma once

#include "translint/document.hpp"

namespace translint::formats {

// One segment per line of "source<TAB>target"; a first line of two language tags ("uk<TAB>it")
// names the languages. Throws translint::Error naming the line of a row without exactly one tab.
void extract_tsv(Document& document);

} // namespace translint::formats
