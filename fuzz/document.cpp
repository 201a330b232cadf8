// Plain text: the document model, the segmenter and every Italian rule.
#include "fuzz/entry_points.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    translint::fuzz::warm_up_engine();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_document(translint::fuzz::bytes_of(data, size));
    return 0;
}
