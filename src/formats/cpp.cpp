#include "formats/cpp.hpp"

#include "translint/error.hpp"

namespace translint::formats {

// Placeholder until the adapter lands.
void extract_cpp(Document& document, const FormatOptions&) {
    throw Error(document.path() + ": the cpp adapter is not built yet");
}

} // namespace translint::formats
