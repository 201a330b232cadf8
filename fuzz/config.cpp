// .translint.yaml through Config::load.
#include "fuzz/entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_config(translint::fuzz::bytes_of(data, size));
    return 0;
}
