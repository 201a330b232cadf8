#include "formats/xliff.hpp"

#include "translint/error.hpp"

namespace translint::formats {

// Placeholder until the adapter lands.
void extract_xliff(Document& document) {
    throw Error(document.path() + ": the xliff adapter is not built yet");
}

} // namespace translint::formats
