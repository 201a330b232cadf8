#include "text/languages.hpp"

#include <algorithm>
#include <string>
#include <unicode/locid.h>

namespace translint::text {

bool is_language_tag(std::string_view tag) {
    const std::size_t end = std::min(tag.find_first_of("-_"), tag.size());
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() < 2 || primary.size() > 3 ||
        !std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return false;
    const std::string_view rest = tag.substr(end);
    if (rest.size() == 1 || rest.size() > 9 ||
        !std::all_of(rest.begin() + std::min<std::size_t>(1, rest.size()), rest.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
        return false;
    if (primary.size() == 3) {
        // ICU's list holds the two-letter codes; a three-letter one must map to a known language.
        const icu::Locale locale(std::string(primary).c_str());
        return locale.getISO3Language() == primary;
    }
    for (const char* const* code = icu::Locale::getISOLanguages(); *code; ++code)
        if (primary == *code) return true;
    return false;
}

} // namespace translint::text
