#include "formats/po.hpp"

#include "translint/error.hpp"

namespace translint::formats {

// Placeholder until the adapter lands.
void extract_po(Document& document) {
    throw Error(document.path() + ": the po adapter is not built yet");
}

} // namespace translint::formats
