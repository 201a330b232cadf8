#include "text/number_conventions.hpp"

#include "translint/error.hpp"

#include <memory>
#include <unicode/dcfmtsym.h>
#include <unicode/decimfmt.h>
#include <unicode/numfmt.h>

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

} // namespace translint::text
