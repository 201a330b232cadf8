#include "translint/sink.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace translint;

namespace {

Diagnostic ilon(const Document& document) {
    Diagnostic d;
    d.rule = "it.names.garbled";
    d.category = Category::name;
    d.severity = Severity::error;
    d.message = "'Ilon Musk' looks like a garbled form of 'Elon Musk'";
    d.offset = document.bytes().find("Ilon");
    d.length = 4;
    d.suggestions = {"Elon"};
    return d;
}

// The whole report of one document with the Ilon finding, in `format`.
std::string report_of(const std::string& format, const Document& document) {
    std::ostringstream out;
    auto sink = make_sink(format, out);
    Summary summary;
    const std::vector<Diagnostic> diagnostics{ilon(document)};
    summary.add(diagnostics);
    sink->file(document, "it", diagnostics);
    sink->finish(summary);
    return out.str();
}

} // namespace

TEST(JsonSink, WritesTheDocumentedContract) {
    const Document document =
        Document::from_text("article.txt", "Politica\r\n\r\nGià: Ilon Musk.\n");
    const std::string text = report_of("json", document);
    const auto report = nlohmann::json::parse(text);
    EXPECT_EQ("translint", report["tool"]["name"]);
    const auto& file = report["files"][0];
    EXPECT_EQ("article.txt", file["path"]);
    EXPECT_EQ("it", file["language"]);
    const auto& d = file["diagnostics"][0];
    EXPECT_EQ("it.names.garbled", d["rule"]);
    EXPECT_EQ("name", d["category"]);
    EXPECT_EQ("error", d["severity"]);
    EXPECT_EQ(document.bytes().find("Ilon"), d["offset"]);
    EXPECT_EQ(4, d["length"]);
    EXPECT_EQ(3, d["line"]);
    EXPECT_EQ(6, d["column"]); // "Già: " is five code points and six bytes
    EXPECT_EQ(3, d["end_line"]);
    EXPECT_EQ(10, d["end_column"]);
    EXPECT_EQ("Ilon", d["text"]);
    EXPECT_EQ(nlohmann::json::array({"Elon"}), d["suggestions"]);
    EXPECT_EQ(nlohmann::json({{"files", 1}, {"errors", 1}, {"warnings", 0}, {"infos", 0}}),
              report["summary"]);
    std::vector<std::string> keys;
    const auto ordered = nlohmann::ordered_json::parse(text);
    for (const auto& item : ordered["files"][0]["diagnostics"][0].items())
        keys.push_back(item.key());
    EXPECT_EQ((std::vector<std::string>{"rule", "category", "severity", "message", "offset",
                                        "length", "line", "column", "end_line", "end_column",
                                        "text", "suggestions"}),
              keys);
}

TEST(TextSink, ReadsLikeACompilerWithTheSpanUnderlined) {
    const Document document = Document::from_text("article.txt", "Politica\n\nGià: Ilon Musk.\n");
    EXPECT_EQ("article.txt:3:6: error: 'Ilon Musk' looks like a garbled form of 'Elon Musk' "
              "[it.names.garbled]\n"
              " 3 | Già: Ilon Musk.\n"
              "   |      ^^^^\n"
              "   = suggestion: Elon\n"
              "1 error, 0 warnings, 0 infos in 1 file\n",
              report_of("text", document));
}

TEST(TextSink, ColoursOnlyWhenAsked) {
    const Document document = Document::from_text("a.txt", "Ilon");
    std::ostringstream plain, coloured;
    make_sink("text", plain)->file(document, "it", {ilon(document)});
    make_sink("text", coloured, {.color = true, .rules = {}})
        ->file(document, "it", {ilon(document)});
    EXPECT_EQ(std::string::npos, plain.str().find('\x1b'));
    EXPECT_NE(std::string::npos, coloured.str().find("\x1b[1;31merror:"));
}

TEST(Sinks, UnknownFormatGivesNoSink) {
    std::ostringstream out;
    EXPECT_EQ(nullptr, make_sink("yaml", out));
}

TEST(JsonSink, EscapesStringsAndStaysValidWithNoFiles) {
    const Document document = Document::from_text("dir/\"quoted\"\\name\t.txt", "a\x01\"b\"\\c\n");
    Diagnostic d;
    d.rule = "r";
    d.message = "line\nbreak \"quoted\" \x1f città";
    d.offset = 0;
    d.length = document.bytes().size();
    d.suggestions = {"«sì»"};
    d.fixes = {{0, 1, "\\"}};
    std::ostringstream out;
    auto sink = make_sink("json", out);
    sink->file(document, "it", {d});
    sink->finish({});
    const auto report = nlohmann::json::parse(out.str());
    EXPECT_EQ("dir/\"quoted\"\\name\t.txt", report["files"][0]["path"]);
    EXPECT_EQ(d.message, report["files"][0]["diagnostics"][0]["message"]);
    EXPECT_EQ(document.bytes(), report["files"][0]["diagnostics"][0]["text"]);
    EXPECT_EQ("«sì»", report["files"][0]["diagnostics"][0]["suggestions"][0]);
    EXPECT_EQ("\\", report["files"][0]["diagnostics"][0]["fixes"][0]["replacement"]);

    std::ostringstream empty;
    make_sink("json", empty)->finish({});
    EXPECT_EQ(0u, nlohmann::json::parse(empty.str())["files"].size());
}
