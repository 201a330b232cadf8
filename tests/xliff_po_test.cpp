// XLIFF and PO input: what the adapters extract, where findings land in the original file, and
// the errors bad files give.
#include "core/language.hpp"
#include "formats/disable_comment.hpp"
#include "test_support.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/wait.h>

using namespace translint;
using test_support::Found;
namespace fs = std::filesystem;

namespace {

const std::string fixtures = TRANSLINT_SOURCE_DIR "/tests/fixtures/formats/";
const std::string code = "\xEF\xBF\xBC"; // U+FFFC, an inline code

Document read_fixture(const std::string& name, InputFormat format) {
    return read_document(name, read_file(fixtures + name), format);
}

// The Italian rules' findings; the bilingual rules (common.*) have tests of their own.
std::vector<Found> check(const Document& document) {
    Config config;
    config.disable = {"common"};
    return test_support::findings(document, config);
}

std::string where(const Document& document, std::size_t offset) {
    const Position p = document.position(offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// Where a segment's text starts: for an empty segment, where it is reported.
std::string start_of(const Document& document, const Segment& segment) {
    return where(document, segment.map.to_original(0));
}

// The message of the error reading `text` gives, or "" when it reads.
std::string error_of(const std::string& text, InputFormat format) {
    try {
        read_document("bad", text, format);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

// Runs the translint binary in a fresh directory holding `files`; the exit status and stderr.
std::pair<int, std::string> run_cli(const std::string& args,
                                    const std::vector<std::pair<std::string, std::string>>& files) {
    // One directory per test: ctest runs tests side by side in separate processes.
    const fs::path dir =
        fs::temp_directory_path() /
        ("translint-xliff-po-" +
         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& [name, bytes] : files)
        std::ofstream(dir / name, std::ios::binary) << bytes;
    const std::string command =
        "cd '" + dir.string() + "' && '" TRANSLINT_BINARY "' " + args + " > out.txt 2> err.txt";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1,
            read_file(dir / "err.txt") + read_file(dir / "out.txt")};
}

} // namespace

TEST(Xliff, Version2FindingsLandOnTheOriginalLinesAndColumns) {
    // Line 18: after the <pc> tag. Line 22: after &amp; and <ph/>. Line 28: after "Perché", and
    // a number broken over a blank line. The notes, the translate="no" unit and the unit whose
    // note disables the names rule (line 50) report nothing.
    const std::vector<Found> expected{{"it.names.garbled", 18, 77, 4},
                                      {"it.names.garbled", 22, 68, 4},
                                      {"it.names.garbled", 28, 24, 4},
                                      {"it.number.broken", 28, 53, 8}};
    EXPECT_EQ(expected, check(read_fixture("export-2.0.xlf", InputFormat::xliff)));
}

TEST(Xliff, Version2SegmentsSourcesStatesAndLanguages) {
    const Document document = read_fixture("export-2.0.xlf", InputFormat::xliff);
    EXPECT_EQ("en", document.source_language());
    EXPECT_EQ("it", document.target_language());
    const std::vector<Segment>& segments = document.segments();
    ASSERT_EQ(5u, segments.size());
    EXPECT_EQ("Il vertice con " + code + "Ilon Musk" + code + ".", segments[0].text);
    EXPECT_EQ("The summit with " + code + "Elon Musk" + code + ".", segments[0].source);
    EXPECT_EQ("18:17", start_of(document, segments[0]));
    EXPECT_FALSE(segments[0].needs_review);
    EXPECT_EQ("Vendite & marketing" + code + "di Ilon Musk.", segments[1].text);
    EXPECT_EQ("Sales & marketing" + code + "by Elon Musk.", segments[1].source);
    EXPECT_TRUE(segments[1].needs_review); // state="initial"
    EXPECT_EQ("Perché Ilon Musk ha parlato a circa 15.\n\n000 persone.", segments[2].text);
    // No target: an empty text just after </source>.
    EXPECT_EQ("", segments[3].text);
    EXPECT_EQ("Nobody translated this sentence.", segments[3].source);
    EXPECT_EQ("35:58", start_of(document, segments[3]));
    EXPECT_EQ("Ilon Musk, citato come scritto.", segments[4].text);
    // The note's directive covers unit u5, lines 44 to 52.
    ASSERT_EQ(1u, document.suppressions().size());
    const Suppression& suppression = document.suppressions()[0];
    EXPECT_EQ(std::vector<std::string>{"it.names.garbled"}, suppression.rules);
    EXPECT_EQ("44:5", where(document, suppression.begin));
    EXPECT_EQ("52:12", where(document, suppression.end));
}

TEST(Xliff, Version12FindingsLandOnTheOriginalLinesAndColumns) {
    // Line 12: after a <g> tag. Line 20: after an <x/> tag. Line 29: a broken number. The header,
    // the alt-trans match, the note and the translate="no" unit report nothing.
    const std::vector<Found> expected{{"it.names.garbled", 12, 63, 4},
                                      {"it.names.garbled", 20, 82, 4},
                                      {"it.number.broken", 29, 39, 8}};
    EXPECT_EQ(expected, check(read_fixture("export-1.2.xlf", InputFormat::xliff)));
}

TEST(Xliff, Version12SegmentsSourcesStatesAndLanguages) {
    const Document document = read_fixture("export-1.2.xlf", InputFormat::xliff);
    EXPECT_EQ("en", document.source_language()); // en_US
    EXPECT_EQ("it", document.target_language()); // it_IT
    const std::vector<Segment>& segments = document.segments();
    ASSERT_EQ(4u, segments.size());
    EXPECT_EQ("L'incontro con " + code + "Ilon Musk" + code + " a Roma.", segments[0].text);
    EXPECT_EQ("The meeting with " + code + "Elon Musk" + code + " in Rome.", segments[0].source);
    EXPECT_FALSE(segments[0].needs_review); // approved="no" alone does not ask for review
    EXPECT_EQ("Pagina" + code + "del vertice: Ilon Musk.", segments[1].text);
    EXPECT_EQ("Page" + code + "of the summit: Elon Musk.", segments[1].source);
    EXPECT_TRUE(segments[1].needs_review);  // state="needs-review-translation"
    EXPECT_FALSE(segments[2].needs_review); // state="final"
    EXPECT_EQ("", segments[3].text);
    EXPECT_EQ("Not yet translated.", segments[3].source);
    EXPECT_EQ("34:47", start_of(document, segments[3]));
    EXPECT_TRUE(document.suppressions().empty());
}

TEST(Xliff, ReferencesCdataCrlfAndAByteOrderMarkKeepColumns) {
    const std::string text = "\xEF\xBB\xBF<xliff version=\"1.2\"><file source-language=\"en\" "
                             "target-language=\"it\"><body>\r\n"
                             "<trans-unit id=\"1\"><source>x</source><target>Perch&#233; "
                             "<![CDATA[Ilon]]> Musk\r\n"
                             "e Ilon Musk</target></trans-unit>\r\n"
                             "</body></file></xliff>\r\n";
    const Document document = read_document("x", text, InputFormat::xliff);
    ASSERT_EQ(1u, document.segments().size());
    EXPECT_EQ("Perché Ilon Musk\ne Ilon Musk", document.segments()[0].text);
    const std::vector<Found> expected{{"it.names.garbled", 2, 67, 4},
                                      {"it.names.garbled", 3, 3, 4}};
    EXPECT_EQ(expected, check(document));
}

TEST(Xliff, CodePointsAnnotationsAndEmptyTargets) {
    const std::string text =
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
        "trgLang=\"it\">\n"
        "<file id=\"f\">\n"
        "<unit id=\"1\"><segment><source>A<cp hex=\"0007\"/>b <mrk id=\"m\" "
        "type=\"term\">term</mrk><sc id=\"1\"/>x<ec startRef=\"1\"/></source>\n"
        "<target>A<cp hex=\"7\"/>b <mrk id=\"m\" type=\"term\">termine</mrk><sc id=\"1\"/>"
        "x<ec startRef=\"1\"/></target></segment>\n"
        "<segment><source>Empty.</source><target></target></segment>\n"
        "<segment><source>Empty too.</source><target/></segment></unit>\n"
        "</file></xliff>\n";
    const Document document = read_document("x", text, InputFormat::xliff);
    const std::vector<Segment>& segments = document.segments();
    ASSERT_EQ(3u, segments.size());
    EXPECT_EQ("A\ab termine" + code + "x" + code, segments[0].text);
    EXPECT_EQ("A\ab term" + code + "x" + code, segments[0].source);
    EXPECT_EQ("5:41", start_of(document, segments[1])); // between <target> and </target>
    EXPECT_EQ("6:37", start_of(document, segments[2])); // at <target/>
    EXPECT_EQ("bad:3: <cp hex=\"D800\"> names no Unicode code point",
              error_of("<xliff version=\"2.0\">\n<file id=\"f\"><unit id=\"u\"><segment>\n"
                       "<source>a</source><target><cp hex=\"D800\"/></target>\n"
                       "</segment></unit></file></xliff>",
                       InputFormat::xliff));
}

TEST(Xliff, ANoteDirectiveWithoutRulesSilencesTheWholeUnit) {
    const std::string text = "<xliff version=\"1.2\"><file source-language=\"en\" "
                             "target-language=\"it\"><body>\n"
                             "<trans-unit id=\"1\"><source>Elon Musk</source>\n"
                             "<target>Ilon Musk a 15.\n\n000 persone.</target>\n"
                             "<note>translint-disable</note></trans-unit>\n"
                             "<trans-unit id=\"2\"><source>Elon Musk</source>\n"
                             "<target>Ilon Musk</target>\n"
                             "<note>translint-disable-next-line is no directive</note>"
                             "</trans-unit>\n"
                             "</body></file></xliff>\n";
    const Document document = read_document("x", text, InputFormat::xliff);
    ASSERT_EQ(1u, document.suppressions().size());
    EXPECT_TRUE(document.suppressions()[0].rules.empty());
    EXPECT_EQ((std::vector<Found>{{"it.names.garbled", 8, 9, 4}}), check(document));
}

TEST(Xliff, BadFilesNameTheirLine) {
    EXPECT_EQ("bad:3: malformed XML: mismatched tag",
              error_of("<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"it\">\n"
                       " <file id=\"f\">\n"
                       "  <unit id=\"u\"><segment><source>a</source><target>b</segment>\n"
                       "</unit></file></xliff>\n",
                       InputFormat::xliff));
    EXPECT_EQ("bad:2: malformed XML: undefined entity",
              error_of("<xliff version=\"2.0\">\n<file id=\"f\">&nbsp;</file></xliff>",
                       InputFormat::xliff));
    EXPECT_EQ("bad:3: the file declares an entity ('lol'); entity declarations are refused",
              error_of("<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE xliff [\n"
                       "  <!ENTITY lol \"Ilon Ilon Ilon Ilon Ilon Ilon Ilon Ilon\">\n"
                       "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                       "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                       "]>\n"
                       "<xliff version=\"2.0\"><file id=\"f\">&lol3;</file></xliff>\n",
                       InputFormat::xliff));
    std::string deep = "<xliff version=\"1.2\">\n<file><body><trans-unit id=\"1\"><target>";
    for (int i = 0; i < 300; ++i)
        deep += "<g>";
    EXPECT_EQ("bad:2: elements nested more than 256 deep", error_of(deep, InputFormat::xliff));
    EXPECT_EQ("bad:1: not an XLIFF file (the root element is <html>)",
              error_of("<html><body>Ilon Musk</body></html>", InputFormat::xliff));
    EXPECT_EQ("bad:1: malformed XML: no element found", error_of("", InputFormat::xliff));
}

TEST(Xliff, UnitsAndSegmentsInsideOthersAreRefused) {
    const std::string open = "<xliff version=\"1.2\"><file source-language=\"en\" "
                             "target-language=\"it\"><body>\n";
    const std::string close = "</body></file></xliff>\n";
    EXPECT_EQ("bad:3: a <trans-unit> inside another",
              error_of(open +
                           "<trans-unit id=\"1\"><source>a</source>\n"
                           "<target>b</target><trans-unit id=\"2\"><source>c</source>"
                           "</trans-unit></trans-unit>\n" +
                           close,
                       InputFormat::xliff));
    EXPECT_EQ(
        "bad:2: a <unit> inside a <trans-unit>",
        error_of(open + "<trans-unit id=\"1\"><unit/></trans-unit>\n" + close, InputFormat::xliff));
    EXPECT_EQ("bad:2: a <segment> inside a <trans-unit>",
              error_of(open + "<trans-unit id=\"1\"><segment/></trans-unit>\n" + close,
                       InputFormat::xliff));
    const std::string open2 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                              "version=\"2.0\" srcLang=\"en\" trgLang=\"it\"><file id=\"f\">\n";
    const std::string close2 = "</file></xliff>\n";
    EXPECT_EQ("bad:2: a <segment> inside another",
              error_of(open2 + "<unit id=\"u\"><segment><segment/></segment></unit>\n" + close2,
                       InputFormat::xliff));
    EXPECT_EQ("bad:2: a <trans-unit> inside a <unit>",
              error_of(open2 + "<unit id=\"u\"><segment><trans-unit/></segment></unit>\n" + close2,
                       InputFormat::xliff));
    EXPECT_EQ(
        "bad:2: a <segment> outside a <unit>",
        error_of(open2 + "<group id=\"g\"><segment><source>a</source></segment></group>\n" + close2,
                 InputFormat::xliff));
}

TEST(Xliff, MarkupInNotesAndStraySourcesAndTargetsIsIgnored) {
    // The unit inside the note is part of the note's text: the outer unit keeps its segment and
    // the note's directive.
    const std::string in_note =
        "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"it\"><body>\n"
        "<trans-unit id=\"1\"><source>Elon Musk</source><target>Ilon Musk</target>\n"
        "<note>translint-disable\n<trans-unit id=\"2\"><source>x</source><target>y</target>"
        "</trans-unit><note>and a note</note></note></trans-unit>\n"
        "<trans-unit id=\"3\"><source>Elon Musk</source><target>Ilon Musk</target>"
        "</trans-unit>\n"
        "</body></file></xliff>\n";
    const Document document = read_document("x", in_note, InputFormat::xliff);
    ASSERT_EQ(2u, document.segments().size());
    EXPECT_EQ("Ilon Musk", document.segments()[0].text);
    ASSERT_EQ(1u, document.suppressions().size());
    EXPECT_TRUE(document.suppressions()[0].rules.empty());
    EXPECT_EQ("2:1", where(document, document.suppressions()[0].begin));
    EXPECT_EQ((std::vector<Found>{{"it.names.garbled", 5, 54, 4}}), check(document));

    // A source in a source is an inline code; a target outside a unit, a note outside a unit
    // and a source not directly in its segment are passed over with all they hold.
    const std::string stray =
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
        "trgLang=\"it\"><file id=\"f\">\n"
        "<notes><note>translint-disable<unit id=\"n\"><segment><source>a</source></segment>"
        "</unit></note></notes>\n"
        "<target><unit id=\"t\"><segment><source>b</source></segment></unit></target>\n"
        "<unit id=\"u\"><segment><source>c<source>d</source>e</source>"
        "<target>f<mrk id=\"m\"><target>g</target></mrk></target></segment>\n"
        "<source><segment/></source></unit>\n"
        "</file></xliff>\n";
    const Document strays = read_document("x", stray, InputFormat::xliff);
    ASSERT_EQ(1u, strays.segments().size());
    EXPECT_EQ("c" + code + "e", strays.segments()[0].source);
    EXPECT_EQ("f" + code, strays.segments()[0].text);
    EXPECT_TRUE(strays.suppressions().empty());
}

TEST(Xliff, OffsetsStayExactWhereTheFileIsReadInPieces) {
    // Expat reads 1 MiB at a time; the boundary falls inside the two bytes of "é".
    const std::string head =
        "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"it\"><body>\n";
    const std::string line = "<trans-unit id=\"1\"><source>Elon Musk</source><target>Perch";
    const std::size_t filler = (std::size_t(1) << 20) - head.size() - 8 - line.size() - 1;
    const std::string text = head + "<!--" + std::string(filler, 'x') + "-->\n" + line +
                             "\xC3\xA9 Ilon Musk &amp; Si Jinping</target></trans-unit>\n"
                             "</body></file></xliff>\n";
    ASSERT_EQ(std::size_t(1) << 20, text.find("\xC3\xA9") + 1);
    const Document document = read_document("x", text, InputFormat::xliff);
    ASSERT_EQ(1u, document.segments().size());
    EXPECT_EQ("Perché Ilon Musk & Si Jinping", document.segments()[0].text);
    const std::vector<Found> expected{{"it.names.garbled", 3, 61, 4},
                                      {"it.names.garbled", 3, 77, 2}};
    EXPECT_EQ(expected, check(document));
}

TEST(Xliff, LanguageTagsGiveTheirPrimaryLanguage) {
    EXPECT_EQ("it", primary_language("it-IT"));
    EXPECT_EQ("it", primary_language("it_IT"));
    EXPECT_EQ("sr", primary_language("SR-Latn-RS"));
    EXPECT_EQ("it", primary_language(" IT \t"));
    EXPECT_EQ("", primary_language(" "));
    const Document document =
        read_document("x",
                      "<xliff version=\"2.0\" srcLang=\" en-GB \" trgLang=\"pt_BR\">"
                      "<file id=\"f\"/></xliff>",
                      InputFormat::xliff);
    EXPECT_EQ("en", document.source_language());
    EXPECT_EQ("pt", document.target_language());
}

TEST(XliffPo, DirectivesNameRulesUpToTheEndOfTheLine) {
    using formats::disabled_rules;
    using Rules = std::vector<std::string>;
    EXPECT_EQ(Rules({"it.names.garbled", "number"}),
              disabled_rules("keep it: translint-disable: it.names.garbled,number\nnot, these"));
    EXPECT_EQ(Rules{}, disabled_rules("translint-disable\r\nname"));
    EXPECT_EQ(std::nullopt, disabled_rules("translint-disable-next-line name"));
    EXPECT_EQ(std::nullopt, disabled_rules("no directive"));
    // Markdown and HTML comments split their words the same way, over lines.
    EXPECT_EQ(Rules({"translint-enable", "name", "number"}),
              formats::directive_words(" translint-enable\n\tname ,,number\r\n"));
}

TEST(Po, FindingsLandOnTheOriginalLinesAndColumns) {
    // Line 17: after \t, \", "Perché", \u00e8 and \n. Line 28: a number broken over three
    // strings. The suppressed entry (line 37) and the obsolete one report nothing.
    const std::vector<Found> expected{{"it.names.garbled", 11, 24, 4},
                                      {"it.names.garbled", 17, 35, 4},
                                      {"it.names.garbled", 22, 32, 4},
                                      {"it.names.garbled", 23, 35, 4},
                                      {"it.number.broken", 28, 8, 16}};
    EXPECT_EQ(expected, check(read_fixture("messages.po", InputFormat::po)));
}

TEST(Po, SegmentsSourcesFuzzyEntriesAndTheHeaderLanguage) {
    const Document document = read_fixture("messages.po", InputFormat::po);
    EXPECT_EQ("", document.source_language());
    EXPECT_EQ("it", document.target_language()); // Language: it_IT
    const std::vector<Segment>& segments = document.segments();
    ASSERT_EQ(7u, segments.size());
    EXPECT_EQ("Il vertice con Ilon Musk.", segments[0].text);
    EXPECT_EQ("The summit with Elon Musk.", segments[0].source);
    EXPECT_EQ("Forse\t\"Perché\" è\nIlon Musk verrà", segments[1].text);
    EXPECT_EQ("Perhaps \"Elon Musk\" will come", segments[1].source);
    EXPECT_EQ("%d persona ha visto Ilon Musk", segments[2].text);
    EXPECT_EQ("%d person met Elon Musk", segments[2].source);
    EXPECT_EQ("%d persone hanno visto Ilon Musk", segments[3].text);
    EXPECT_EQ("%d people met Elon Musk", segments[3].source);
    EXPECT_EQ("Circa 15.\n\n000 persone.", segments[4].text);
    for (std::size_t i = 0; i < segments.size(); ++i)
        EXPECT_EQ(i == 4, segments[i].needs_review) << i; // only the fuzzy entry
    EXPECT_EQ("", segments[5].text);
    EXPECT_EQ("Not translated yet.", segments[5].source);
    EXPECT_EQ("33:9", start_of(document, segments[5])); // just inside the quotes
    // The translator comment covers the entry's msgstr, line 37.
    ASSERT_EQ(1u, document.suppressions().size());
    const Suppression& suppression = document.suppressions()[0];
    EXPECT_EQ((std::vector<std::string>{"it.names.garbled", "number"}), suppression.rules);
    EXPECT_EQ("37:1", where(document, suppression.begin));
    EXPECT_EQ("37:41", where(document, suppression.end));
}

TEST(Po, SyntaxErrorsNameTheirLine) {
    EXPECT_EQ("bad:1: a string without its closing quote",
              error_of("msgid \"Elon Musk\nmsgstr \"Ilon Musk\"\n", InputFormat::po));
    EXPECT_EQ("bad:2: a string without its closing quote",
              error_of("msgid \"a\"\nmsgstr \"b\\\"\n", InputFormat::po));
    EXPECT_EQ(
        "bad:3: msgstr without msgid",
        error_of("# comment\n\nmsgstr \"Ilon Musk\"\nmsgid \"Elon Musk\"\n", InputFormat::po));
    EXPECT_EQ("bad:1: msgid without msgstr", error_of("msgid \"a\"\n\n", InputFormat::po));
    EXPECT_EQ("bad:2: unknown keyword 'msgfoo'",
              error_of("msgid \"a\"\nmsgfoo \"b\"\n", InputFormat::po));
    EXPECT_EQ("bad:2: text outside quotes",
              error_of("msgid \"a\"\nmsgstr \"b\" c\n", InputFormat::po));
    EXPECT_EQ("bad:3: an unknown escape '\\q'",
              error_of("msgid \"a\"\nmsgstr \"\"\n\"b\\q\"\n", InputFormat::po));
    EXPECT_EQ("bad:2: the string is not UTF-8 once its escapes are decoded",
              error_of("msgid \"a\"\nmsgstr \"b\\377\"\n", InputFormat::po));
    EXPECT_EQ("bad:2: msgstr[0] without msgid_plural",
              error_of("msgid \"a\"\nmsgstr[0] \"b\"\n", InputFormat::po));
    EXPECT_EQ("bad:4: msgstr[2] where msgstr[1] was expected",
              error_of("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\nmsgstr[2] \"c\"\n",
                       InputFormat::po));
    EXPECT_EQ("bad:2: a comment between msgid and msgstr; comments go before the entry",
              error_of("msgid \"a\"\n# note\nmsgstr \"b\"\n", InputFormat::po));
}

TEST(XliffPoCli, BadFilesExitWithStatusTwoAndGoodOnesGiveTheirLanguage) {
    auto [status, output] =
        run_cli("check bad.xlf bad.po",
                {{"bad.xlf", "<xliff version=\"2.0\">\n<file id=\"f\">\n</xliff>\n"},
                 {"bad.po", "# comment\nmsgstr \"Ilon Musk\"\n"}});
    EXPECT_EQ(2, status);
    EXPECT_NE(std::string::npos, output.find("bad.xlf:3: malformed XML: mismatched tag")) << output;
    EXPECT_NE(std::string::npos, output.find("bad.po:2: msgstr without msgid")) << output;
    // No --lang: the PO header says Italian.
    std::tie(status, output) =
        run_cli("check messages.po", {{"messages.po", read_file(fixtures + "messages.po")}});
    EXPECT_EQ(1, status);
    EXPECT_NE(std::string::npos, output.find("messages.po:17:35: error:")) << output;
}

TEST(XliffPoCli, NestedUnitsExitWithStatusTwo) {
    const auto [status, output] =
        run_cli("check nested.xlf",
                {{"nested.xlf", "<xliff version=\"1.2\"><file><body>\n"
                                "<trans-unit id=\"1\"><note>translint-disable</note>\n"
                                "<trans-unit id=\"2\"/></trans-unit></body></file></xliff>\n"}});
    EXPECT_EQ(2, status);
    EXPECT_NE(std::string::npos, output.find("nested.xlf:3: a <trans-unit> inside another"))
        << output;
}
