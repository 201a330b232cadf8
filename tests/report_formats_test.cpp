// The machine-readable reports (SARIF, JUnit, Checkstyle, GitHub workflow commands) on a file
// whose name and findings hold what their escapes exist for: non-ASCII text, commas, colons,
// quotes, <&>, percent signs, line breaks and control characters. The consumers that read these
// formats check them again through the command line (tests/consumers/machine-formats.sh).
#include "core/xml_reader.hpp"
#include "translint/baseline.hpp"
#include "translint/sink.hpp"

#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace translint;
using nlohmann::json;

namespace {

const std::string tricky_path = "dir/città, prova: 1 \"q\" <&>'.it.txt";
const std::string tricky_bytes = "Titolo\n\nGià: Ilon Musk, «sì» e 100%.\nSeconda riga: di alto "
                                 "taglio, detto 15.\n000 volte.\n";

Diagnostic finding(const Document& document, std::string_view flagged, std::string rule,
                   Severity severity, Category category, std::string message) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = severity;
    d.category = category;
    d.message = std::move(message);
    d.offset = document.bytes().find(flagged);
    d.length = flagged.size();
    return d;
}

// An error with a fix and two suggestions, a warning, an info and a warning that spans two lines.
std::vector<Diagnostic> tricky_findings(const Document& document) {
    Diagnostic ilon = finding(document, "Ilon", "it.names.garbled", Severity::error, Category::name,
                              "'Ilon' looks like, a garbled: form of \"Elon\" <&> 100%\n"
                              "second line\r\tend\x01 ]]> città");
    ilon.suggestions = {"Elon", "Elon Musk"};
    ilon.fixes = {{ilon.offset, ilon.length, "Elon"}};
    Diagnostic calque =
        finding(document, "di alto taglio", "it.mistranslation.calques", Severity::warning,
                Category::mistranslation, "'di alto taglio' is a calque; write 'di alto livello'");
    calque.suggestions = {"di alto livello"};
    Diagnostic quotes = finding(document, "«sì»", "it.typography.quotes", Severity::info,
                                Category::typography, "info: «quotes», 50%");
    Diagnostic split = finding(document, "15.\n000", "it.numbers.split", Severity::warning,
                               Category::number, "a number split across lines");
    return {ilon, calque, quotes, split};
}

RuleInfo rule_info(std::string id, Severity severity, std::string description) {
    RuleInfo rule{};
    rule.id = std::move(id);
    rule.kind = "substitution";
    rule.category = Category::mistranslation;
    rule.severity = severity;
    rule.language = "it";
    rule.message = "'{match}' is wrong";
    rule.description = std::move(description);
    rule.enabled = true;
    return rule;
}

// The report of `documents`, each with its findings, in `format`.
std::string report(const std::string& format,
                   const std::vector<std::pair<Document, std::vector<Diagnostic>>>& documents,
                   SinkOptions options = {}) {
    std::ostringstream out;
    auto sink = make_sink(format, out, std::move(options));
    Summary summary;
    for (const auto& [document, diagnostics] : documents) {
        summary.add(diagnostics);
        sink->file(document, "it", diagnostics);
    }
    sink->finish(summary);
    return out.str();
}

// An XML element as a real parser (expat) reads it: attribute values and text decoded.
struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;
    std::size_t depth;
};

class ElementReader final : public xml::Reader {
public:
    ElementReader()
        : Reader("report.xml",
                 {.namespace_separator = std::nullopt, .max_depth = 16, .too_deep = "too deep"}) {}

    // Throws on XML that is not well-formed.
    std::vector<Element> read(std::string_view bytes) {
        parse(bytes);
        return std::move(elements_);
    }

private:
    void start(std::string_view name, const XML_Char** attributes) override {
        Element element{std::string(name), {}, {}, depth()};
        for (const XML_Char** a = attributes; *a; a += 2)
            element.attributes[a[0]] = a[1];
        open_.push_back(elements_.size());
        elements_.push_back(std::move(element));
    }
    void end(std::string_view) override { open_.pop_back(); }
    void text(std::string_view piece) override {
        if (!open_.empty()) elements_[open_.back()].text += piece;
    }

