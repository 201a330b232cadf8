// The HTML report, read back the way a browser builds it: the text of each file, and for each
// finding the text of the elements that carry it. The browser itself reads the report in
// tests/consumers/html-report.mjs.
#include "translint/sink.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace translint;

namespace {

Diagnostic finding(std::string rule, Category category, Severity severity, std::size_t offset,
                   std::size_t length, std::vector<std::string> suggestions = {}) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.category = category;
    d.severity = severity;
    d.message = d.rule + " says so";
    d.offset = offset;
    d.length = length;
    d.suggestions = std::move(suggestions);
    return d;
}

Diagnostic at(const Document& document, std::string_view text,
              std::string rule = "it.names.garbled", Category category = Category::name,
              Severity severity = Severity::error) {
    const std::size_t offset = document.bytes().find(text);
    EXPECT_NE(std::string::npos, offset) << text;
    return finding(std::move(rule), category, severity, offset, text.size());
}

struct File {
    const Document* document;
    std::vector<Diagnostic> diagnostics;
};

std::string report(const std::vector<File>& files, SinkOptions options = {}) {
    std::ostringstream out;
    auto sink = make_sink("html", out, std::move(options));
    EXPECT_NE(nullptr, sink);
    Summary summary;
    for (const File& file : files) {
        summary.add(file.diagnostics);
        sink->file(*file.document, "it", file.diagnostics);
    }
    sink->finish(summary);
    return out.str();
}

std::string decode(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] != '&') {
            out += html[i++];
            continue;
        }
        const std::size_t semicolon = html.find(';', i);
        const std::string_view entity = html.substr(i + 1, semicolon - i - 1);
        if (entity == "amp")
            out += '&';
        else if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "quot")
            out += '"';
        else if (entity.starts_with('#'))
            out += static_cast<char>(std::stoi(std::string(entity.substr(1))));
        else
            ADD_FAILURE() << "unexpected entity &" << entity << ";";
        i = semicolon + 1;
    }
    return out;
}

std::string attribute(std::string_view tag, std::string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t at = tag.find(key);
    if (at == std::string_view::npos) return {};
    const std::size_t begin = at + key.size();
    return std::string(tag.substr(begin, tag.find('"', begin) - begin));
}

// The text of one file as the DOM holds it, and the text of each finding: what the elements
// carrying its data-finding hold. Fails the test on misnested or unexpected elements.
struct Article {
    std::string text;
    std::map<std::string, std::string> findings; // data-finding -> its text
    std::map<std::string, std::string> first;    // id -> the opening tag of its first element
};

