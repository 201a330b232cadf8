// ICU transliteration: the schemes machine translation uses to write Cyrillic names in Latin
// letters, and ASCII folding for name keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace translint::text {

enum class Scheme {
    russian_bgn,
    ukrainian_bgn,
    ascii_lower, // any script to Latin, diacritics dropped, lower case: "Müller" -> "muller"
};

// Transliterates many words in one ICU call, which costs far less than one call per word.
// Soft and hard signs (ʹ ʺ) and BGN's separating dot (t·s) are dropped, as translations print them.
std::vector<std::string> transliterate(const std::vector<std::string>& words, Scheme scheme);

std::string fold_to_ascii(std::string_view word);
// ASCII letters in lower case, other bytes as they are.
std::string ascii_lower(std::string_view word);

} // namespace translint::text