    std::vector<Element> elements_;
    std::vector<std::size_t> open_;
};

std::vector<Element> named(const std::vector<Element>& elements, std::string_view name) {
    std::vector<Element> out;
    for (const Element& element : elements)
        if (element.name == name) out.push_back(element);
    return out;
}

// The message after XML 1.0, which cannot carry U+0001, has replaced it.
std::string xml_message(std::string message) {
    const std::size_t control = message.find('\x01');
    if (control != std::string::npos) message.replace(control, 1, "\xEF\xBF\xBD");
    return message;
}

} // namespace

TEST(SarifSink, DescribesTheRunTheRulesAndEveryResult) {
    const Document document = Document::from_text(tricky_path, tricky_bytes);
    const std::vector<Diagnostic> diagnostics = tricky_findings(document);
    SinkOptions options;
    options.rules = {rule_info("it.names.garbled", Severity::error,
                               "Garbled names. A name read back from Cyrillic."),
                     rule_info("it.mistranslation.calques", Severity::warning, ""),
                     rule_info("it.names.garbled", Severity::error, "A duplicate."),
                     rule_info("common.unused", Severity::info, "Never reported.")};
    options.rules[3].enabled = false;
    options.rules[3].language = "";
    const json log = json::parse(report("sarif", {{document, diagnostics}}, options));

    EXPECT_EQ("https://json.schemastore.org/sarif-2.1.0.json", log["$schema"]);
    EXPECT_EQ("2.1.0", log["version"]);
    ASSERT_EQ(1u, log["runs"].size());
    const json& run = log["runs"][0];
    EXPECT_EQ("unicodeCodePoints", run["columnKind"]);
    const json& driver = run["tool"]["driver"];
    EXPECT_EQ("translint", driver["name"]);
    EXPECT_EQ(TRANSLINT_VERSION, driver["version"]);

    // The rules told about, once each and sorted, then those only the findings name.
    std::vector<std::string> ids;
    for (const json& rule : driver["rules"])
        ids.push_back(rule["id"]);
    EXPECT_EQ(
        (std::vector<std::string>{"common.unused", "it.mistranslation.calques", "it.names.garbled",
                                  "it.typography.quotes", "it.numbers.split"}),
        ids);
    const json& garbled = driver["rules"][2];
    EXPECT_EQ("it.names.garbled", garbled["name"]);
    EXPECT_EQ("Garbled names.", garbled["shortDescription"]["text"]);
    EXPECT_EQ("Garbled names. A name read back from Cyrillic.", garbled["fullDescription"]["text"]);
    EXPECT_EQ("Garbled names. A name read back from Cyrillic.", garbled["help"]["text"]);
    EXPECT_EQ("error", garbled["defaultConfiguration"]["level"]);
    EXPECT_FALSE(garbled["defaultConfiguration"].contains("enabled"));
    EXPECT_EQ("mistranslation", garbled["properties"]["category"]);
    EXPECT_EQ(json::array({"translation", "mistranslation", "it"}), garbled["properties"]["tags"]);
    // Without a description, the message describes the rule.
    EXPECT_EQ("'{match}' is wrong", driver["rules"][1]["fullDescription"]["text"]);
    EXPECT_EQ("note", driver["rules"][0]["defaultConfiguration"]["level"]);
    EXPECT_EQ(false, driver["rules"][0]["defaultConfiguration"]["enabled"]);
    EXPECT_EQ("note", driver["rules"][3]["defaultConfiguration"]["level"]);
    EXPECT_EQ("typography", driver["rules"][3]["properties"]["category"]);

    const std::string uri = "dir/citt%C3%A0%2C%20prova%3A%201%20%22q%22%20%3C%26%3E%27.it.txt";
    ASSERT_EQ(1u, run["artifacts"].size());
    EXPECT_EQ(uri, run["artifacts"][0]["location"]["uri"]);
    EXPECT_EQ("%SRCROOT%", run["artifacts"][0]["location"]["uriBaseId"]);
    EXPECT_EQ(tricky_bytes.size(), run["artifacts"][0]["length"]);
    EXPECT_EQ("it", run["artifacts"][0]["properties"]["language"]);

    const json& results = run["results"];
    ASSERT_EQ(diagnostics.size(), results.size());
    const std::vector<std::string> levels{"error", "warning", "note", "warning"};
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic& d = diagnostics[i];
        const json& result = results[i];
        SCOPED_TRACE(d.rule);
        EXPECT_EQ(d.rule, result["ruleId"]);
        EXPECT_EQ(d.rule, driver["rules"][result["ruleIndex"].get<std::size_t>()]["id"]);
        EXPECT_EQ(levels[i], result["level"]);
        EXPECT_EQ(d.message, result["message"]["text"]);
        const json& location = result["locations"][0]["physicalLocation"];
        EXPECT_EQ(uri, location["artifactLocation"]["uri"]);
        EXPECT_EQ(0, location["artifactLocation"]["index"]);
        const Position start = document.position(d.offset);
        const Position end = document.position(d.offset + d.length);
        const json& region = location["region"];
        EXPECT_EQ(start.line, region["startLine"]);
        EXPECT_EQ(start.column, region["startColumn"]);
        EXPECT_EQ(end.line, region["endLine"]);
        EXPECT_EQ(end.column, region["endColumn"]);
        EXPECT_EQ(d.offset, region["byteOffset"]);
        EXPECT_EQ(d.length, region["byteLength"]);
        EXPECT_EQ(document.bytes().substr(d.offset, d.length), region["snippet"]["text"]);
        EXPECT_EQ(fingerprint(document, d), result["partialFingerprints"]["translint/v1"]);
        EXPECT_EQ(to_string(d.category), result["properties"]["category"]);
        if (d.suggestions.empty())
            EXPECT_FALSE(result["properties"].contains("suggestions"));
        else
            EXPECT_EQ(json(d.suggestions), result["properties"]["suggestions"]);
        EXPECT_EQ(!d.fixes.empty(), result.contains("fixes"));
    }
    // "Già: " is five code points and six bytes.
    EXPECT_EQ(3, results[0]["locations"][0]["physicalLocation"]["region"]["startLine"]);
    EXPECT_EQ(6, results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"]);
    EXPECT_EQ(10, results[0]["locations"][0]["physicalLocation"]["region"]["endColumn"]);

    const json& fix = results[0]["fixes"][0];
    EXPECT_EQ("Replace 'Ilon' with 'Elon'", fix["description"]["text"]);
    EXPECT_EQ(uri, fix["artifactChanges"][0]["artifactLocation"]["uri"]);
    const json& replacement = fix["artifactChanges"][0]["replacements"][0];
    EXPECT_EQ(diagnostics[0].offset, replacement["deletedRegion"]["byteOffset"]);
    EXPECT_EQ(4, replacement["deletedRegion"]["byteLength"]);
    EXPECT_EQ("Elon", replacement["insertedContent"]["text"]);
    EXPECT_EQ(json({{"files", 1}, {"errors", 1}, {"warnings", 2}, {"infos", 1}}),
              run["properties"]["summary"]);
}