Article article(const std::string& html, int file = 1) {
    Article result;
    const std::string open = "<div class=\"text\" id=\"text-" + std::to_string(file) + "\"";
    std::size_t i = html.find(open);
    EXPECT_NE(std::string::npos, i);
    if (i == std::string::npos) return result;
    i = html.find('>', i) + 1;
    std::vector<std::pair<std::string, std::string>> stack; // element, data-finding
    for (;;) {
        const std::size_t lt = html.find('<', i);
        const std::string text = decode(std::string_view(html).substr(i, lt - i));
        result.text += text;
        for (const auto& [element, id] : stack)
            if (!id.empty()) result.findings[id] += text;
        const std::size_t gt = html.find('>', lt);
        const std::string tag = html.substr(lt, gt + 1 - lt);
        i = gt + 1;
        if (tag == "</div>") {
            EXPECT_TRUE(stack.empty()) << "unclosed elements at the end of the text";
            break;
        }
        if (tag.starts_with("</")) {
            const std::string element = tag.substr(2, tag.size() - 3);
            EXPECT_FALSE(stack.empty()) << tag;
            if (stack.empty()) break;
            EXPECT_EQ(stack.back().first, element) << "misnested " << tag;
            stack.pop_back();
            continue;
        }
        const std::string element = tag.substr(1, tag.find_first_of(" >") - 1);
        EXPECT_TRUE(element == "mark" || element == "sup") << tag;
        const std::string id = attribute(tag, "data-finding");
        if (!id.empty()) {
            result.findings.try_emplace(id);
            if (!attribute(tag, "id").empty()) {
                EXPECT_EQ(id, attribute(tag, "id"));
                EXPECT_TRUE(result.first.emplace(id, tag).second) << "two first elements: " << id;
            }
        }
        stack.emplace_back(element, id);
    }
    return result;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST(HtmlSink, IsAFormatOfTheRegistry) {
    const auto formats = sink_formats();
    EXPECT_NE(formats.end(), std::find(formats.begin(), formats.end(), "html"));
}

TEST(HtmlSink, EscapesTheTextThePathAndTheMessages) {
    const Document document = Document::from_text(
        "news/<b>\"a\"&'b'.html",
        "<p class=\"x\">AT&T's <script>alert('Ilon')</script> &amp; Ilon</p>\n");
    Diagnostic d = at(document, "Ilon</p>");
    d.message = "<img src=x onerror=alert(1)> & \"quoted\" 'single'";
    d.suggestions = {"<Elon>"};
    const std::string html = report({{&document, {d}}});

    EXPECT_EQ(1u, count(html, "<script")) << "only the page's own script";
    EXPECT_EQ(0u, count(html, "<img"));
    EXPECT_EQ(0u, count(html, "<p class=\"x\""));
    EXPECT_NE(std::string::npos, html.find("news/&lt;b&gt;&quot;a&quot;&amp;&#39;b&#39;.html"));
    EXPECT_NE(std::string::npos,
              html.find("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; "
                        "&#39;single&#39;"));
    EXPECT_NE(std::string::npos, html.find("<ins>&lt;Elon&gt;</ins>"));
    // The text is the file's own bytes, "&amp;" included: a .html file is shown as its source.
    const Article text = article(html);
    EXPECT_EQ(document.bytes(), text.text);
    EXPECT_EQ("Ilon</p>", text.findings.at("f-1-1"));
}

TEST(HtmlSink, KeepsLineBreaksBlankLinesAndControlCharacters) {
    // A raw carriage return would reach the DOM as a line feed; a reference keeps it.
    const Document document =
        Document::from_text("a.txt", "Titolo\r\n\r\nPrimo\tparagrafo,\nsempre.\n\n\nSecondo\x0b.");
    const std::string html = report({{&document, {at(document, "paragrafo,\nsempre")}}});
    const Article text = article(html);
    EXPECT_EQ(document.bytes(), text.text);
    EXPECT_EQ("paragrafo,\nsempre", text.findings.at("f-1-1"));
    EXPECT_NE(std::string::npos, html.find("Titolo&#13;\n&#13;\n"));
    EXPECT_NE(std::string::npos, html.find("white-space: pre-wrap"));
}

TEST(HtmlSink, OverlappingAndNestedFindingsKeepTheirExactText) {
    const Document document =
        Document::from_text("a.txt", "Il presidente Dzho Baiden ha detto che Dzho Baiden verrà.\n");
    const std::string_view bytes = document.bytes();
    const std::vector<Diagnostic> diagnostics{
        at(document, "Dzho Baiden"),                                                 // encloses two
        at(document, "Baiden ha detto", "it.spelling", Category::spelling),          // crosses it
        at(document, "Dzho", "it.names.garbled", Category::name, Severity::warning), // inside
        at(document, "Dzho Baiden", "it.other", Category::name, Severity::info), // the same span
        at(document, "presidente Dzho", "it.x", Category::grammar), // crosses from before
        at(document, "ha detto che Dzho Baiden verrà", "it.y",
           Category::typography),                               // crosses and encloses
        at(document, "verrà.\n", "it.z", Category::typography), // to the end
    };
    const std::string html = report({{&document, diagnostics}});
    const Article text = article(html);
    EXPECT_EQ(bytes, text.text);
    ASSERT_EQ(diagnostics.size(), text.first.size());
    ASSERT_EQ(diagnostics.size(), text.findings.size());
    // Each finding is recoverable by the offset and length its first element declares.
    std::multiset<std::string> expected, found;
    for (const Diagnostic& d : diagnostics)
        expected.insert(std::string(bytes.substr(d.offset, d.length)));
    for (const auto& [id, tag] : text.first) {
        const std::size_t offset = std::stoul(attribute(tag, "data-offset"));
        const std::size_t length = std::stoul(attribute(tag, "data-length"));
        EXPECT_EQ(bytes.substr(offset, length), text.findings.at(id)) << id;
        found.insert(text.findings.at(id));
    }
    EXPECT_EQ(expected, found);
    // Numbered in reading order: by where they begin, the longer first.
    EXPECT_EQ("presidente Dzho", text.findings.at("f-1-1"));
    EXPECT_EQ("Dzho Baiden", text.findings.at("f-1-2"));
    EXPECT_EQ("Dzho", text.findings.at("f-1-4"));
    // One note per finding, each pointing at its highlight.
    EXPECT_EQ(diagnostics.size(), count(html, "<li class=\"finding "));
    for (std::size_t n = 1; n <= diagnostics.size(); ++n)
        EXPECT_NE(std::string::npos, html.find("data-note-for=\"f-1-" + std::to_string(n) + "\""));
}

TEST(HtmlSink, ZeroLengthFindingsGetAVisibleMarker) {
    const Document document = Document::from_text("a.txt", "Disse: «Arrivo» e se ne andò");
    const std::size_t end = document.bytes().size();
    const std::vector<Diagnostic> diagnostics{
        finding("common.punctuation.end", Category::typography, Severity::info, end, 0, {"."}),
        finding("it.x", Category::typography, Severity::warning, 0, 0),
        at(document, "«Arrivo»", "it.typography.quotes", Category::typography),
        finding("it.y", Category::typography, Severity::warning,
                document.bytes().find("Arrivo") + 3, 0),
    };
    const std::string html = report({{&document, diagnostics}});
    const Article text = article(html);
    EXPECT_EQ(document.bytes(), text.text);
    ASSERT_EQ(4u, text.first.size());
    std::size_t zeros = 0;
    for (const auto& [id, tag] : text.first) {
        if (attribute(tag, "data-length") != "0") continue;
        ++zeros;
        EXPECT_NE(std::string::npos, tag.find(" zero")) << tag;
        EXPECT_EQ("", text.findings.at(id));
        EXPECT_NE(std::string::npos, html.find(tag + "</mark>")) << "an empty element: " << tag;
    }
    EXPECT_EQ(3u, zeros);
    EXPECT_EQ(std::to_string(end), attribute(text.first.at("f-1-4"), "data-offset"));
    EXPECT_EQ("«Arrivo»", text.findings.at("f-1-2"));
    EXPECT_NE(std::string::npos, html.find("<span class=\"what\">Insert</span><ins>.</ins>"));
    EXPECT_NE(std::string::npos, html.find("mark.tl.zero {"));
}

TEST(HtmlSink, SameInputGivesTheSameBytes) {
    const Document first = Document::from_text("a.it.txt", "Ilon Musk e Si Jinping.\n");
    const Document second = Document::from_text("b.it.txt", "Nulla da segnalare.\n");
    RuleInfo rule{"it.names.garbled",
                  "names",
                  Category::name,
                  Severity::error,
                  "it",
                  "garbled",
                  "A name read back from Cyrillic.",
                  true,
                  1,
                  ""};
    const auto run = [&] {
        return report({{&first, {at(first, "Ilon"), at(first, "Si")}}, {&second, {}}},
                      {.color = false, .rules = {rule}});
    };
    const std::string html = run();
    EXPECT_EQ(html, run());
    EXPECT_NE(std::string::npos, html.find("translint " TRANSLINT_VERSION));
    // The rule's description is there to explain the finding, once.
    EXPECT_EQ(1u, count(html, "A name read back from Cyrillic."));
    EXPECT_NE(std::string::npos, html.find("<a href=\"#rule-it.names.garbled\">"));
}

TEST(HtmlSink, LoadsNothingFromTheNetwork) {
    const Document document = Document::from_text(
        "a.html", "<img src=\"https://example.com/a.png\"><a href='http://x.org'>x</a> "
                  "<link rel=stylesheet href=//cdn.example/s.css> url(https://e/f.woff) "
                  "@import 'https://e/g.css'; https://www.ansa.it\n");
    const std::string html = report({{&document, {at(document, "https://www.ansa.it")}}});
    // The article's own text mentions addresses; escaped, it holds no tag. What loads is in the
    // page's tags, its style sheet and its script.
    const std::regex tag(R"(<[A-Za-z][^>]*>)");
    const std::regex reference(R"((src|href|action|poster|data|srcset)\s*=\s*["']?\s*(https?:)?//)",
                               std::regex::icase);
    std::size_t tags = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag);
         it != std::sregex_iterator(); ++it, ++tags)
        EXPECT_FALSE(std::regex_search(it->str(), reference)) << it->str();
    EXPECT_GT(tags, 50u);
    const auto between = [&](const std::string& open, const std::string& close) {
        const std::size_t begin = html.find(open);
        EXPECT_NE(std::string::npos, begin) << open;
        return html.substr(begin, html.find(close, begin) - begin);
    };
    const std::string style = between("<style>", "</style>");
    EXPECT_EQ(std::string::npos, style.find("url("));
    EXPECT_EQ(std::string::npos, style.find("@import"));
    const std::string script = between("<script>", "</script>");
    for (const char* call : {"http", "fetch(", "XMLHttpRequest", "import(", "WebSocket", "src"})
        EXPECT_EQ(std::string::npos, script.find(call)) << call;
    EXPECT_EQ(0u, count(html, "<link"));
    EXPECT_EQ(0u, count(html, "<img"));
    EXPECT_EQ(0u, count(html, "<iframe"));
    EXPECT_NE(std::string::npos,
              html.find("Content-Security-Policy\" content=\"default-src 'none'"));
    EXPECT_EQ(document.bytes(), article(html).text);
}

