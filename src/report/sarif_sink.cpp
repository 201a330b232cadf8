// The SARIF 2.1.0 report, which code-scanning services and editors read: one run, whose results
// are written as the files arrive. The tool's rules follow the results (the order of an object's
// members carries no meaning in JSON), so that a finding of a rule the sink was not told about
// still has its rule described.
#include "report/json_text.hpp"
#include "report/sinks.hpp"
#include "translint/baseline.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace translint {
namespace {

using report::write_json_string;

std::string_view level_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "note";
    }
    return "none";
}

constexpr std::string_view stdin_path = "<stdin>";

// A path as a URI reference (RFC 3986): a relative path stays relative, an absolute one becomes
// a file: URI. Every byte but the unreserved characters and '/' is percent-encoded, so that a
// space, '%', '#' or '?' stays part of the name and a ':' in the first segment cannot read as a
// scheme; non-ASCII characters are percent-encoded UTF-8, as RFC 3986 asks.
std::string uri_of(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri;
    if (path.starts_with('/'))
        uri = "file://";
    else
        while (path.starts_with("./") && path.size() > 2)
            path.remove_prefix(2);
    for (const char byte : path) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            uri += byte;
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri;
}

// The members of a file's artifactLocation object, without the braces.
std::string artifact_location(std::string_view path) {
    std::ostringstream out;
    if (path == stdin_path) {
        // Standard input has no URI; the location names it for a reader instead.
        out << "\"description\": {\"text\": \"standard input\"}";
    } else {
        const std::string uri = uri_of(path);
        out << "\"uri\": ";
        write_json_string(out, uri);
        if (!uri.starts_with("file:")) out << ", \"uriBaseId\": \"%SRCROOT%\"";
    }
    return std::move(out).str();
}

// The region of bytes [offset, offset + length), both as lines and columns and as bytes.
void write_region(std::ostream& out, const Document& document, std::size_t offset,
                  std::size_t length) {
    const Position start = document.position(offset);
    const Position end = document.position(offset + length);
    out << "{\"startLine\": " << start.line << ", \"startColumn\": " << start.column
        << ", \"endLine\": " << end.line << ", \"endColumn\": " << end.column
        << ", \"byteOffset\": " << offset << ", \"byteLength\": " << length;
}

// The first sentence of a rule's description, for the short description a list shows.
std::string first_sentence(std::string_view text) {
    const std::size_t stop = text.find(". ");
    return std::string(stop == std::string_view::npos ? text : text.substr(0, stop + 1));
}

