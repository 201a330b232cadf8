// Translations checked against their sources: TSV and aligned paragraphs, the C escapes the PO
// and C++ adapters share, and the number, name and untranslated rules on real documents.
#include "formats/escapes.hpp"
#include "text/number_conventions.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"

#include <gtest/gtest.h>

using namespace translint;

namespace {

struct Found {
    std::string rule;
    std::size_t line, column;
    std::string text;
    std::string suggestion;
    bool operator==(const Found&) const = default;
    friend std::ostream& operator<<(std::ostream& out, const Found& f) {
        return out << f.rule << "@" << f.line << ":" << f.column << " '" << f.text << "' -> '"
                   << f.suggestion << "'";
    }
};

const Engine& engine() {
    static const Engine shared(Config{});
    return shared;
}

// The findings of the bilingual rules (common.*) on a document.
std::vector<Found> bilingual_findings(Document& document, const std::string& source_language) {
    document.set_languages(source_language, "it");
    std::vector<Found> found;
    for (const Diagnostic& d : engine().check(document, "it")) {
        if (!d.rule.starts_with("common.")) continue;
        const Position p = document.position(d.offset);
        found.push_back({d.rule, p.line, p.column, document.bytes().substr(d.offset, d.length),
                         d.suggestions.empty() ? "" : d.suggestions.front()});
    }
    return found;
}

std::vector<Found> check_tsv(const std::string& tsv, const std::string& source_language) {
    Document document = read_document("pairs.tsv", tsv, InputFormat::tsv);
    return bilingual_findings(document, source_language);
}

} // namespace

TEST(Tsv, EachLineIsATargetWithItsSource) {
    const Document document = read_document(
        "pairs.tsv", "uk\tit\nДобрий день\tBuongiorno\n\nДякую\tGrazie\n", InputFormat::tsv);
    EXPECT_EQ("uk", document.source_language());
    EXPECT_EQ("it", document.target_language());
    ASSERT_EQ(2u, document.segments().size());
    EXPECT_EQ("Buongiorno", document.segments()[0].text);
    EXPECT_EQ("Добрий день", document.segments()[0].source);
    EXPECT_EQ("Grazie", document.segments()[1].text);
    EXPECT_EQ(document.position(document.segments()[1].map.to_original(0)).line, 4u);
}

