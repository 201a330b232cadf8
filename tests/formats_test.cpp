// Input formats: what each adapter extracts, and that findings land on the original bytes.
#include "test_support.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <tuple>

using namespace translint;
using test_support::Found;

namespace {

std::vector<Found> check(const std::string& text, InputFormat format) {
    return test_support::findings(read_document("x", text, format));
}

} // namespace

TEST(Markdown, FindingsLandOnTheOriginalLinesAndColumns) {
    const std::string text = "---\n"
                             "title: Ilon Musk\n"
                             "---\n"
                             "\n"
                             "# Il vertice con Ilon Musk\n"
                             "\n"
                             "Il presidente Si Jinping ha incontrato **Ilon** Musk, usando `Ilon "
                             "--flag` e il [sito](http://example.com/Ilon).\n"
                             "\n"
                             "```\n"
                             "Ilon Musk dentro il codice\n"
                             "```\n"
                             "\n"
                             "<!-- Ilon commento -->\n"
                             "\n"
                             "Circa 15.\n"
                             "\n"
                             "000 persone &amp; altri.\n";
    const std::vector<Found> expected{{"it.names.garbled", 5, 18, 4},
                                      {"it.names.garbled", 7, 15, 2},
                                      {"it.names.garbled", 7, 42, 4},
                                      {"it.number.broken", 15, 7, 8}};
    EXPECT_EQ(expected, check(text, InputFormat::markdown));
    // As plain text, the front matter, the code and the comment are checked too.
    EXPECT_GT(check(text, InputFormat::text).size(), expected.size());
}

TEST(Markdown, ThePlainTextArticleReadsTheSameAsMarkdown) {
    const std::string article = read_file(TRANSLINT_SOURCE_DIR "/examples/article.it.txt");
    const std::vector<Found> plain = check(article, InputFormat::text);
    EXPECT_GE(plain.size(), 15u);
    EXPECT_EQ(plain, check(article, InputFormat::markdown));
}

TEST(Markdown, AWordThatMarkupSplitsGetsNoSuggestion) {
    // The suggestion would replace the asterisks too; the word whole in the file gets its own.
    const Document document = read_document(
        "x", "Parla il presi**dennte**.\n\nParla il presidennte.\n", InputFormat::markdown);
    const std::vector<Diagnostic> found = Engine(Config{}).check(document, "it");
    ASSERT_EQ(2u, found.size());
    EXPECT_EQ("presi**dennte", document.bytes().substr(found[0].offset, found[0].length));
    EXPECT_TRUE(found[0].suggestions.empty());
    ASSERT_FALSE(found[1].suggestions.empty());
    EXPECT_EQ("presidente", found[1].suggestions[0]);
}

TEST(Markdown, ANestedBlockStartsAParagraphOfItsOwn) {
    // Each item's text, a nested item's and a quote's paragraph inside an item are paragraphs.
    const Document document = read_document(
        "x", "- voce\n  - voce\n    - Roma\n- Milano\n  > citazione\n", InputFormat::markdown);
    ASSERT_EQ(1u, document.segments().size());
    EXPECT_EQ("voce\n\nvoce\n\nRoma\n\nMilano\n\ncitazione", document.segments()[0].text);
}

TEST(Markdown, TheFormatComesFromTheFileName) {
    EXPECT_EQ(InputFormat::markdown, input_format_for("post.md"));
    EXPECT_EQ(InputFormat::markdown, input_format_for("a/b.markdown"));
    EXPECT_EQ(InputFormat::text, input_format_for("article.it.txt"));
    EXPECT_EQ(InputFormat::markdown, parse_input_format("markdown"));
    EXPECT_FALSE(parse_input_format("docx"));
}