class SarifSink final : public Sink {
public:
    SarifSink(std::ostream& out, SinkOptions options)
        : out_(out)
        , rules_(std::move(options.rules)) {
        std::stable_sort(rules_.begin(), rules_.end(),
                         [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
        rules_.erase(std::unique(rules_.begin(), rules_.end(),
                                 [](const RuleInfo& a, const RuleInfo& b) { return a.id == b.id; }),
                     rules_.end());
        for (std::size_t i = 0; i < rules_.size(); ++i)
            rule_index_.emplace(rules_[i].id, i);
        out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
    }

    void file(const Document& document, const std::string& language,
              const std::vector<Diagnostic>& diagnostics) override {
        artifacts_.push_back(
            {artifact_location(document.path()), document.bytes().size(), language});
        // Results point at their file by its index in run.artifacts too.
        const std::string location = "{" + artifacts_.back().location +
                                     ", \"index\": " + std::to_string(artifacts_.size() - 1) + "}";
        for (const Diagnostic& d : diagnostics) {
            out_ << (results_++ ? ",\n" : "\n") << "        {\"ruleId\": ";
            write_json_string(out_, d.rule);
            out_ << ", \"ruleIndex\": " << rule_of(d) << ", \"level\": \"" << level_of(d.severity)
                 << "\",\n         \"message\": {\"text\": ";
            write_json_string(out_, d.message);
            out_ << "},\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                 << location << ",\n           \"region\": ";
            write_region(out_, document, d.offset, d.length);
            out_ << ", \"snippet\": {\"text\": ";
            const std::string_view flagged =
                std::string_view(document.bytes()).substr(d.offset, d.length);
            write_json_string(out_, flagged);
            out_ << "}}}}],\n         \"partialFingerprints\": {\"translint/v1\": ";
            write_json_string(out_, fingerprint(document, d));
            out_ << '}';
            if (!d.fixes.empty()) {
                // The edits together put the first suggestion in place: one fix, applied whole.
                const std::string description = d.suggestions.empty()
                                                    ? "Apply the fix"
                                                    : "Replace '" + std::string(flagged) +
                                                          "' with '" + d.suggestions.front() + "'";
                out_ << ",\n         \"fixes\": [{\"description\": {\"text\": ";
                write_json_string(out_, description);
                out_ << "}, \"artifactChanges\": [{\"artifactLocation\": " << location
                     << ", \"replacements\": [";
                for (std::size_t k = 0; k < d.fixes.size(); ++k) {
                    const Edit& edit = d.fixes[k];
                    out_ << (k ? ",\n           " : "\n           ") << "{\"deletedRegion\": ";
                    write_region(out_, document, edit.offset, edit.length);
                    out_ << "}, \"insertedContent\": {\"text\": ";
                    write_json_string(out_, edit.replacement);
                    out_ << "}}";
                }
                out_ << "]}]}]";
            }
            out_ << ",\n         \"properties\": {\"category\": \"" << to_string(d.category) << '"';
            if (!d.suggestions.empty()) {
                out_ << ", \"suggestions\": [";
                for (std::size_t k = 0; k < d.suggestions.size(); ++k) {
                    if (k) out_ << ", ";
                    write_json_string(out_, d.suggestions[k]);
                }
                out_ << ']';
            }
            out_ << "}}";
        }
    }

    void finish(const Summary& summary) override {
        out_ << (results_ ? "\n      ],\n" : "],\n");
        write_tool();
        out_ << ",\n      \"artifacts\": [";
        for (std::size_t i = 0; i < artifacts_.size(); ++i) {
            const Artifact& artifact = artifacts_[i];
            out_ << (i ? ",\n" : "\n") << "        {\"location\": {" << artifact.location << '}'
                 << ", \"length\": " << artifact.length
                 << ", \"roles\": [\"analysisTarget\"], \"encoding\": \"UTF-8\""
                 << ", \"properties\": {\"language\": ";
            write_json_string(out_, artifact.language);
            out_ << "}}";
        }
        out_ << (artifacts_.empty() ? "],\n" : "\n      ],\n")
             << "      \"properties\": {\"summary\": {\"files\": " << summary.files
             << ", \"errors\": " << summary.errors << ", \"warnings\": " << summary.warnings
             << ", \"infos\": " << summary.infos << "}}\n    }\n  ]\n}\n";
    }

private:
    struct Artifact {
        std::string location; // the members of its artifactLocation
        std::size_t length;
        std::string language;
    };

    // The index of the diagnostic's rule in tool.driver.rules; a rule the sink was not told
    // about is described from its first finding.
    std::size_t rule_of(const Diagnostic& d) {
        const auto [it, added] = rule_index_.emplace(d.rule, rules_.size());
        if (added) {
            RuleInfo rule{};
            rule.id = d.rule;
            rule.category = d.category;
            rule.severity = d.severity;
            rule.enabled = true;
            rules_.push_back(std::move(rule));
        }
        return it->second;
    }

    void write_tool() {
        out_ << "      \"tool\": {\"driver\": {\"name\": \"translint\", \"version\": "
                "\"" TRANSLINT_VERSION "\", \"semanticVersion\": \"" TRANSLINT_VERSION "\"";
#ifdef TRANSLINT_HOMEPAGE
        out_ << ", \"informationUri\": ";
        write_json_string(out_, TRANSLINT_HOMEPAGE);
#endif
        out_ << ",\n        \"rules\": [";
        for (std::size_t i = 0; i < rules_.size(); ++i) {
            const RuleInfo& rule = rules_[i];
            const std::string& full = !rule.description.empty() ? rule.description
                                      : !rule.message.empty()   ? rule.message
                                                                : rule.id;
            const std::string category(to_string(rule.category));
            out_ << (i ? ",\n" : "\n") << "          {\"id\": ";
            write_json_string(out_, rule.id);
            out_ << ", \"name\": ";
            write_json_string(out_, rule.id);
            out_ << ",\n           \"shortDescription\": {\"text\": ";
            write_json_string(out_, first_sentence(full));
            out_ << "},\n           \"fullDescription\": {\"text\": ";
            write_json_string(out_, full);
            out_ << "},\n           \"help\": {\"text\": ";
            write_json_string(out_, full);
            out_ << "},\n           \"defaultConfiguration\": {\"level\": \""
                 << level_of(rule.severity) << '"' << (rule.enabled ? "" : ", \"enabled\": false")
                 << "},\n           \"properties\": {\"category\": \"" << category << '"';
            if (!rule.kind.empty()) {
                out_ << ", \"kind\": ";
                write_json_string(out_, rule.kind);
            }
            if (!rule.language.empty()) {
                out_ << ", \"language\": ";
                write_json_string(out_, rule.language);
            }
            out_ << ", \"tags\": [\"translation\", \"" << category << '"';
            if (!rule.language.empty()) {
                out_ << ", ";
                write_json_string(out_, rule.language);
            }
            out_ << "]}}";
        }
        out_ << (rules_.empty() ? "]}}" : "\n        ]}}");
    }

    std::ostream& out_;
    std::vector<RuleInfo> rules_;
    std::map<std::string, std::size_t, std::less<>> rule_index_;
    std::vector<Artifact> artifacts_;
    std::size_t results_ = 0;
};

} // namespace

std::unique_ptr<Sink> make_sarif_sink(std::ostream& out, SinkOptions options) {
    return std::make_unique<SarifSink>(out, std::move(options));
}

} // namespace translint
