#include "rules/examples.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "rules/rule_loader.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace translint;
namespace fs = std::filesystem;

namespace {

std::string parse_error(const std::string& yaml) {
    try {
        Config config;
        const fs::path dir = fs::temp_directory_path() / "translint-rules-test" / "it";
        fs::create_directories(dir);
        std::ofstream(dir / "broken.yaml") << yaml;
        config.rule_paths = {(dir / "broken.yaml").string()};
        Engine(config).check(Document::from_text("x", "testo"), "it");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

const std::string rule_head =
    "rules:\n  - id: it.test\n    kind: existence\n    category: markup\n    message: m\n";

} // namespace

TEST(RuleLoader, ParsesExamplesWithMarkedSpans) {
    const auto specs = parse_rule_file("rules/it/x.yaml",
                                       rule_head + "    options: {tokens: [foto]}\n"
                                                   "    examples:\n"
                                                   "      bad:\n"
                                                   "        - text: 'una [[[foto]]] qui'\n"
                                                   "        - 'la [[foto]]'\n"
                                                   "      good: [niente]\n",
                                       "it");
    ASSERT_EQ(1u, specs.size());
    ASSERT_EQ(3u, specs[0].examples.size());
    EXPECT_EQ("una [foto] qui", specs[0].examples[0].text);
    EXPECT_EQ(4u, specs[0].examples[0].expected.offset);
    EXPECT_EQ(6u, specs[0].examples[0].expected.length);
    EXPECT_EQ(10u, specs[0].examples[1].line);
    EXPECT_FALSE(specs[0].examples[2].bad);
    EXPECT_EQ("it", language_of_rule_path("rules/it/x.yaml"));
    EXPECT_EQ("", language_of_rule_path("rules/common/x.yaml"));
}

TEST(RuleLoader, MalformedRulesNameFileLineAndReason) {
    EXPECT_NE(std::string::npos, parse_error("rules:\n  - id: [unclosed\n").find("broken.yaml:3:"));
    EXPECT_NE(std::string::npos,
              parse_error("rules:\n  - id: a\n    kind: grep\n    category: name\n    message: m\n")
                  .find("broken.yaml:3: unknown rule kind 'grep' (known: spelling, substitution, "
                        "existence, names"));
    EXPECT_NE(
        std::string::npos,
        parse_error("rules:\n  - id: a\n    kind: existence\n    category: names\n    message: m\n")
            .find("broken.yaml:4: unknown category 'names'"));
    EXPECT_NE(std::string::npos, parse_error(rule_head + "    options: {tokens: ['(unclosed']}\n")
                                     .find("bad pattern '(unclosed'"));
    EXPECT_NE(std::string::npos, parse_error(rule_head + "    options: {tokens: [a], typo: 1}\n")
                                     .find("unknown key 'typo'"));
    EXPECT_NE(
        std::string::npos,
        parse_error(rule_head + "    options: {tokens: [a]}\n    examples: {bad: [no marks]}\n")
            .find("a bad example must mark the expected span"));
    EXPECT_NE(std::string::npos,
              parse_error("rules: {}\n").find("a rule file needs a 'rules:' list"));
    EXPECT_NE(std::string::npos, parse_error(rule_head + "    options: {tokens: [a]}\n" +
                                             rule_head.substr(7) + "    options: {tokens: [b]}\n")
                                     .find("duplicate rule id 'it.test'"));
}

TEST(PhraseMatcher, MatchesWholeWordsWithUnicodeLetters) {
    const PhraseMatcher matcher({"città", "alto taglio"}, true, "f", 1);
    const auto matches = matcher.find("Città, cittàdina, alto taglio e altotaglio.");
    ASSERT_EQ(2u, matches.size());
    EXPECT_EQ(0u, matches[0].span.offset);
    EXPECT_EQ(0u, matches[0].alternative);
    EXPECT_EQ(1u, matches[1].alternative);
}

TEST(PhraseMatcher, PatternsWithGroupsStillReportTheirAlternative) {
    const PhraseMatcher matcher({"(a)(b)", "c(d)?"}, false, "f", 1);
    const auto matches = matcher.find("x ab cd");
    ASSERT_EQ(2u, matches.size());
    EXPECT_EQ(0u, matches[0].alternative);
    EXPECT_EQ(1u, matches[1].alternative);
}

TEST(Examples, AFailingExampleIsReported) {
    auto specs = parse_rule_file("rules/it/x.yaml",
                                 rule_head + "    options: {tokens: [foto]}\n"
                                             "    examples:\n"
                                             "      bad: ['una [[immagine]]']\n"
                                             "      good: ['una foto']\n",
                                 "it");
    struct NoResources : RuleResources {
        spell::Dictionary& dictionary(const std::string&) override {
            throw Error("no dictionaries");
        }
        std::vector<std::string> word_list(const std::string&) override { return {}; }
        const std::vector<std::string>& project_words() override { return words; }
        const names::Gazetteer& gazetteer() override { throw Error("no gazetteer"); }
        std::vector<std::string> words;
    } resources;
    const auto rule = find_rule_kind("existence")->make(std::move(specs[0]), resources);
    const auto results = run_examples(*rule);
    ASSERT_EQ(2u, results.size());
    EXPECT_FALSE(results[0].passed);
    EXPECT_EQ("expected one finding at 'immagine'@4, found nothing", results[0].reason);
    EXPECT_FALSE(results[1].passed);
    EXPECT_EQ("good example flagged: 'foto'@4", results[1].reason);
}

TEST(Engine, ConfigDisablesRulesAndOverridesSeverity) {
    Config config;
    config.severity["it.mistranslation.calques"] = Severity::error;
    const Document document =
        Document::from_text("x", "Un funzionario di alto taglio e una parolla.");
    const auto before = Engine(config).check(document, "it");
    ASSERT_EQ(2u, before.size());
    EXPECT_EQ("it.mistranslation.calques", before[0].rule);
    EXPECT_EQ(Severity::error, before[0].severity);
    EXPECT_EQ("di alto livello", before[0].suggestions.at(0));
    ASSERT_EQ(1u, before[0].fixes.size());
    EXPECT_EQ("di alto taglio",
              document.bytes().substr(before[0].fixes[0].offset, before[0].fixes[0].length));
    config.disable = {"it.mistranslation"};
    const auto after = Engine(config).check(document, "it");
    ASSERT_EQ(1u, after.size());
    EXPECT_EQ("it.spelling", after[0].rule);
}

TEST(Engine, UnknownLanguageIsAnError) {
    try {
        Engine(Config{}).check(Document::from_text("x", "testo"), "xx");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ("unknown language 'xx' (rule packs exist for: en, it)", e.what());
    }
}

TEST(Engine, ShippedRulesAllHaveExamplesThatPass) {
    const Engine engine{Config{}};
    for (const std::string& language : engine.languages())
        for (const RuleInfo& rule : engine.rules(language))
            EXPECT_GE(rule.examples, 2u) << rule.id;
    for (const ExampleResult& result : engine.test_examples({}))
        EXPECT_TRUE(result.passed) << result.file << ":" << result.line << ": " << result.reason;
}

TEST(Engine, LongDocumentsCheckedSideBySideGiveStableResults) {
    // Past 64 KB the rules of a segment run on several threads; the findings must not depend on
    // which finishes first.
    std::ifstream in(std::string(TRANSLINT_SOURCE_DIR) + "/examples/article.it.txt");
    const std::string article((std::istreambuf_iterator<char>(in)), {});
    std::string text;
    while (text.size() < (1 << 17))
        text += article;
    const Engine engine{Config{}};
    const Document document = Document::from_text("big.txt", text);
    const auto first = engine.check(document, "it");
    const auto second = engine.check(document, "it");
    ASSERT_GT(first.size(), 20u);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].rule, second[i].rule);
        EXPECT_EQ(first[i].offset, second[i].offset);
        if (i > 0) {
            EXPECT_LE(first[i - 1].offset, first[i].offset);
        }
    }
}