TEST(HtmlSink, SummarisesBySeverityAndCategory) {
    const Document first = Document::from_text("a.it.txt", "Ilon e Sholts e 10,000 persone\n");
    const Document clean = Document::from_text("b.it.txt", "Tutto bene.\n");
    const std::string html =
        report({{&first,
                 {at(first, "Ilon"), at(first, "Sholts"),
                  at(first, "10,000", "it.locale.numbers", Category::locale, Severity::warning)}},
                {&clean, {}}});
    EXPECT_NE(std::string::npos, html.find("3 findings in 2 files: 2 errors and 1 warning."));
    EXPECT_NE(std::string::npos,
              html.find("data-stat=\"files\"><dt>Files</dt><dd data-count=\"2\">"));
    EXPECT_NE(std::string::npos, html.find("Errors</dt><dd data-count=\"2\">"));
    EXPECT_NE(std::string::npos, html.find("Warnings</dt><dd data-count=\"1\">"));
    EXPECT_NE(std::string::npos, html.find("Info</dt><dd data-count=\"0\">"));
    EXPECT_NE(std::string::npos,
              html.find("<tr data-category=\"name\"><th scope=\"row\">Names</th><td "
                        "class=\"count\" data-count=\"2\">"));
    EXPECT_NE(std::string::npos, html.find("data-filter=\"c-locale\""));
    EXPECT_EQ(std::string::npos, html.find("data-filter=\"c-spelling\""));
    EXPECT_NE(std::string::npos, html.find("No findings in this file."));
}

