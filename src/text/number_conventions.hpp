// How a language writes numbers, from ICU's locale data (CLDR): the decimal and grouping
// separators, and where the currency sign and the percent sign go.
#pragma once

#include <string>
#include <unordered_map>

namespace translint::text {

struct NumberConventions {
    std::string decimal;         // "," in Italian, "." in English
    std::string grouping;        // "." in Italian, "," in English
    bool currency_first = false; // "$1.8" (English) rather than "1,8 $" (Italian)
    bool percent_spaced = false; // "25 %" (French) rather than "25%"
};

// Throws translint::Error when ICU has no number data for the language.
NumberConventions number_conventions(const std::string& language);

// The numbers 0 to 100 as the language spells them in one word, lower-case, cardinal and
// ordinal, in every gender ICU knows ("tre" -> 3, "terza" -> 3). ICU spells the nominative
// only. Empty when ICU cannot spell numbers in the language.
std::unordered_map<std::string, int> number_words(const std::string& language);

} // namespace translint::text
