// A rule file: parsed, each rule built by its kind, and its examples run.
#include "fuzz/entry_points.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // What the shipped rules load, loaded before the first input.
    (void)translint::fuzz::fuzz_resources().dictionary("it_IT");
    (void)translint::fuzz::fuzz_resources().gazetteer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_rules(translint::fuzz::bytes_of(data, size));
    return 0;
}