TEST(Tsv, ARowWithoutExactlyOneTabIsAnErrorNamingItsLine) {
    try {
        read_document("pairs.tsv", "a\tb\nonly one column\n", InputFormat::tsv);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("pairs.tsv:2: expected two columns"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(read_document("pairs.tsv", "a\tb\tc\n", InputFormat::tsv), Error);
}

TEST(Tsv, OnlyTwoDifferentLanguageCodesMakeAHeader) {
    for (const char* first_row : {"ok\tok", "no\tno", "xx\tit", "si\tsì"}) {
        const Document document =
            read_document("pairs.tsv", std::string(first_row) + "\nb\tc\n", InputFormat::tsv);
        EXPECT_EQ(2u, document.segments().size()) << first_row;
        EXPECT_EQ("", document.source_language()) << first_row;
    }
    const Document tagged = read_document("pairs.tsv", "en-GB\tit_IT\nb\tc\n", InputFormat::tsv);
    EXPECT_EQ(1u, tagged.segments().size());
    EXPECT_EQ("en", tagged.source_language());
    EXPECT_EQ("it", tagged.target_language());
}

TEST(Aligned, ParagraphsPairUpInOrder) {
    Document target = Document::from_text("it.txt", "Primo paragrafo.\n\nSecondo\nparagrafo.\n");
    const Document source =
        Document::from_text("en.txt", "First paragraph.\n\n\nSecond paragraph.");
    align_with_source(target, source);
    ASSERT_EQ(2u, target.segments().size());
    EXPECT_EQ("Secondo\nparagrafo.", target.segments()[1].text);
    EXPECT_EQ("Second paragraph.", target.segments()[1].source);
    EXPECT_EQ(18u, target.segments()[1].map.to_original(0));
}

TEST(Aligned, DifferentParagraphCountsAreAnErrorNamingTheUnpairedOne) {
    Document target = Document::from_text("it.txt", "Uno.\n\nDue.\n\nTre.\n");
    const Document source = Document::from_text("en.txt", "One.\n\nTwo.\n");
    try {
        align_with_source(target, source);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_STREQ("it.txt has 3 paragraphs and its source en.txt has 2; the first without a "
                     "partner is at it.txt:5",
                     e.what());
    }
}

TEST(Escapes, DecodedTextMapsBackThroughEachEscape) {
    // The literal body starts at byte 10 of its file.
    const std::string_view raw = R"(a\"b\n\u00e9\101\x42z)";
    Segment segment;
    ASSERT_FALSE(formats::append_unescaped(raw, 10, segment));
    EXPECT_EQ("a\"b\n\xC3\xA9"
              "ABz",
              segment.text);
    EXPECT_EQ(10u, segment.map.to_original(0)); // a
    EXPECT_EQ(11u, segment.map.to_original(1)); // \" stands for "
    EXPECT_EQ(13u, segment.map.to_original(2)); // b
    EXPECT_EQ(14u, segment.map.to_original(3)); // \n
    EXPECT_EQ(16u, segment.map.to_original(4)); // \u00e9
    EXPECT_EQ(22u, segment.map.to_original(6)); // \101
    EXPECT_EQ(26u, segment.map.to_original(7)); // \x42
    EXPECT_EQ(30u, segment.map.to_original(8)); // z
}

TEST(Escapes, BadEscapesAreReportedWithTheirOffset) {
    Segment segment;
    const auto unknown = formats::append_unescaped(R"(ok \q)", 100, segment);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(103u, unknown->offset);
    EXPECT_EQ("an unknown escape '\\q'", unknown->reason);
    Segment other;
    EXPECT_TRUE(formats::append_unescaped(R"(\u12)", 0, other));
    EXPECT_TRUE(formats::append_unescaped(R"(\x)", 0, other));
    EXPECT_TRUE(formats::append_unescaped("\\", 0, other));
}

TEST(NumberWords, IcuSpellsTheSmallNumbersOfEachLanguage) {
    const auto italian = text::number_words("it");
    EXPECT_EQ(3, italian.at("tre"));
    EXPECT_EQ(21, italian.at("ventuno"));
    EXPECT_EQ(3, italian.at("terzo"));
    const auto ukrainian = text::number_words("uk");
    EXPECT_EQ(3, ukrainian.at("три"));
    EXPECT_TRUE(text::number_words("xx-unknown").empty() ||
                text::number_words("xx-unknown").count("three"));
}

TEST(NumberMismatch, AChangedNumberIsFlaggedWhereItStands) {
    const std::vector<Found> expected{
        {"common.number.mismatch", 1, 36, "1.500", ""},
        {"common.number.mismatch", 2, 72, "2021", ""},
    };
    EXPECT_EQ(expected,
              check_tsv("15,000 people fled.\tÈ così: più di 1.500 persone sono fuggite.\n"
                        "The war began on 24 February 2022.\tLa guerra è iniziata il "
                        "24 febbraio 2021.\n",
                        "en"));
}

TEST(NumberMismatch, EachLanguageReadsItsOwnNumbers) {
    EXPECT_EQ(std::vector<Found>{},
              check_tsv("Прибули 15 тисяч добровольців, а збитки сягнули 1,5 млн гривень.\t"
                        "Sono arrivati 15.000 volontari e i danni hanno raggiunto 1,5 milioni di "
                        "grivne.\n"
                        "О 10:30 троє людей отримали 12 500 гривень.\tAlle 10.30 tre persone hanno "
                        "ricevuto 12.500 grivne.\n",
                        "uk"));
}

TEST(NumberMismatch, ANumberLeftOutIsAWarningAtTheStartOfTheTranslation) {
    const std::vector<Found> expected{{"common.number.missing", 1, 35, "", ""}};
    EXPECT_EQ(expected, check_tsv("Поранено 17 людей у місті Харків.\tMolte persone sono state "
                                  "ferite a Kharkiv.\n",
                                  "uk"));
}

TEST(NameMismatch, NamesCrossScriptsAndGarblesAreFixed) {
    const std::vector<Found> expected{
        {"common.names.mismatch", 1, 30, "Ilon", "Elon"},
        {"common.names.mismatch", 2, 62, "maschera", "Musk"},
    };
    EXPECT_EQ(expected, check_tsv("Ілон Маск заявив.\tHa parlato Ilon Musk.\n"
                                  "Ілона Маска запросили до Києва.\tÈ stato invitato a Kiev "
                                  "Elon maschera.\n"
                                  "Ілон Маск заявив.\tHa parlato Elon Musk.\n",
                                  "uk"));
}

TEST(NameMismatch, AReplacedSurnameIsMissingAndAGivenNameMayBeLeftOut) {
    const std::vector<Found> expected{{"common.names.missing", 1, 34, "", ""}};
    EXPECT_EQ(expected,
              check_tsv("Візит Ангели Меркель завершився.\tLa visita della "
                        "cancelliera è finita.\n"
                        "Візит Ангели Меркель завершився.\tLa visita di Merkel è finita.\n",
                        "uk"));
}

TEST(Untranslated, EmptyCopiedAndFuzzyUnitsAreReported) {
    Document document = read_document(
        "pairs.tsv",
        "Save the file\t\nSave it to disk\tSave it to disk\nSave the file\tSalva il file\n",
        InputFormat::tsv);
    std::vector<Segment> segments = document.segments();
    segments[2].needs_review = true;
    document.set_segments(segments);
    const std::vector<Found> expected{
        {"common.untranslated.empty", 1, 15, "", ""},
        {"common.untranslated.identical", 2, 17, "Save it to disk", ""},
        {"common.untranslated.review", 3, 15, "Salva il file", ""},
    };
    EXPECT_EQ(expected, bilingual_findings(document, "en"));
}

TEST(Suppression, CoversItsRulesOrCategoriesBetweenItsOffsets) {
    Document document = Document::from_text("x.txt", "Ilon Musk. Ilon Musk. Ilon Musk.");
    document.add_suppression({11, 20, {"it.names.garbled"}});
    document.add_suppression({22, 32, {"name"}});
    EXPECT_FALSE(document.suppressed(0, "it.names.garbled", "name"));
    EXPECT_TRUE(document.suppressed(11, "it.names.garbled", "name"));
    EXPECT_FALSE(document.suppressed(11, "it.names.other", "name"));
    EXPECT_TRUE(document.suppressed(22, "it.names.other", "name"));
    EXPECT_FALSE(document.suppressed(32, "it.names.other", "name"));
    std::size_t reported = 0;
    for (const Diagnostic& d : engine().check(document, "it"))
        reported += d.rule == "it.names.garbled";
    EXPECT_EQ(1u, reported);
}

TEST(Placeholders, UsageWordsInAngleBracketsAreTranslatedNotMarkup) {
    EXPECT_EQ(std::vector<Found>{},
              check_tsv("git reset [<tree-ish>] [--] <pathspec>...\tgit reset [<espressione "
                        "albero>] [--] <specificatore percorso>...\n",
                        "en"));
    // The bold tags are lost: the opening and the closing one.
    const std::vector<Found> found = check_tsv("Press <b>Save</b> now.\tPremi Salva ora.\n", "en");
    ASSERT_EQ(2u, found.size());
    for (const Found& f : found)
        EXPECT_EQ("common.markup.placeholder-mismatch", f.rule);
}

TEST(Untranslated, AFuzzyUnitWithoutTranslationIsReportedWhereItWouldStand) {
    Document document = read_document("pairs.tsv", "Save the file\t\n", InputFormat::tsv);
    std::vector<Segment> segments = document.segments();
    segments[0].needs_review = true;
    document.set_segments(segments);
    const std::vector<Found> expected{{"common.untranslated.empty", 1, 15, "", ""},
                                      {"common.untranslated.review", 1, 15, "", ""}};
    EXPECT_EQ(expected, bilingual_findings(document, "en"));
}