TEST(SarifSink, LocatesStandardInputAbsolutePathsAndOddBytes) {
    const Document stdin_document = Document::from_text("<stdin>", "Ilon\n");
    const Document absolute = Document::from_text("/srv/news/a b#1?.txt", "Ilon\n");
    const Document dotted = Document::from_text("./news/a.txt", "Ilon\n");
    const Document odd_bytes = Document::from_text("bad\xff\x01name.txt", "Ilon\n");
    const auto one = [](const Document& document) {
        return std::vector<Diagnostic>{finding(document, "Ilon", "it.names.garbled",
                                               Severity::error, Category::name, "garbled")};
    };
    const json run = json::parse(report("sarif", {{stdin_document, one(stdin_document)},
                                                  {absolute, one(absolute)},
                                                  {dotted, one(dotted)},
                                                  {odd_bytes, one(odd_bytes)}}))["runs"][0];
    const auto location = [&](std::size_t i) {
        return run["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
    };
    EXPECT_FALSE(location(0).contains("uri"));
    EXPECT_EQ("standard input", location(0)["description"]["text"]);
    EXPECT_EQ(0, location(0)["index"]);
    EXPECT_EQ("file:///srv/news/a%20b%231%3F.txt", location(1)["uri"]);
    EXPECT_FALSE(location(1).contains("uriBaseId"));
    EXPECT_EQ(1, location(1)["index"]);
    EXPECT_EQ("news/a.txt", location(2)["uri"]);
    EXPECT_EQ("bad%FF%01name.txt", location(3)["uri"]);
    EXPECT_EQ(4u, run["artifacts"].size());

    // No files at all is still a valid log.
    const json empty = json::parse(report("sarif", {}));
    EXPECT_EQ(0u, empty["runs"][0]["results"].size());
    EXPECT_EQ(0u, empty["runs"][0]["artifacts"].size());
    EXPECT_EQ(0u, empty["runs"][0]["tool"]["driver"]["rules"].size());
}

TEST(JsonSink, WritesBytesThatAreNotUtf8AsReplacementCharacters) {
    const Document document = Document::from_text("bad\xff\xc3(name.txt", "Ilon\n");
    const std::vector<Diagnostic> diagnostics{
        finding(document, "Ilon", "r", Severity::error, Category::name, "città \xef\xbf\xbd")};
    const json parsed = json::parse(report("json", {{document, diagnostics}}));
    EXPECT_EQ("bad\xef\xbf\xbd\xef\xbf\xbd(name.txt", parsed["files"][0]["path"]);
    EXPECT_EQ("città \xef\xbf\xbd", parsed["files"][0]["diagnostics"][0]["message"]);
}

TEST(JunitSink, OneTestCasePerFileFailedByWarningsAndErrors) {
    const Document tricky = Document::from_text(tricky_path, tricky_bytes);
    const Document clean = Document::from_text("clean.it.txt", "Tutto bene.\n");
    const Document notes = Document::from_text("notes.it.txt", "«sì»\n");
    const std::vector<Diagnostic> diagnostics = tricky_findings(tricky);
    const std::vector<Diagnostic> info_only{finding(notes, "«sì»", "it.typography.quotes",
                                                    Severity::info, Category::typography,
                                                    "quotes & <more>")};
    const std::string xml =
        report("junit", {{tricky, diagnostics}, {clean, {}}, {notes, info_only}});
    EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")) << xml;
    const std::vector<Element> elements = ElementReader().read(xml);

    ASSERT_FALSE(elements.empty());
    EXPECT_EQ("testsuites", elements[0].name);
    EXPECT_EQ("translint", elements[0].attributes.at("name"));
    EXPECT_EQ("3", elements[0].attributes.at("tests"));
    EXPECT_EQ("1", elements[0].attributes.at("failures"));
    const std::vector<Element> suites = named(elements, "testsuite");
    ASSERT_EQ(1u, suites.size());
    EXPECT_EQ("3", suites[0].attributes.at("tests"));
    EXPECT_EQ("1", suites[0].attributes.at("failures"));

    const std::vector<Element> cases = named(elements, "testcase");
    ASSERT_EQ(3u, cases.size());
    EXPECT_EQ(tricky_path, cases[0].attributes.at("name"));
    EXPECT_EQ("translint", cases[0].attributes.at("classname"));
    EXPECT_EQ("clean.it.txt", cases[1].attributes.at("name"));

    const std::vector<Element> failures = named(elements, "failure");
    ASSERT_EQ(1u, failures.size());
    EXPECT_EQ("3 findings", failures[0].attributes.at("message"));
    EXPECT_EQ("translint", failures[0].attributes.at("type"));
    EXPECT_EQ(tricky_path + ":3:6: error: " + xml_message(diagnostics[0].message) +
                  " [it.names.garbled]\n" + tricky_path + ":4:15: warning: " +
                  diagnostics[1].message + " [it.mistranslation.calques]\n" + tricky_path +
                  ":4:37: warning: " + diagnostics[3].message + " [it.numbers.split]\n",
              failures[0].text);

    const std::vector<Element> outputs = named(elements, "system-out");
    ASSERT_EQ(2u, outputs.size());
    EXPECT_EQ(tricky_path + ":3:17: info: info: «quotes», 50% [it.typography.quotes]\n",
              outputs[0].text);
    EXPECT_EQ("notes.it.txt:1:1: info: quotes & <more> [it.typography.quotes]\n", outputs[1].text);

    const std::vector<Element> empty = ElementReader().read(report("junit", {}));
    EXPECT_EQ("0", empty[0].attributes.at("tests"));
    EXPECT_EQ(2u, empty.size());
}

TEST(CheckstyleSink, AnErrorElementPerFindingWithItsRuleAsTheSource) {
    const Document tricky = Document::from_text(tricky_path, tricky_bytes);
    const Document clean = Document::from_text("clean.it.txt", "Tutto bene.\n");
    const std::vector<Diagnostic> diagnostics = tricky_findings(tricky);
    const std::string xml = report("checkstyle", {{tricky, diagnostics}, {clean, {}}});
    EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")) << xml;
    const std::vector<Element> elements = ElementReader().read(xml);

    ASSERT_FALSE(elements.empty());
    EXPECT_EQ("checkstyle", elements[0].name);
    EXPECT_EQ("4.3", elements[0].attributes.at("version"));
    const std::vector<Element> files = named(elements, "file");
    ASSERT_EQ(2u, files.size());
    EXPECT_EQ(tricky_path, files[0].attributes.at("name"));
    EXPECT_EQ("clean.it.txt", files[1].attributes.at("name"));

    const std::vector<Element> errors = named(elements, "error");
    ASSERT_EQ(diagnostics.size(), errors.size());
    const std::vector<std::string> severities{"error", "warning", "info", "warning"};
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic& d = diagnostics[i];
        const Position start = tricky.position(d.offset);
        SCOPED_TRACE(d.rule);
        EXPECT_EQ(std::to_string(start.line), errors[i].attributes.at("line"));
        EXPECT_EQ(std::to_string(start.column), errors[i].attributes.at("column"));
        EXPECT_EQ(severities[i], errors[i].attributes.at("severity"));
        // Line breaks and tabs survive attribute-value normalisation.
        EXPECT_EQ(xml_message(d.message), errors[i].attributes.at("message"));
        EXPECT_EQ("translint." + d.rule, errors[i].attributes.at("source"));
        EXPECT_EQ(3u, errors[i].depth);
    }
    EXPECT_EQ(std::string::npos, xml.find('\x01'));
}

