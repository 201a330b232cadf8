// Applying the findings' fixes to the bytes they were found in (`translint check --fix`).
#pragma once

#include "translint/diagnostic.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace translint {

struct Fixed {
    std::string bytes;              // the file with the fixes applied
    std::size_t findings_fixed = 0; // findings whose every edit was applied
    std::size_t findings_left = 0;  // findings with edits that were not (unsafe or overlapping)
};

// Applies the edits of each finding, all of them or none. A finding is left alone when one of
// its edits overlaps an edit already taken (findings are taken in file order), or when the
// bytes it replaces or its replacement hold a line break or a character that is markup or an
// escape in some input format (< > & \ " ` * _ [ ]): a suggestion is plain words, and an edit
// that touched markup could break the file around it. Findings without edits change nothing.
Fixed apply_fixes(std::string_view bytes, const std::vector<Diagnostic>& findings);

} // namespace translint
