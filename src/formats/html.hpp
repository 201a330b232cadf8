// The HTML input adapter.
#pragma once

#include "formats/suppressions.hpp"
#include "translint/document.hpp"

#include <string>
#include <string_view>

namespace translint::formats {

// The text a reader sees in HTML `bytes`, which start at byte `origin` of the file; the
// suppression comments go to `comments`.
// Throws translint::Error "path:line: elements nested more than N deep" past `max_nesting`.
Segment extract_html(std::string_view bytes, std::size_t origin, SuppressionComments& comments,
                     const std::string& path = "", std::size_t max_nesting = 256);

} // namespace translint::formats
