// The names gazetteer, name keys and the names rules, with the shipped gazetteer and real ICU.
#include "core/embedded.hpp"
#include "names/gazetteer.hpp"
#include "names/name_key.hpp"
#include "text/transliterate.hpp"
#include "text/unicode.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

using namespace translint;

namespace {

struct Finding {
    std::string rule;
    std::string text;
    std::vector<std::string> suggestions;
    Severity severity;
};

std::vector<Finding> findings(const std::string& text, const std::string& prefix) {
    const Document document = Document::from_text("x", text);
    std::vector<Finding> out;
    for (const Diagnostic& d : Engine(Config{}).check(document, "it"))
        if (d.rule.starts_with(prefix))
            out.push_back(
                {d.rule, document.bytes().substr(d.offset, d.length), d.suggestions, d.severity});
    return out;
}

names::Gazetteer shipped() {
    names::Gazetteer gazetteer;
    for (const EmbeddedFile& file : embedded_files())
        if (std::string_view(file.path).starts_with("dictionaries/names/") &&
            std::string_view(file.path).ends_with(".tsv"))
            gazetteer.add_file(file.path, file.bytes);
    gazetteer.build();
    return gazetteer;
}

} // namespace

TEST(NameKey, TransliterationRoundTripsMeetOnOneKey) {
    using names::name_key;
    EXPECT_EQ(name_key("isaacson"), name_key("isaxon"));
    EXPECT_EQ(1u, text::edit_distance(text::to_u32(name_key("farage")),
                                      text::to_u32(name_key("farazh"))));
    EXPECT_EQ(name_key("clinton"), name_key("klinton"));
    EXPECT_EQ(name_key("feinstein"), name_key("faynstayn"));
    EXPECT_EQ(name_key("bethesda"), name_key("betesda"));
    EXPECT_NE(name_key("rossi"), name_key("bossi"));
}

TEST(NameKey, CaseEndingsAndDeclensions) {
    const auto stems = names::strip_case_endings("kromvelya");
    EXPECT_NE(stems.end(), std::find(stems.begin(), stems.end(), "kromvel"));
    const auto adjective = names::strip_case_endings("harvardskomu");
    EXPECT_NE(adjective.end(), std::find(adjective.begin(), adjective.end(), "harvard"));
    const auto forms = names::cyrillic_declensions("Мілей", true);
    EXPECT_NE(forms.end(), std::find(forms.begin(), forms.end(), "Мілея"));
    const auto russian = names::cyrillic_declensions("Башар", false);
    EXPECT_NE(russian.end(), std::find(russian.begin(), russian.end(), "Башара"));
}

TEST(Transliteration, IcuBgnSchemes) {
    EXPECT_EQ((std::vector<std::string>{"Farazh", "Mileya"}),
              text::transliterate({"Фараж", "Мілея"}, text::Scheme::ukrainian_bgn));
    EXPECT_EQ("Zhair", text::transliterate({"Жаир"}, text::Scheme::russian_bgn).front());
    EXPECT_EQ("muller", text::fold_to_ascii("Müller"));
}

TEST(Gazetteer, MalformedLinesNameFileAndLine) {
    names::Gazetteer gazetteer;
    try {
        gazetteer.add_file("house.tsv", "# newsroom names\nperson\tAda Rossi\n");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ("house.tsv:2: expected 7 tab-separated columns (type, name, it, variants, ru, "
                     "uk, traps), found 2",
                     e.what());
    }
    EXPECT_THROW(gazetteer.add_file("house.tsv", "person\tAda Rossi\t\t\t\t\tmaschera\n"), Error);
}

TEST(Gazetteer, ShippedDataIsBroadAndItsCyrillicMatchesItsLatin) {
    const names::Gazetteer gazetteer = shipped();
    EXPECT_GE(gazetteer.entities().size(), 5000u);
    // A cross-check of the data: the Russian form of a name, transliterated back, should land
    // on the Latin name's key or share its first letters. Some names legitimately do not
    // (Xi / Си), so this is a rate, not a rule.
    std::size_t checked = 0, agree = 0;
    std::vector<std::string> cyrillic, latin;
    for (const names::Entity& entity : gazetteer.entities()) {
        if (entity.russian.empty()) continue;
        const auto c = names::split_name(entity.russian.front());
        const auto l = names::split_name(entity.name);
        if (c.empty() || l.empty()) continue;
        cyrillic.push_back(c.back());
        latin.push_back(l.back());
    }
    const auto back = text::transliterate(cyrillic, text::Scheme::russian_bgn);
    for (std::size_t i = 0; i < back.size(); ++i) {
        const std::string a = names::name_key(text::fold_to_ascii(back[i]));
        const std::string b = names::name_key(text::fold_to_ascii(latin[i]));
        ++checked;
        agree += a == b || text::fold_to_ascii(back[i]).substr(0, 2) ==
                               text::fold_to_ascii(latin[i]).substr(0, 2);
    }
    // Correct transcriptions the key cannot bridge (James / Джеймс) keep this near 85%; a file
    // with shifted or swapped columns falls far below.
    EXPECT_GE(agree * 100 / checked, 80u) << agree << " of " << checked;
}