TEST(HtmlSink, SaysSoWhenThereIsNothingToCorrect) {
    const Document document = Document::from_text("summary.it.txt", "Elon Musk ha parlato.\n");
    const std::string html = report({{&document, {}}});
    EXPECT_NE(std::string::npos, html.find("No findings in 1 file."));
    EXPECT_EQ(std::string::npos, html.find("id=\"toolbar\"")) << "nothing to filter";
    EXPECT_EQ(document.bytes(), article(html).text);
}

TEST(HtmlSink, TenMegabytesStayLinear) {
    std::string bytes;
    const std::string paragraph =
        "Il presidente Dzho Baiden ha incontrato Si Jinping a Ginevra, dove circa 12.000 "
        "persone hanno manifestato contro l'uso dell'intelligenza artificiale.\n\n";
    while (bytes.size() < 10'000'000)
        bytes += paragraph;
    const Document document = Document::from_text("big.it.txt", bytes);
    std::vector<Diagnostic> diagnostics;
    for (std::size_t at = bytes.find("Baiden"); at != std::string::npos;
         at = bytes.find("Baiden", at + 1))
        diagnostics.push_back(
            finding("it.names.garbled", Category::name, Severity::error, at, 6, {"Biden"}));
    const auto start = std::chrono::steady_clock::now();
    const std::string html = report({{&document, diagnostics}});
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20.0);
    EXPECT_LT(html.size(), bytes.size() + diagnostics.size() * 1200 + 100'000);
    EXPECT_EQ(diagnostics.size(), count(html, "<li class=\"finding "));
}
