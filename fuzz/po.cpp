// gettext PO, read by translint's own parser.
#include "fuzz/entry_points.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    translint::fuzz::warm_up_engine(/*bilingual=*/true);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_format(translint::fuzz::bytes_of(data, size), translint::InputFormat::po,
                                 "fuzz.po");
    return 0;
}
