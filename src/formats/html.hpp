// The HTML input adapter.
#pragma once

#include "formats/suppressions.hpp"
#include "translint/document.hpp"

#include <string_view>

namespace translint::formats {

// The text a reader sees in HTML `bytes`, which start at byte `origin` of the file; the
// suppression comments go to `comments`.
Segment extract_html(std::string_view bytes, std::size_t origin, SuppressionComments& comments);

} // namespace translint::formats