TEST(Html, OnlyVisibleTextIsCheckedAndEntitiesMapBack) {
    const std::string text =
        "<!DOCTYPE html>\n"
        "<html><head><title>Ilon</title><script>var Ilon = 1;</script></head>\n"
        "<body>\n"
        "<h1>Il vertice con Ilon Musk</h1>\n"
        "<p>Il presidente Si Jinping ha visto <strong>Ilon</strong> Musk &amp; altri, con "
        "<code>Ilon --flag</code> e il <a href=\"http://example.com/Ilon\">sito</a>.</p>\n"
        "<!-- Ilon commento -->\n"
        "<pre>Ilon Musk nel codice</pre>\n"
        "<p>Dell&rsquo;azienda parla Ilon Musk.</p>\n"
        "<p>Circa 15.</p>\n"
        "<p>000 persone.</p>\n"
        "</body></html>\n";
    const std::vector<Found> expected{{"it.names.garbled", 4, 20, 4},
                                      {"it.names.garbled", 5, 18, 2},
                                      {"it.names.garbled", 5, 46, 4},
                                      {"it.names.garbled", 8, 29, 4},
                                      {"it.number.broken", 9, 10, 14}};
    EXPECT_EQ(expected, check(text, InputFormat::html));
}

TEST(Html, AReferenceThatDecodesToTwoCodePointsKeepsTheTextInStep) {
    // &nGt; is U+226B U+20D2 and &fjlig; is "fj": both code points are the reference's, and the
    // text after it, a reference next to it included, is read as written.
    const std::string html = "<p>a &nGt;&lt; b &fjlig;ord, &nGt;</p><p>Ilon Musk</p>";
    const Document document = read_document("x", html, InputFormat::html);
    ASSERT_EQ(1u, document.segments().size());
    const Segment& segment = document.segments()[0];
    EXPECT_EQ("a \u226B\u20D2< b fjord, \u226B\u20D2\n\nIlon Musk", segment.text);
    const std::size_t ilon = segment.text.find("Ilon");
    EXPECT_EQ(html.find("Ilon"), segment.map.to_original(ilon));
    // The end of a reference's decoding maps to the end of the reference.
    const std::size_t second = segment.text.rfind("\u226B");
    EXPECT_EQ(html.rfind("&nGt;"), segment.map.to_original(second));
    EXPECT_EQ(html.rfind("&nGt;") + 5, segment.map.to_original(second + 6));
}

TEST(Html, TheArticleAsHtmlGivesTheSameFindings) {
    // Each paragraph of the plain-text article becomes <p>…</p> on its own line, with its
    // apostrophes written as entities: the findings keep their lines, three columns on.
    const std::string article = read_file(TRANSLINT_SOURCE_DIR "/examples/article.it.txt");
    std::string html = "<html><body>";
    std::size_t start = 0;
    while (start < article.size()) {
        const std::size_t end = std::min(article.find('\n', start), article.size());
        const std::string line = article.substr(start, end - start);
        html += line.empty() ? "\n" : "<p>" + line + "</p>\n";
        start = end + 1;
    }
    html += "</body></html>\n";
    // A number broken across paragraphs spans the tags between them too: its length differs.
    std::vector<Found> shifted;
    for (Found f : check(article, InputFormat::text)) {
        f.column += 3;
        if (f.rule == "it.number.broken") f.length = 0;
        shifted.push_back(f);
    }
    std::vector<Found> found = check(html, InputFormat::html);
    for (Found& f : found) {
        if (f.line == 1) f.column -= 12; // the first line also carries "<html><body>"
        if (f.rule == "it.number.broken") f.length = 0;
    }
    EXPECT_EQ(shifted, found);
}

TEST(Html, DeepNestingIsWalkedWithoutRecursion) {
    std::string html;
    for (int i = 0; i < 4000; ++i)
        html += "<span>";
    html += "Ilon Musk";
    // The most nesting a config may allow (limits.max_nesting).
    FormatOptions options;
    options.max_nesting = 4096;
    EXPECT_EQ(1u,
              test_support::findings(read_document("x", html, InputFormat::html, options)).size());
    // The default limit refuses it (tests/bad_input_test.cpp has the rest).
    EXPECT_THROW(read_document("x", html, InputFormat::html), Error);
}

