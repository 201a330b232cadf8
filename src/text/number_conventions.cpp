#include "text/number_conventions.hpp"

#include "translint/error.hpp"

#include <memory>
#include <unicode/dcfmtsym.h>
#include <unicode/decimfmt.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

namespace translint::text {
namespace {

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// The pattern of a locale's number format of one style, e.g. "#,##0.00 ¤".
std::string pattern(const icu::Locale& locale, UNumberFormatStyle style) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> format(
        icu::NumberFormat::createInstance(locale, style, status));
    const auto* decimal = dynamic_cast<const icu::DecimalFormat*>(format.get());
    if (U_FAILURE(status) || !decimal) return {};
    icu::UnicodeString text;
    decimal->toPattern(text);
    return utf8(text);
}

} // namespace

NumberConventions number_conventions(const std::string& language) {
    const icu::Locale locale(language.c_str());
    UErrorCode status = U_ZERO_ERROR;
    const icu::DecimalFormatSymbols symbols(locale, status);
    if (U_FAILURE(status))
        throw Error("no ICU number data for language '" + language + "': " + u_errorName(status));
    NumberConventions conventions;
    conventions.decimal =
        utf8(symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol));
    conventions.grouping =
        utf8(symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol));
    const std::string currency = pattern(locale, UNUM_CURRENCY);
    conventions.currency_first = currency.rfind("¤", 0) == 0;
    const std::string percent = pattern(locale, UNUM_PERCENT);
    const std::size_t sign = percent.find('%');
    conventions.percent_spaced = sign != std::string::npos && sign > 0 &&
                                 percent[sign - 1] != '0' && percent[sign - 1] != '#';
    return conventions;
}

std::unordered_map<std::string, int> number_words(const std::string& language) {
    std::unordered_map<std::string, int> words;
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, icu::Locale(language.c_str()), status);
    if (U_FAILURE(status)) return words;
    for (int set = 0; set < format.getNumberOfRuleSetNames(); ++set) {
        const icu::UnicodeString name = format.getRuleSetName(set);
        if (name.indexOf(u"spellout-cardinal") < 0 && name.indexOf(u"spellout-ordinal") < 0 &&
            name.indexOf(u"spellout-numbering") < 0)
            continue;
        for (int value = 0; value <= 100; ++value) {
            icu::UnicodeString spelled;
            icu::FieldPosition position;
            status = U_ZERO_ERROR;
            format.format(int32_t(value), name, spelled, position, status);
            // Soft hyphens mark where the parts join (venti-uno): the word is written whole.
            spelled.findAndReplace(u"\u00AD", u"");
            if (U_FAILURE(status) || spelled.indexOf(u' ') >= 0 || spelled.indexOf(u'-') >= 0)
                continue;
            words.emplace(utf8(spelled.toLower(icu::Locale(language.c_str()))), value);
        }
    }
    return words;
}

} // namespace translint::text
