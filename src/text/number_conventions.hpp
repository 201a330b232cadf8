// How a language writes numbers, from ICU's locale data (CLDR): the decimal and grouping
// separators, and where the currency sign and the percent sign go.
#pragma once

#include <string>

namespace translint::text {

struct NumberConventions {
    std::string decimal;         // "," in Italian, "." in English
    std::string grouping;        // "." in Italian, "," in English
    bool currency_first = false; // "$1.8" (English) rather than "1,8 $" (Italian)
    bool percent_spaced = false; // "25 %" (French) rather than "25%"
};

// Throws translint::Error when ICU has no number data for the language.
NumberConventions number_conventions(const std::string& language);

} // namespace translint::text
