// Input formats: what each adapter extracts, and that findings land on the original bytes.
#include "translint/engine.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"

#include <gtest/gtest.h>
#include <tuple>

using namespace translint;

namespace {

struct Found {
    std::string rule;
    std::size_t line, column, length;
    bool operator==(const Found&) const = default;
    friend std::ostream& operator<<(std::ostream& out, const Found& f) {
        return out << f.rule << "@" << f.line << ":" << f.column << "+" << f.length;
    }
};

std::vector<Found> check(const std::string& text, InputFormat format) {
    const Document document = read_document("x", text, format);
    std::vector<Found> out;
    for (const Diagnostic& d : Engine(Config{}).check(document, "it")) {
        const Position p = document.position(d.offset);
        out.push_back({d.rule, p.line, p.column, d.length});
    }
    return out;
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
    for (int i = 0; i < 5000; ++i)
        html += "<span>";
    html += "Ilon Musk";
    EXPECT_EQ(1u, check(html, InputFormat::html).size());
}
