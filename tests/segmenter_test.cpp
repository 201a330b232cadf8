#include "text/segmenter.hpp"
#include "text/unicode.hpp"

#include <gtest/gtest.h>

using namespace translint::text;

namespace {
std::vector<std::string> texts(std::string_view text, const std::vector<Span>& spans) {
    std::vector<std::string> out;
    for (const Span& s : spans)
        out.emplace_back(text.substr(s.offset, s.length));
    return out;
}
} // namespace

TEST(Segmenter, WordsKeepElisionsWholeAndSkipPunctuation) {
    const std::string text = "Quest’anno l'Ucraina, dell'attuale NATO: 15.000 terminali.";
    std::vector<Span> spans;
    std::vector<TokenKind> kinds;
    for (const Token& t : words(text)) {
        spans.push_back(t.span);
        kinds.push_back(t.kind);
    }
    EXPECT_EQ((std::vector<std::string>{"Quest’anno", "l'Ucraina", "dell'attuale", "NATO", "15.000",
                                        "terminali"}),
              texts(text, spans));
    EXPECT_EQ(TokenKind::number, kinds[4]);
    EXPECT_EQ(TokenKind::word, kinds[5]);
}

TEST(Segmenter, SentencesAreIcuSentencesWithoutTrailingSpace) {
    const std::string text = "Il vertice è finito. Putin ha parlato? Sì!  Fine";
    EXPECT_EQ(
        (std::vector<std::string>{"Il vertice è finito.", "Putin ha parlato?", "Sì!", "Fine"}),
        texts(text, sentences(text)));
}

TEST(Segmenter, ParagraphsAreLinesWithText) {
    const std::string text = "Primo.\r\n\r\nSecondo\n   \nTerzo";
    EXPECT_EQ((std::vector<std::string>{"Primo.", "Secondo", "Terzo"}),
              texts(text, paragraphs(text)));
}

TEST(Unicode, CaseAndDistanceHelpers) {
    EXPECT_TRUE(is_all_caps("NATO"));
    EXPECT_FALSE(is_all_caps("A"));
    EXPECT_TRUE(is_capitalised("Élite"));
    EXPECT_TRUE(has_inner_capital("SpaceX"));
    EXPECT_FALSE(has_inner_capital("Spacex"));
    EXPECT_EQ("élite", to_lower("ÉLITE"));
    EXPECT_EQ("Élite", capitalise("élite"));
    EXPECT_EQ(1u, edit_distance(to_u32("Isaacson"), to_u32("Isaacsno")));
    EXPECT_EQ(2u, edit_distance(to_u32("apologette"), to_u32("apologeta")));
    EXPECT_EQ(5u, count_code_points("città"));
}

TEST(Unicode, EditsUpToOneAgreesWithTheDistanceCappedAtTwo) {
    const std::vector<std::string> words{
        "",    "a",        "ab",       "ba", "abc",   "acb",   "abcd", "abd",  "xbc", "abx",
        "bca", "isaacson", "isaksson", "zh", "città", "citta", "cità", "kant", "knat"};
    for (const std::string& a : words)
        for (const std::string& b : words)
            EXPECT_EQ(std::min<std::size_t>(2, edit_distance(to_u32(a), to_u32(b))),
                      edits_up_to_one(to_u32(a), to_u32(b)))
                << a << " / " << b;
}