TEST(ReadBackTable, TheBuildTimeReadingsAreIcusOwn) {
    const EmbeddedFile* table_file = nullptr;
    for (const EmbeddedFile& file : embedded_files())
        if (std::string_view(file.path) == "generated/read-back.tsv") table_file = &file;
    ASSERT_NE(nullptr, table_file);
    const names::ReadBackTable table(table_file->bytes);
    // Every 97th line of the table, read again through ICU now.
    std::vector<std::string> cyrillic[2];
    std::vector<std::string> latin[2];
    std::size_t line = 0;
    for (std::size_t at = 0; at < table_file->bytes.size(); ++line) {
        const std::size_t end = table_file->bytes.find('\n', at);
        const std::string_view text = table_file->bytes.substr(at, end - at);
        at = end + 1;
        if (line % 97) continue;
        const std::size_t first = text.find('\t'), second = text.rfind('\t');
        const bool ukrainian = text[0] == 'u';
        const std::string word(text.substr(first + 1, second - first - 1));
        cyrillic[ukrainian].push_back(word);
        latin[ukrainian].emplace_back(text.substr(second + 1));
        ASSERT_NE(nullptr, table.find(ukrainian, word)) << word;
        EXPECT_EQ(latin[ukrainian].back(), *table.find(ukrainian, word));
    }
    EXPECT_GT(cyrillic[0].size() + cyrillic[1].size(), 500u);
    EXPECT_EQ(latin[0], text::transliterate(cyrillic[0], text::Scheme::russian_bgn));
    EXPECT_EQ(latin[1], text::transliterate(cyrillic[1], text::Scheme::ukrainian_bgn));
    EXPECT_EQ(nullptr, table.find(false, "Непонятнословов"));
}

TEST(NamesRule, ANewsroomsOwnNamesAreReadBackThroughIcu) {
    // A name the shipped table cannot hold: its garble comes from ICU at start-up.
    const auto dir = std::filesystem::temp_directory_path() / "translint-own-gazetteer";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "own.tsv")
        << "person\tOttavio Zappaterrini\t\t\tОттавио Дзаппатеррини\t\t\n";
    Config config;
    config.gazetteers = {(dir / "own.tsv").string()};
    const Document document =
        Document::from_text("x", "Il sindaco Ottavio Dzappaterrini ha parlato.");
    std::vector<std::string> suggestions;
    std::string message;
    for (const Diagnostic& d : Engine(config).check(document, "it"))
        if (d.rule == "it.names.garbled") {
            suggestions = d.suggestions;
            message = d.message;
        }
    ASSERT_FALSE(suggestions.empty());
    EXPECT_EQ("Zappaterrini", suggestions.front());
    EXPECT_NE(std::string::npos, message.find("Дзаппатеррини reads back from Cyrillic")) << message;
}

TEST(NamesRule, GarbledNamesGetTheCanonicalSpelling) {
    const auto found = findings(
        "Il leader britannico Nigel Farazh ha incontrato il presidente Dzho Baiden.", "it.names");
    ASSERT_EQ(3u, found.size());
    EXPECT_EQ("Farazh", found[0].text);
    EXPECT_EQ("Farage", found[0].suggestions.at(0));
    EXPECT_EQ("Dzho", found[1].text);
    EXPECT_EQ("Joe", found[1].suggestions.at(0));
    EXPECT_EQ("Baiden", found[2].text);
    EXPECT_EQ("Biden", found[2].suggestions.at(0));
    EXPECT_EQ("Joe Biden", found[2].suggestions.at(1));
}

TEST(NamesRule, CorrectNamesAreLeftAlone) {
    EXPECT_TRUE(
        findings(
            "Nigel Farage ha incontrato Joe Biden, Vladimir Putin, Dmitrij Peskov, Ramzan Kadyrov, "
            "Sergej Kirienko e Aleksandr Lukashenko a Berlino, con Xi Jinping e Ian Bremmer.",
            "it.names")
            .empty());
}

TEST(NamesRule, CasingSlipsAndBrokenHyphens) {
    const auto casing = findings("ILon Musk ha parlato.", "it.names");
    ASSERT_EQ(1u, casing.size());
    EXPECT_EQ("Elon", casing[0].suggestions.at(0));
    const auto spacing = findings("Il leader nordcoreano Kim Jong -in ha parlato.", "it.names");
    ASSERT_EQ(1u, spacing.size());
    EXPECT_EQ("Jong -in", spacing[0].text);
    EXPECT_EQ("Jong-un", spacing[0].suggestions.at(0));
}