// Golden files: pages shaped like what a CMS and a blog engine publish, with garbled names and
// broken numbers both where the reader sees them and where the reader does not.

namespace {

// The bytes each finding flags in the file, in the order of the findings.
std::vector<std::string> flagged_bytes(const std::string& text, InputFormat format) {
    const Document document = read_document("x", text, format);
    std::vector<std::string> out;
    for (const Diagnostic& d : Engine(Config{}).check(document, "it"))
        out.push_back(document.bytes().substr(d.offset, d.length));
    return out;
}

// The lines on which `rule` reports something.
std::vector<std::size_t> lines_of(const std::vector<Found>& found, const std::string& rule) {
    std::vector<std::size_t> lines;
    for (const Found& f : found)
        if (f.rule == rule && (lines.empty() || lines.back() != f.line)) lines.push_back(f.line);
    return lines;
}

bool contains_all(const std::vector<std::size_t>& all, const std::vector<std::size_t>& some) {
    return std::all_of(some.begin(), some.end(), [&](std::size_t line) {
        return std::find(all.begin(), all.end(), line) != all.end();
    });
}

} // namespace

TEST(Html, TheCmsArticleReportsItsVisibleTextOnly) {
    const std::string text =
        read_file(TRANSLINT_SOURCE_DIR "/tests/fixtures/formats/cms-article.html");
    const std::vector<Found> expected{
        {"it.names.garbled", 46, 14, 4},   // <h1>, after "Perché"
        {"it.names.garbled", 48, 42, 4},   // <strong>, after "L’imprenditore"
        {"it.names.garbled", 50, 102, 4},  // right after &nbsp;, past &rsquo; on the line
        {"it.number.broken", 51, 112, 16}, // "15.</p>" then "<p>000" on the next line
        {"it.names.garbled", 55, 22, 4},   // <figcaption>, after "Così"
        {"it.names.garbled", 57, 121, 2},  // <em>Si Jinping</em>
        {"it.names.garbled", 65, 47, 4},   // <li>
        {"it.number.broken", 68, 82, 10},  // "12.<br>000": only the names are disabled there
        {"it.names.garbled", 81, 72, 4},   // link text in the <aside>, the href holds it too
    };
    EXPECT_EQ(expected, check(text, InputFormat::html));
    const std::vector<std::string> words{
        "Ilon", "Ilon", "Ilon", "15.</p>\n  <p>000", "Ilon", "Si", "Ilon", "12.<br>000", "Ilon"};
    EXPECT_EQ(words, flagged_bytes(text, InputFormat::html));
    // Read as plain text, the page has garbled names in the title, the meta tags, the link's
    // href, both scripts, the style, the comment, the suppressed paragraph, the <pre>, the
    // alt text, <noscript>, <template> and the <svg>'s <title>: the reader sees none of them.
    const std::vector<std::size_t> hidden{6,  7,  8,  9,  14, 16, 21, 24, 25, 36,
                                          49, 51, 54, 68, 72, 76, 77, 81, 82, 85};
    const std::vector<Found> plain = check(text, InputFormat::text);
    EXPECT_TRUE(contains_all(lines_of(plain, "it.names.garbled"), hidden));
    EXPECT_TRUE(contains_all(lines_of(plain, "it.number.broken"), {72}));
}

