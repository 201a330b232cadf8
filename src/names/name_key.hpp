// Transliteration-aware name keys: two spellings of a name that a round trip through Cyrillic
// can turn into each other (Isaacson / Isaxon, Jair / Zhaiir, Farage / Farazh) get keys that
// are equal or one edit apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace translint::names {

// The key of an ASCII-folded, lower-case word: digraphs merged (zh, dzh, j -> j; kh, h, g ->
// h; x -> ks; ...), vowels reduced to one class, doubled letters single.
std::string name_key(std::string_view folded, bool merge_vowels = true);

// The ways a spelling may sound: itself, and for J before a vowel also the Y sound it has in
// Polish, German or Dutch names (Jan, Ян, Yan); Greek Chr and Chl as Kr and Kl; Polish cz as ch.
std::vector<std::string> sound_spellings(std::string_view folded);

// The word without the Russian or Ukrainian case ending that a translation glued on, for each
// ending that fits (Maykla -> Maykl, Kromvelya -> Kromvel, Virdzhyniyi -> Virdzhyni).
std::vector<std::string> strip_case_endings(std::string_view folded);

// Declined forms of a Cyrillic name token, the token itself first.
std::vector<std::string> cyrillic_declensions(std::string_view token, bool ukrainian);

} // namespace translint::names