TEST(NamesRule, ACommonWordIsAGarbleOnlyWhereTheTextNamesThePerson) {
    const auto found =
        findings("Elon Musk ha parlato ieri. Secondo il giornale, Mask ha chiesto a Putin di non "
                 "attivare Starlink.",
                 "it.names");
    ASSERT_EQ(1u, found.size());
    EXPECT_EQ("Mask", found[0].text);
    EXPECT_EQ("Musk", found[0].suggestions.at(0));
    EXPECT_TRUE(
        findings("Il ministro ha detto che Mask è un marchio di cosmetici.", "it.names").empty());
}

TEST(NamesRule, TransliteratedShapeWithoutAMatchIsAWarning) {
    const auto found = findings("La squadra ha battuto il Vyzhkhrobnyk in trasferta.", "it.names");
    ASSERT_EQ(1u, found.size());
    EXPECT_EQ(Severity::warning, found[0].severity);
    EXPECT_TRUE(found[0].suggestions.empty());
    // A name the text repeats is its own spelling, however it reads.
    EXPECT_TRUE(
        findings("Vyzhkhrobnyk ha vinto. Il Vyzhkhrobnyk gioca domani.", "it.names").empty());
}

TEST(SpellingModel, TransliterationsReadAsTransliterations) {
    const names::Gazetteer gazetteer = shipped();
    const names::SpellingModel& model = gazetteer.spelling_model();
    // Names the gazetteer does not hold, and their round trip through Cyrillic.
    for (const auto& [written, transliterated] : std::vector<std::pair<std::string, std::string>>{
             {"trudell", "tryudell"}, {"beauvillier", "bovilyer"}, {"craiglang", "kreyglang"}}) {
        EXPECT_LT(model.transliteration_score(written), 0) << written;
        EXPECT_GT(model.transliteration_score(transliterated), 0) << transliterated;
    }
}

TEST(NamesRule, KnownNamesWithACaseEnding) {
    const auto found = findings("Un colpo di stato contro Hitlera fu preparato.", "it.names");
    ASSERT_EQ(1u, found.size());
    EXPECT_EQ("Hitlera", found[0].text);
    EXPECT_EQ("Hitler", found[0].suggestions.at(0));
    // Feminine forms are names of their own, and short stems are other names' endings.
    EXPECT_TRUE(findings("Hanno parlato Roberta, Daniela e Jaya.", "it.names").empty());
}

TEST(NamesRule, TheTextsOwnSpellingAcrossAPossessive) {
    const auto found = findings(
        "Sainsbury vende di più. Il Seynsberi's programma una spinta sul digitale.", "it.names");
    ASSERT_EQ(1u, found.size());
    EXPECT_EQ("Seynsberi", found[0].text);
    EXPECT_EQ("Sainsbury", found[0].suggestions.at(0));
}

TEST(NamesRule, AWordOpeningAQuotedSentenceIsNotAGarble) {
    // "Mi" reads back from Мі, a case of Ма (Jack Ma), but here it opens a quoted sentence.
    for (const Finding& f : findings("Ne ha parlato Jack Ma a Pechino. \"Mi ha detto tutto\", ha "
                                     "spiegato il funzionario.",
                                     "it.names"))
        EXPECT_NE("Mi", f.text);
}

TEST(NamesRule, NamesInTheSpellingDictionariesAreKnown) {
    EXPECT_TRUE(
        findings("Brian ha incontrato Olga a Syracuse e poi a Brigham.", "it.names").empty());
}

TEST(NameTraps, MaskIsMuskOnlyWhereMuskIsTheSubject) {
    const auto flagged = findings(
        "Elon Musk ha parlato con Putin. Secondo il WSJ, la maschera ha accesso ai segreti.",
        "it.mistranslation.name-traps");
    ASSERT_EQ(1u, flagged.size());
    EXPECT_EQ("maschera", flagged[0].text);
    EXPECT_EQ("Musk", flagged[0].suggestions.at(0));
    EXPECT_TRUE(findings("Elon Musk è arrivato alla festa: indossava una maschera di carnevale.",
                         "it.mistranslation")
                    .empty());
    // Without the person in the text, a mask is a mask.
    EXPECT_TRUE(
        findings("La maschera ha coperto il volto dell'attore.", "it.mistranslation").empty());
    EXPECT_TRUE(
        findings("Al Carnevale di Venezia la maschera più amata è la Bauta.", "it.mistranslation")
            .empty());
}