TEST(Markdown, TheBlogPostReportsItsProseOnly) {
    const std::string text = read_file(TRANSLINT_SOURCE_DIR "/tests/fixtures/formats/blog-post.md");
    const std::vector<Found> expected{
        {"it.names.garbled", 8, 10, 4},  // heading, after "Perché"
        {"it.names.garbled", 10, 70, 2}, // _italic_, after "è"
        {"it.names.garbled", 12, 36, 4}, // **bold**, after "è"
        {"it.number.broken", 20, 39, 8}, // "15." then a blank line and "000"
        {"it.names.garbled", 28, 44, 4}, // a table cell, after "«Qui c’è futuro»"
        {"it.names.garbled", 34, 40, 4}, // an ordered list item
        {"it.names.garbled", 38, 24, 2}, // a blockquote
        {"it.names.garbled", 49, 60, 4}, // after the fenced block: its comment is code
        {"it.names.garbled", 71, 40, 2}, // after the suppressed region
    };
    EXPECT_EQ(expected, check(text, InputFormat::markdown));
    const std::vector<std::string> words{"Ilon", "Si", "Ilon", "15.\n\n000", "Ilon",
                                         "Ilon", "Si", "Ilon", "Si"};
    EXPECT_EQ(words, flagged_bytes(text, InputFormat::markdown));
    // Read as plain text, the post has garbled names in the front matter, a link destination,
    // the fenced and the indented code, the comment, the HTML block, the suppressed paragraph
    // and the reference definition.
    const std::vector<std::size_t> hidden{2, 5, 15, 44, 46, 53, 54, 56, 59, 64, 73};
    const std::vector<Found> plain = check(text, InputFormat::text);
    EXPECT_TRUE(contains_all(lines_of(plain, "it.names.garbled"), hidden));
    // The one suppression is the region between the two comments outside code.
    const Document document = read_document("blog-post.md", text, InputFormat::markdown);
    ASSERT_EQ(1u, document.suppressions().size());
    const Suppression& region = document.suppressions().front();
    EXPECT_TRUE(region.rules.empty());
    EXPECT_EQ(62u, document.position(region.begin).line);
    EXPECT_EQ(27u, document.position(region.begin).column); // after the disabling comment
    EXPECT_EQ(66u, document.position(region.end).line);
    EXPECT_EQ(1u, document.position(region.end).column); // where the enabling comment starts
}

// Suppression comments, in Markdown and in HTML alike.

namespace {

// A file of `entries`, one paragraph each, or a comment when the entry starts with "<!--":
// Markdown and plain text separate them with blank lines, HTML puts each on its own line.
std::string compose(const std::vector<std::string>& entries, InputFormat format) {
    std::string out;
    for (const std::string& entry : entries) {
        if (format == InputFormat::html)
            out += entry.starts_with("<!--") ? entry + "\n" : "<p>" + entry + "</p>\n";
        else
            out += entry + "\n\n";
    }
    return out;
}

// The findings as "rule@index", the index of the entry where each starts, sorted.
std::vector<std::string> by_entry(const std::vector<std::string>& entries, InputFormat format) {
    std::vector<std::string> out;
    for (const Found& f : check(compose(entries, format), format)) {
        const std::size_t entry = format == InputFormat::html ? f.line - 1 : (f.line - 1) / 2;
        out.push_back(f.rule + "@" + std::to_string(entry));
    }
    std::sort(out.begin(), out.end());
    return out;
}

constexpr InputFormat commented_formats[] = {InputFormat::markdown, InputFormat::html};

const char* name_of(InputFormat format) {
    return format == InputFormat::html ? "html" : "markdown";
}

} // namespace

TEST(Suppressions, ACategorySilencesEveryRuleOfItAndNoOther) {
    const std::vector<std::string> entries{
        "Parla Ilon Musk: circa 15.",
        "000 persone.",
        "<!-- translint-disable name -->",
        "Parla Ilon Musk: circa 16.",
        "000 persone.",
        "<!-- translint-enable -->",
        "<!-- translint-disable number -->",
        "Parla Ilon Musk: circa 17.",
        "000 persone.",
    };
    const std::vector<std::string> expected{"it.names.garbled@0", "it.names.garbled@7",
                                            "it.number.broken@0", "it.number.broken@3"};
    for (InputFormat format : commented_formats)
        EXPECT_EQ(expected, by_entry(entries, format)) << name_of(format);
}

