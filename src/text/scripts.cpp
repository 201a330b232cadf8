#include "text/scripts.hpp"

#include "text/unicode.hpp"

#include <unicode/uscript.h>
#include <unicode/uspoof.h>

static_assert(translint::text::latin_script == USCRIPT_LATIN);

namespace translint::text {

int script_of(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED ||
        script == USCRIPT_UNKNOWN)
        return -1;
    return script;
}

std::string script_name(int script) {
    const char* name = uscript_getName(static_cast<UScriptCode>(script));
    return name ? name : "unknown";
}

std::string latin_lookalike(char32_t c) {
    // The checker is built once; uspoof_getSkeleton is documented as thread-safe.
    static USpoofChecker* checker = [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker* made = uspoof_open(&status);
        return U_SUCCESS(status) ? made : nullptr;
    }();
    if (!checker) return {};
    const std::string letter = from_u32(std::u32string(1, c));
    char skeleton[32];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        uspoof_getSkeletonUTF8(checker, 0, letter.data(), static_cast<int32_t>(letter.size()),
                               skeleton, sizeof skeleton, &status);
    if (U_FAILURE(status) || length <= 0) return {};
    const std::string out(skeleton, static_cast<std::size_t>(length));
    for (char ch : out)
        if (!std::isalpha(static_cast<unsigned char>(ch))) return {};
    return out;
}

} // namespace translint::text
