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