TEST(Suppressions, OverlappingRegionsCloseOneByOne) {
    const std::vector<std::string> entries{
        "<!-- translint-disable name -->", // names silent from here
        "Parla Ilon Musk: circa 15.",
        "000 persone.",
        "<!-- translint-disable it.number.broken -->", // broken numbers too
        "Parla Ilon Musk: circa 16.",
        "000 persone.",
        "<!-- translint-enable name -->", // names back, numbers still silent
        "Parla Ilon Musk: circa 17.",
        "000 persone.",
        "<!-- translint-enable -->", // everything back
        "Parla Ilon Musk: circa 18.",
        "000 persone.",
    };
    const std::vector<std::string> expected{"it.names.garbled@10", "it.names.garbled@7",
                                            "it.number.broken@1", "it.number.broken@10"};
    for (InputFormat format : commented_formats)
        EXPECT_EQ(expected, by_entry(entries, format)) << name_of(format);
}

TEST(Suppressions, EnablingAListClosesOnlyTheRegionOpenedWithThatList) {
    const std::vector<std::string> entries{
        "<!-- translint-disable it.names.garbled, number -->",
        "Parla Ilon Musk: circa 15.",
        "000 persone.",
        "<!-- translint-enable it.names.garbled -->", // another list: the region stays open
        "Parla Ilon Musk: circa 16.",
        "000 persone.",
        "<!-- translint-enable number -->", // nor does this one close it
        "Parla Ilon Musk: circa 17.",
        "000 persone.",
        "<!-- translint-enable it.names.garbled, number -->",
        "Parla Ilon Musk: circa 18.",
        "000 persone.",
    };
    const std::vector<std::string> expected{"it.names.garbled@10", "it.number.broken@10"};
    for (InputFormat format : commented_formats)
        EXPECT_EQ(expected, by_entry(entries, format)) << name_of(format);
}

TEST(Suppressions, ADisableNeverEnabledLastsToTheEndOfTheFile) {
    const std::vector<std::string> entries{
        "Parla Ilon Musk.",
        "<!-- translint-disable -->", // and no translint-enable after it
        "Parla Ilon Musk: circa 15.", "000 persone.",
        "Parla Si Jinping.", // still silent at the end of the file
    };
    for (InputFormat format : commented_formats) {
        EXPECT_EQ(std::vector<std::string>{"it.names.garbled@0"}, by_entry(entries, format))
            << name_of(format);
        const std::string text = compose(entries, format);
        const Document document = read_document("x", text, format);
        ASSERT_EQ(1u, document.suppressions().size()) << name_of(format);
        EXPECT_EQ(text.find("-->") + 3, document.suppressions().front().begin);
        EXPECT_EQ(text.size(), document.suppressions().front().end);
    }
}

TEST(Suppressions, ACommentInMarkdownCodeIsCode) {
    const std::string text = "```html\n"
                             "<!-- translint-disable -->\n"
                             "```\n"
                             "\n"
                             "Parla Ilon Musk.\n"
                             "\n"
                             "~~~\n"
                             "<!-- translint-disable -->\n"
                             "~~~\n"
                             "\n"
                             "Parla Ilon Musk.\n"
                             "\n"
                             "    <!-- translint-disable -->\n"
                             "\n"
                             "Parla Ilon Musk, scrivendo `<!-- translint-disable -->` nel testo.\n"
                             "\n"
                             "Parla Ilon Musk.\n";
    const std::vector<Found> expected{{"it.names.garbled", 5, 7, 4},
                                      {"it.names.garbled", 11, 7, 4},
                                      {"it.names.garbled", 15, 7, 4},
                                      {"it.names.garbled", 17, 7, 4}};
    EXPECT_EQ(expected, check(text, InputFormat::markdown));
    EXPECT_TRUE(read_document("x", text, InputFormat::markdown).suppressions().empty());
    // The same comment out of the code is a directive.
    EXPECT_TRUE(
        check("<!-- translint-disable -->\n\nParla Ilon Musk.\n", InputFormat::markdown).empty());
}

