#include "rules/term_base.hpp"
#include "translint/config.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"

#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace translint;
namespace fs = std::filesystem;

namespace {

struct Checked {
    Document document;
    std::vector<Diagnostic> found;

    std::string flagged(std::size_t i) const {
        return document.bytes().substr(found.at(i).offset, found.at(i).length);
    }
    std::size_t line(std::size_t i) const { return document.position(found.at(i).offset).line; }
    // Where the translation of the TSV row on `line` begins in the file.
    std::size_t target_start(std::size_t line) const {
        const std::string_view text = document.line_text(line);
        return static_cast<std::size_t>(text.data() - document.bytes().data()) + text.find('\t') +
               1;
    }
};

// The findings of the rules whose ids start with `rules` on a TSV file: the language pair on the
// first row, then source and translation.
Checked check_tsv(const std::string& tsv, const std::string& rules, Config config = {}) {
    config.disable.push_back("it"); // the Italian pack has nothing to say about markup
    Document document = read_document("x.tsv", tsv, InputFormat::tsv);
    std::vector<Diagnostic> found = Engine(config).check(document, "it");
    std::erase_if(found, [&](const Diagnostic& d) { return !d.rule.starts_with(rules); });
    return {std::move(document), std::move(found)};
}

Checked check_placeholders(const std::string& rows) {
    return check_tsv("en\tit\n" + rows, "common.markup.placeholder-mismatch");
}

// One directory per test: ctest runs tests side by side in separate processes.
fs::path test_directory() {
    return fs::temp_directory_path() /
           ("translint-glossary-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
}

fs::path write_file(const std::string& name, const std::string& text) {
    const fs::path dir = test_directory();
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

Config with_glossary(const fs::path& path) {
    Config config;
    config.glossaries = {path.string()};
    return config;
}

// The error a malformed glossary gives once a document is checked.
std::string glossary_error(const std::string& name, const std::string& text) {
    try {
        check_tsv("en\tit\nThe election.\tLe elezioni.\n", "common",
                  with_glossary(write_file(name, text)));
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

// The error reading a term base gives, or "" when it reads.
std::string term_base_error(const std::string& name, std::string_view text) {
    try {
        terms::parse_term_base(name, text);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

// A term base's concepts as "language:term ... (note)", forbidden terms marked with a "!".
std::vector<std::string> concepts(const terms::TermBase& base) {
    std::vector<std::string> out;
    for (const terms::Concept& entry : base.concepts) {
        std::string line;
        for (const terms::Term& term : entry.terms)
            line += term.language + ":" + (term.forbidden ? "!" : "") + term.text + " ";
        out.push_back(line + "(" + entry.note + ")");
    }
    return out;
}

} // namespace

TEST(Placeholders, AMissingOneIsReportedWhereTheTranslationStarts) {
    const Checked c = check_placeholders("Delete %s?\tEliminare il file?\n");
    ASSERT_EQ(1u, c.found.size());
    EXPECT_EQ(c.target_start(2), c.found[0].offset);
    EXPECT_EQ(0u, c.found[0].length);
    EXPECT_EQ("the source has '%s' and the translation does not", c.found[0].message);
    EXPECT_EQ(Severity::error, c.found[0].severity);
    EXPECT_EQ(Category::markup, c.found[0].category);
}

TEST(Placeholders, AChangedOrAddedOneIsFlaggedInTheTranslation) {
    const Checked c = check_placeholders("Saved %d files.\tSalvati %s file.\n"
                                         "Hello!\tCiao {name}!\n");
    ASSERT_EQ(2u, c.found.size());
    EXPECT_EQ("%s", c.flagged(0));
    EXPECT_EQ("'%s' stands where the source has '%d'", c.found[0].message);
    EXPECT_EQ(std::vector<std::string>{"%d"}, c.found[0].suggestions);
    EXPECT_EQ("{name}", c.flagged(1));
    EXPECT_EQ("'{name}' is not in the source", c.found[1].message);
}

TEST(Placeholders, NumberedOnesMayMoveButPrintfTypesKeepTheirOrder) {
    const Checked c = check_placeholders("%1$s sent %2$s\t%2$s inviato da %1$s\n"
                                         "Page %1 of %2\tPagina %2: %1\n"
                                         "{0} of {1}\t{1}: {0}\n"
                                         "%s has %d new messages\t%d nuovi messaggi per %s\n");
    ASSERT_EQ(1u, c.found.size());
    EXPECT_EQ(5u, c.line(0));
    EXPECT_EQ("%d", c.flagged(0));
    EXPECT_NE(std::string::npos, c.found[0].message.find("keep the source's order"));
}

TEST(Placeholders, IcuBranchesAreTheTranslatorsButArgumentsAreNot) {
    const Checked c = check_placeholders(
        "{count, plural, one {# file} other {# files}}\t"
        "{count, plural, one {# file} other {# file}}\n"
        "{count, plural, one {# file} other {# files}} in {folder}\t"
        "{count, plural, one {# file} other {# file}} in {cartella}\n"
        "{count, plural, one {# file} other {# files}}\t{count, select, other {file}}\n");
    ASSERT_EQ(2u, c.found.size());
    EXPECT_EQ(3u, c.line(0));
    EXPECT_EQ("{cartella}", c.flagged(0));
    EXPECT_EQ(std::vector<std::string>{"{folder}"}, c.found[0].suggestions);
    EXPECT_EQ(4u, c.line(1));
    EXPECT_EQ("{count, select, other {file}}", c.flagged(1));
    EXPECT_EQ("'{count, select, other {file}}' stands where the source has "
              "'{count, plural, one {# file} other {# files}}'",
              c.found[1].message);
    EXPECT_TRUE(c.found[1].suggestions.empty()); // its branches would be English
}

TEST(Placeholders, TagsCompareByNameAndDirectionAndInlineCodesByCount) {
    const Checked c = check_placeholders(
        "Hello <a href=\"/profile\">{name}</a>\tCiao <A href=\"/profilo\">{name}</a>\n"
        "Click <b>Save</b>\tFai clic su <b>Salva\n"
        "Press \xEF\xBF\xBC\xEF\xBF\xBC to go on\tPremi \xEF\xBF\xBC per continuare\n"
        "Hi {{name}}, 100%% done\tCiao {{ name }}, fatto al 100%%\n");
    ASSERT_EQ(2u, c.found.size());
    EXPECT_EQ(3u, c.line(0));
    EXPECT_EQ("the source has '</b>' and the translation does not", c.found[0].message);
    EXPECT_EQ(4u, c.line(1));
    EXPECT_EQ("the source has an inline code (U+FFFC) and the translation does not",
              c.found[1].message);
}

TEST(Placeholders, EmptyTranslationsAndMonolingualTextAreLeftAlone) {
    EXPECT_TRUE(check_placeholders("Delete %s?\t\n").found.empty());
    Config config;
    config.disable = {"it"};
    const auto found = Engine(config).check(Document::from_text("x", "Ciao {name}, %d file"), "it");
    EXPECT_TRUE(std::none_of(found.begin(), found.end(), [](const Diagnostic& d) {
        return d.rule == "common.markup.placeholder-mismatch";
    }));
}

TEST(Glossary, CsvTermsAreRequiredAcrossInflectionAndForbiddenOnesFlagged) {
    const fs::path csv =
        write_file("terms.csv", "en,it,forbidden,note\r\n"
                                "election,elezione,votazione,\"the vote itself, the act, is "
                                "\"\"voto\"\"\"\r\n"
                                "polling station,seggio|sezione elettorale,posto di voto\r\n");
    const Checked c = check_tsv("en\tit\n"
                                "The election was postponed.\tIl voto è stato rinviato.\n"
                                "The elections were postponed.\tLe elezioni sono state rinviate.\n"
                                "Queues at the polling stations.\tCode ai seggi.\n"
                                "The election was postponed.\tLa votazione è stata rinviata.\n"
                                "Queues at the polling stations.\tCode davanti alle scuole.\n",
                                "common.terminology", with_glossary(csv));
    ASSERT_EQ(3u, c.found.size());
    EXPECT_EQ("common.terminology.glossary", c.found[0].rule);
    EXPECT_EQ(Severity::warning, c.found[0].severity);
    EXPECT_EQ(c.target_start(2), c.found[0].offset);
    EXPECT_EQ(0u, c.found[0].length);
    EXPECT_EQ("the source has 'election', which the glossary translates as 'elezione'; the "
              "translation does not use it (the vote itself, the act, is \"voto\")",
              c.found[0].message);
    EXPECT_EQ("common.terminology.forbidden", c.found[1].rule);
    EXPECT_EQ(Severity::error, c.found[1].severity);
    EXPECT_EQ(5u, c.line(1));
    EXPECT_EQ("votazione", c.flagged(1));
    EXPECT_EQ(std::vector<std::string>{"elezione"}, c.found[1].suggestions);
    EXPECT_EQ(6u, c.line(2));
    EXPECT_EQ("the source has 'polling stations', which the glossary translates as 'seggio' or "
              "'sezione elettorale'; the translation uses none of them",
              c.found[2].message);
}

TEST(Glossary, TbxTermsFollowUkrainianCaseEndingsAndDeprecatedOnesAreForbidden) {
    const fs::path basic = write_file(
        "basic.tbx",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n"
        "<martif type=\"TBX-Basic\" xml:lang=\"en\"><text><body>\n"
        "<termEntry id=\"c1\">\n"
        "  <langSet xml:lang=\"uk\"><tig><term>вибори</term></tig></langSet>\n"
        "  <langSet xml:lang=\"it\">\n"
        "    <tig><term>elezioni</term>\n"
        "      <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></tig>\n"
        "    <tig><term>votazioni</term>\n"
        "      <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></tig>\n"
        "  </langSet>\n"
        "</termEntry>\n"
        "</body></text></martif>\n");
    const fs::path v3 = write_file(
        "v3.tbx",
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
        "xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n"
        "<conceptEntry id=\"c2\">\n"
        "<langSec xml:lang=\"uk\"><termSec><term>Верховна Рада</term></termSec></langSec>\n"
        "<langSec xml:lang=\"it-IT\"><termSec><term>Rada Suprema</term>"
        "<termNote type=\"normativeAuthorization\">preferred</termNote></termSec>\n"
        "<termSec><term>Parlamento Supremo</term>"
        "<termNote type=\"normativeAuthorization\">deprecated</termNote></termSec>"
        "</langSec>\n"
        "</conceptEntry></body></text></tbx>\n");
    Config config;
    config.glossaries = {basic.string(), v3.string()};
    const Checked c = check_tsv("uk\tit\n"
                                "Після виборів парламент збереться.\tDopo le elezioni si riunirà.\n"
                                "Після виборів парламент збереться.\tDopo il voto si riunirà.\n"
                                "Засідання Верховної Ради.\tLa seduta della Rada Suprema.\n"
                                "Верховна Рада ухвалила закон.\tIl Parlamento Supremo lo approva.\n"
                                "Засідання Верховної Ради.\tLa seduta del parlamento.\n",
                                "common.terminology", config);
    ASSERT_EQ(3u, c.found.size());
    EXPECT_EQ("common.terminology.glossary", c.found[0].rule);
    EXPECT_EQ(3u, c.line(0));
    EXPECT_EQ("the source has 'виборів', which the glossary translates as 'elezioni'; the "
              "translation does not use it",
              c.found[0].message);
    EXPECT_EQ("common.terminology.forbidden", c.found[1].rule);
    EXPECT_EQ(5u, c.line(1));
    EXPECT_EQ("Parlamento Supremo", c.flagged(1));
    EXPECT_EQ(std::vector<std::string>{"Rada Suprema"}, c.found[1].suggestions);
    EXPECT_EQ(6u, c.line(2));
    EXPECT_EQ("the source has 'Верховної Ради', which the glossary translates as 'Rada Suprema'; "
              "the translation does not use it",
              c.found[2].message);
}

TEST(Glossary, MalformedTermBasesNameTheFileAndLine) {
    EXPECT_NE(std::string::npos,
              glossary_error("open.csv", "en,it\nelection,\"elezione\nvote,voto\n")
                  .find("open.csv:2: a quoted field is never closed"));
    EXPECT_NE(std::string::npos, glossary_error("headless.csv", "election,elezione\n")
                                     .find("headless.csv:1: the first row must name the columns"));
    EXPECT_NE(std::string::npos, glossary_error("wide.csv", "en,it\nelection,elezione,voto\n")
                                     .find("wide.csv:2: the row has 3 cells and the header 2"));
    EXPECT_NE(std::string::npos,
              glossary_error("bomb.tbx", "<?xml version=\"1.0\"?>\n"
                                         "<!DOCTYPE martif [\n"
                                         "<!ENTITY lol \"lol\">\n"
                                         "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n"
                                         "]>\n"
                                         "<martif>&lol2;</martif>\n")
                  .find("bomb.tbx:3: the file declares an entity ('lol')"));
    EXPECT_NE(std::string::npos,
              glossary_error("unclosed.tbx", "<martif><text><body><termEntry>\n"
                                             "<langSet xml:lang=\"en\"><tig><term>x</term></tig>\n"
                                             "</termEntry></martif>\n")
                  .find("unclosed.tbx:3: malformed XML: mismatched tag"));
    EXPECT_NE(std::string::npos, glossary_error("page.tbx", "<html><body/></html>\n")
                                     .find("page.tbx:1: a TBX file's root is <martif> or <tbx>"));
    EXPECT_NE(
        std::string::npos,
        glossary_error("terms.json", "{}").find("terms.json: a glossary is a .csv or a .tbx file"));
}

TEST(Glossary, TheConfigResolvesGlossariesAgainstItsDirectory) {
    const fs::path config = write_file(".translint.yaml", "glossaries: [terms/house.csv]\n");
    EXPECT_EQ(std::vector<std::string>{(config.parent_path() / "terms/house.csv").string()},
              Config::load(config).glossaries);
}

TEST(Glossary, TheCheckOptionIsRequiredOrForbidden) {
    const fs::path dir = test_directory() / "it";
    fs::create_directories(dir);
    std::ofstream(dir / "house.yaml") << "rules:\n"
                                         "  - id: it.house.terms\n"
                                         "    kind: glossary\n"
                                         "    category: terminology\n"
                                         "    message: m\n"
                                         "    options: {check: sometimes}\n";
    Config config;
    config.rule_paths = {(dir / "house.yaml").string()};
    try {
        Engine(config).check(Document::from_text("x", "testo"), "it");
        FAIL() << "a bad 'check' was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string::npos,
                  std::string(e.what()).find("house.yaml:6: 'check' must be required or forbidden, "
                                             "not 'sometimes'"));
    }
}

TEST(Glossary, ACsvRowEndingInACommaHasOneEmptyCellThere) {
    const std::vector<std::string> expected{"en:file it:file ()", "en:folder it:cartella (dir)"};
    for (const std::string newline : {"\n", "\r\n"}) {
        const std::string rows =
            "en,it,note" + newline + "file,file," + newline + "folder,cartella,dir" + newline;
        EXPECT_EQ(expected, concepts(terms::parse_csv("t.csv", rows))) << rows;
        // The same rows without the final line break, and with the comma on the last row.
        const std::string last =
            "en,it,note" + newline + "folder,cartella,dir" + newline + "file,file,";
        EXPECT_EQ((std::vector<std::string>{expected[1], expected[0]}),
                  concepts(terms::parse_csv("t.csv", last)))
            << last;
    }
    EXPECT_EQ("t.csv:2: the row has 3 cells and the header 2",
              term_base_error("t.csv", "en,it\nfile,file,"));
    EXPECT_EQ("t.csv:2: the row has 4 cells and the header 3",
              term_base_error("t.csv", "en,it,note\nfile,file,,"));
}

TEST(Glossary, TbxEntriesAndTermsInsideOthersAreRefused) {
    const std::string open = "<martif><text><body>\n";
    const std::string close = "</body></text></martif>\n";
    EXPECT_EQ("n.tbx:3: a <termEntry> inside another",
              term_base_error("n.tbx", open +
                                           "<termEntry><langSet xml:lang=\"en\">\n"
                                           "<tig><termEntry/><term>x</term></tig>\n"
                                           "</langSet></termEntry>\n" +
                                           close));
    EXPECT_EQ("n.tbx:2: a <termEntry> inside another",
              term_base_error("n.tbx", open +
                                           "<termEntry><note>x<termEntry/>yyy</note>"
                                           "</termEntry>\n" +
                                           close));
    EXPECT_EQ("n.tbx:2: a <conceptEntry> inside a <termEntry>",
              term_base_error("n.tbx", open + "<termEntry><conceptEntry/></termEntry>\n" + close));
    EXPECT_EQ("n.tbx:3: a <tig> inside another",
              term_base_error("n.tbx", open +
                                           "<termEntry><langSet xml:lang=\"en\"><tig>\n"
                                           "<term>x<tig/>y</term></tig></langSet></termEntry>\n" +
                                           close));
    EXPECT_EQ("n.tbx:2: a <termSec> inside a <ntig>",
              term_base_error("n.tbx", open +
                                           "<termEntry><langSet xml:lang=\"en\"><ntig><termSec/>"
                                           "</ntig></langSet></termEntry>\n" +
                                           close));
    // Notes and terms end where their element does, even around other markup.
    const terms::TermBase base = terms::parse_tbx(
        "ok.tbx", open +
                      "<termEntry><note>a <hi>b</hi> c</note><note>ignored</note>\n"
                      "<langSet xml:lang=\"en\"><tig><term>x <hi>y</hi></term>"
                      "<termNote type=\"administrativeStatus\">deprecated</termNote></tig>"
                      "</langSet></termEntry>\n" +
                      close);
    EXPECT_EQ(std::vector<std::string>{"en:!x y (a b c)"}, concepts(base));
}

TEST(Glossary, ATbxFileOver2GiBIsFedToExpatInPieces) {
    // XML_Parse takes an int length. The file is a start tag and zeros, over 2 GiB, so the error
    // must come from the first piece, at the first zero. Its memory is one 2 MiB page of a memory
    // file, mapped again and again.
    constexpr std::size_t page = std::size_t(1) << 21, size = (std::size_t(1) << 31) + page;
    const std::string head = "<martif>\n<text>";
    const int file = memfd_create("big.tbx", 0);
    ASSERT_LE(0, file);
    ASSERT_EQ(0, ftruncate(file, page));
    ASSERT_EQ(ssize_t(head.size()), pwrite(file, head.data(), head.size(), 0));
    void* reserved = mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(MAP_FAILED, reserved);
    char* const memory = static_cast<char*>(reserved);
    bool mapped = true;
    for (std::size_t at = 0; at < size && mapped; at += page)
        mapped = mmap(memory + at, page, PROT_READ, MAP_SHARED | MAP_FIXED, file, 0) != MAP_FAILED;
    const std::string error =
        mapped ? term_base_error("big.tbx", std::string_view(memory, size)) : "not mapped";
    munmap(memory, size);
    close(file);
    EXPECT_EQ("big.tbx:2: malformed XML: not well-formed (invalid token)", error);
}
