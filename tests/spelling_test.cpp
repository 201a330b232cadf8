// Italian spelling through the engine, with the real it_IT Hunspell dictionary.
#include "spell/hunspell_backend.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <thread>

using namespace translint;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> flagged(const std::string& text, const Config& config = {}) {
    const Document document = Document::from_text("x", text);
    std::vector<std::string> words;
    for (const Diagnostic& d : Engine(config).check(document, "it"))
        if (d.rule == "it.spelling") words.push_back(document.bytes().substr(d.offset, d.length));
    return words;
}

} // namespace

TEST(Spelling, FlagsLowercaseNonWordsWithSuggestions) {
    const Document document = Document::from_text("x", "Il presidennte ha parlato.");
    const auto diagnostics = Engine(Config{}).check(document, "it");
    ASSERT_EQ(1u, diagnostics.size());
    EXPECT_EQ(Category::spelling, diagnostics[0].category);
    EXPECT_EQ("'presidennte' is not an Italian word", diagnostics[0].message);
    EXPECT_EQ("presidente", diagnostics[0].suggestions.at(0));
    EXPECT_LE(diagnostics[0].suggestions.size(), 5u);
}

TEST(Spelling, LeavesElisionsWithBothApostrophesAlone) {
    EXPECT_TRUE(flagged("Quest'anno dell'attuale governo, nell'ambito dell’accordo, all’epoca, "
                        "un'altra volta, l'Ucraina e l’Europa, c'è un po' di tutto.")
                    .empty());
}

TEST(Spelling, FlagsTheWordAfterAnElision) {
    EXPECT_EQ((std::vector<std::string>{"attualle"}),
              flagged("Lo ha detto dell'attualle governo."));
}

TEST(Spelling, LeavesNamesAcronymsNumbersAndAddressesAlone) {
    EXPECT_TRUE(flagged("Putin, Peskov e Kadyrov; Musk guida SpaceX e Starlink. La NATO, il WSJ, "
                        "il COVID-19 e il G7; 15.000 terminali, 1,8 miliardi, il 25%, le 10:30. "
                        "Scrivete a redazione@giornale.it o su "
                        "https://www.giornale.it/esteri/articolo-12 e @giornale.")
                    .empty());
}

TEST(Spelling, FlagsAMisspeltCommonWordEvenWhenCapitalised) {
    EXPECT_EQ((std::vector<std::string>{"Apologette"}),
              flagged("Il miliardario si chiamava Apologette di Putin."));
    // A name introduced in full is a name wherever it appears again.
    EXPECT_TRUE(
        flagged("Sergio Mattarella ha parlato. Poi il presidente Mattarella è partito.").empty());
}

TEST(Spelling, ChecksEachPartOfAHyphenatedCompound) {
    EXPECT_TRUE(flagged("Un vertice italo-francese e gli agenti anti-sommossa.").empty());
    EXPECT_EQ((std::vector<std::string>{"frncese"}), flagged("Un vertice italo-frncese."));
}

TEST(Spelling, EnglishAndFrenchLoanwordsAreNotMisspellings) {
    EXPECT_TRUE(flagged("Il leader ha letto il report dell'intelligence sui social; un défilé di "
                        "haute couture.")
                    .empty());
}

TEST(Spelling, ProjectWordListsAreAccepted) {
    const fs::path list = fs::temp_directory_path() / "translint-project-words.txt";
    std::ofstream(list) << "# newsroom words\nsupercrete\n";
    Config config;
    EXPECT_EQ((std::vector<std::string>{"supercrete"}),
              flagged("Informazioni supercrete.", config));
    config.word_lists = {list.string()};
    EXPECT_TRUE(flagged("Informazioni supercrete.", config).empty());
}

TEST(Spelling, MissingDictionaryIsAnErrorNamingIt) {
    Config config;
    config.dictionary_paths = {"/nonexistent/hunspell"};
    try {
        Engine(config).check(Document::from_text("x", "ciao"), "it");
        FAIL();
    } catch (const Error& e) {
        // The names rules load en_US and fr_FR beside it_IT: any may be the first to fail.
        EXPECT_TRUE(std::regex_match(
            e.what(), std::regex("Hunspell dictionary '(it_IT|en_US|fr_FR)' not found "
                                 "\\(searched: /nonexistent/hunspell\\)")))
            << e.what();
    }
}

TEST(Spelling, TheSampleArticleFlagsItsNonWordsAndNotItsCorrectWords) {
    std::ifstream in(std::string(TRANSLINT_SOURCE_DIR) + "/examples/article.it.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    ASSERT_FALSE(text.empty());
    const auto words = flagged(text);
    EXPECT_GE(words.size(), 3u);
    for (const std::string& word : words)
        EXPECT_NE(word[0], std::toupper(word[0])) << word << " is capitalised";
}

// Threads that check side by side each borrow their own Hunspell instance; words added while
// they run reach every instance, including the ones made later.
TEST(Spelling, ADictionarySharedBetweenThreadsAnswersEachTheSame) {
    const auto dictionary =
        translint::spell::Dictionary::load("it_IT", translint::default_dictionary_paths());
    const std::vector<std::string> words = {"presidente", "presidennte", "città",
                                            "citta",      "giornalisti", "giornalsti"};
    std::vector<std::vector<bool>> answers(4);
    std::vector<std::vector<std::string>> near(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < answers.size(); ++t)
            threads.emplace_back([&, t] {
                for (int round = 0; round < 50; ++round)
                    for (const std::string& word : words)
                        if (round == 0) answers[t].push_back(dictionary->spell(word));
                near[t] = dictionary->near_words("presidennte", 3);
            });
    }
    for (const auto& answer : answers)
        EXPECT_EQ((std::vector<bool>{true, false, true, false, true, false}), answer);
    for (const auto& found : near)
        EXPECT_EQ(near[0], found);
    EXPECT_EQ("presidente", near[0].at(0));
    dictionary->add("Zelensky");
    // One char each: the bits of a std::vector<bool> share words, which threads would race on.
    std::vector<char> added(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < added.size(); ++t)
            threads.emplace_back([&, t] { added[t] = dictionary->spell("Zelensky"); });
    }
    for (char known : added)
        EXPECT_TRUE(known);
}