TEST(Suppressions, PlainTextHasNoComments) {
    const std::vector<std::string> entries{
        "<!-- translint-disable -->",
        "Parla Ilon Musk: circa 15.",
        "000 persone.",
        "<!-- translint-disable name -->",
        "Parla Si Jinping.",
        "<!-- translint-enable -->",
    };
    const std::string text = compose(entries, InputFormat::text);
    EXPECT_TRUE(read_document("x", text, InputFormat::text).suppressions().empty());
    const std::vector<std::string> found = by_entry(entries, InputFormat::text);
    for (const std::string expected :
         {"it.names.garbled@1", "it.number.broken@1", "it.names.garbled@4"})
        EXPECT_NE(found.end(), std::find(found.begin(), found.end(), expected)) << expected;
    // The same file as Markdown reports nothing.
    EXPECT_TRUE(by_entry(entries, InputFormat::markdown).empty());
}

TEST(Html, ABareAmpersandBlocksAndLayoutSpacesReadAsTheBrowserShowsThem) {
    // "AT&T" keeps its '&'; text before a block is a paragraph of its own; the indentation of
    // a navigation bar and the spaces around a comment are one space each.
    const std::string text = "<p>La fusione AT&T e Ilon Musk.</p>\n"
                             "<div>la città<p>la città è pronta</p></div>\n"
                             "<nav>\n    <a href=\"/a\">Politica</a>\n"
                             "    <a href=\"/b\">Economia</a>\n</nav>\n"
                             "<p>Parla Elon Musk, <!-- nota --> quarto.</p>\n";
    const std::vector<Found> expected{{"it.names.garbled", 1, 22, 4}};
    EXPECT_EQ(expected, check(text, InputFormat::html));
}

TEST(Markdown, ACommentOverSeveralLinesIsADirectiveAndOneSpace) {
    const std::string text = "Parla Elon Musk, <!-- nota --> quarto.\n\n"
                             "<!--\ntranslint-disable\n-->\n\n"
                             "Parla Ilon Musk.\n\n"
                             "<!-- translint-enable\n-->\n\n"
                             "Parla Ilon Musk.\n";
    const std::vector<Found> expected{{"it.names.garbled", 12, 7, 4}};
    EXPECT_EQ(expected, check(text, InputFormat::markdown));
}

TEST(Suppressions, AnEnableClosesTheSameRulesInAnyOrder) {
    const std::string text = "<!-- translint-disable number, it.names.garbled -->\n\n"
                             "Parla Ilon Musk.\n\n"
                             "<!-- translint-enable it.names.garbled number -->\n\n"
                             "Parla Ilon Musk.\n\n"
                             "<!-- translint-disable-next-line -->\n\n"
                             "Parla Ilon Musk.\n";
    const std::vector<Found> expected{{"it.names.garbled", 7, 7, 4},
                                      {"it.names.garbled", 11, 7, 4}};
    EXPECT_EQ(expected, check(text, InputFormat::markdown));
}

TEST(FormatOptions, ComeFromTheConfigsLimitsAndTranslationFunctions) {
    Config config;
    config.limits.max_file_mb = 2;
    config.limits.max_nesting = 1000;
    config.translation_functions = std::vector<std::string>{"T"};
    const FormatOptions options = FormatOptions::from(config);
    EXPECT_EQ(2u << 20, options.max_bytes);
    EXPECT_EQ(1000u, options.max_nesting);
    EXPECT_EQ(std::vector<std::string>{"T"}, options.translation_functions);
    // Unset, the readers' own defaults stand.
    EXPECT_EQ(FormatOptions{}.translation_functions,
              FormatOptions::from(Config{}).translation_functions);
    EXPECT_EQ(Document::default_max_bytes, FormatOptions::from(Config{}).max_bytes);
}
