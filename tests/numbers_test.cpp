// Number conventions from ICU, and the number rules on whole documents in both languages.
#include "text/number_conventions.hpp"
#include "translint/engine.hpp"

#include <gtest/gtest.h>

using namespace translint;

namespace {

std::vector<Diagnostic> findings(const std::string& text, const std::string& language,
                                 const std::string& prefix) {
    std::vector<Diagnostic> out;
    for (Diagnostic& d : Engine(Config{}).check(Document::from_text("x", text), language))
        if (d.rule.starts_with(prefix)) out.push_back(std::move(d));
    return out;
}

} // namespace

TEST(NumberConventions, ComeFromIcusLocaleData) {
    const text::NumberConventions it = text::number_conventions("it");
    EXPECT_EQ(",", it.decimal);
    EXPECT_EQ(".", it.grouping);
    EXPECT_FALSE(it.currency_first);
    const text::NumberConventions en = text::number_conventions("en");
    EXPECT_EQ(".", en.decimal);
    EXPECT_EQ(",", en.grouping);
    EXPECT_TRUE(en.currency_first);
    EXPECT_TRUE(text::number_conventions("fr").percent_spaced);
}

TEST(NumberRules, ABrokenNumberAcrossWindowsLineEndingsIsJoined) {
    const auto found = findings("Circa 15.\r\n\r\n000 terminali.\r\n", "it", "it.number");
    ASSERT_EQ(1u, found.size());
    EXPECT_EQ("15.000", found[0].suggestions.at(0));
    EXPECT_EQ(6u, found[0].offset);
    EXPECT_EQ(10u, found[0].length); // "15.\r\n\r\n000"
}

TEST(NumberRules, EachLanguageFlagsTheOthersConventions) {
    EXPECT_EQ(1u, findings("Costa 2.5 milioni.", "it", "it.locale").size());
    EXPECT_TRUE(findings("Costa 2,5 milioni.", "it", "it.locale").empty());
    EXPECT_EQ(1u, findings("It costs 2,5 million.", "en", "en.locale").size());
    EXPECT_TRUE(findings("It costs 2.5 million.", "en", "en.locale").empty());
    // A clock time reads the same in both: 10.30 is no decimal without a quantity after it.
    EXPECT_TRUE(findings("Alle 10.30 arriva.", "it", "it.locale").empty());
    EXPECT_EQ(1u, findings("Sono 10.30 milioni.", "it", "it.locale").size());
}
