// Markdown through md4c, with its suppression comments.
#include "fuzz/entry_points.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    translint::fuzz::warm_up_engine();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_format(translint::fuzz::bytes_of(data, size),
                                 translint::InputFormat::markdown, "fuzz.it.md");
    return 0;
}
