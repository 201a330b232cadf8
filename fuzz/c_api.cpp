// translint_check, the C interface of libtranslint.so, with the format, language and path the first
// byte picks.
#include "fuzz/entry_points.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    translint::fuzz::warm_up_c_api();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_c_api(translint::fuzz::bytes_of(data, size));
    return 0;
}
