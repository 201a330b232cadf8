// The HTML input adapter.
#pragma once

#include "translint/document.hpp"

#include <string_view>

namespace translint::formats {

// The text a reader sees in HTML `bytes`, which start at byte `origin` of the file.
Segment extract_html(std::string_view bytes, std::size_t origin);

} // namespace translint::formats