TEST(GithubSink, WritesTheToolkitsWorkflowCommandsAndNothingElse) {
    const Document tricky = Document::from_text(tricky_path, tricky_bytes);
    const Document piped = Document::from_text("<stdin>", "Ilon\n");
    std::vector<Diagnostic> piped_findings{
        finding(piped, "Ilon", "it.names.garbled", Severity::error, Category::name, "garbled")};
    const std::string file = "dir/città%2C prova%3A 1 \"q\" <&>'.it.txt";
    EXPECT_EQ("::error title=it.names.garbled,file=" + file +
                  ",line=3,endLine=3,col=6,endColumn=10::'Ilon' looks like, a garbled: form of "
                  "\"Elon\" <&> 100%25%0Asecond line%0D\tend\x01 ]]> città → Elon, Elon Musk "
                  "[it.names.garbled]\n"
                  "::warning title=it.mistranslation.calques,file=" +
                  file +
                  ",line=4,endLine=4,col=15,endColumn=29::'di alto taglio' is a calque; write "
                  "'di alto livello' → di alto livello [it.mistranslation.calques]\n"
                  "::notice title=it.typography.quotes,file=" +
                  file +
                  ",line=3,endLine=3,col=17,endColumn=21::info: «quotes», 50%25 "
                  "[it.typography.quotes]\n"
                  // Columns are left out of an annotation that spans lines.
                  "::warning title=it.numbers.split,file=" +
                  file +
                  ",line=4,endLine=5::a number split across lines "
                  "[it.numbers.split]\n"
                  "::error title=it.names.garbled,line=1,endLine=1,col=1,endColumn=5::garbled "
                  "[it.names.garbled]\n",
              report("github", {{tricky, tricky_findings(tricky)}, {piped, piped_findings}}));
    EXPECT_EQ("", report("github", {}));
}
