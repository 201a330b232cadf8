// GitHub Actions workflow commands: one line per finding, which the runner turns into an
// annotation on the file and line. Each line is exactly what the toolkit's @actions/core writes
// for error(), warning() or notice() with these annotation properties: the same property order
// and the same escapes, and nothing else goes to the output.
#include "report/escape.hpp"
#include "report/sinks.hpp"

#include <string>

namespace translint {
namespace {

std::string_view command_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "notice";
    }
    return "notice";
}

// The toolkit's escapeData(), or escapeProperty() when `property` is set: '%', CR and LF are
// percent-encoded, and in a property ':' and ',' as well. A byte that is not part of well-formed
// UTF-8 becomes U+FFFD, as it would in the toolkit's JavaScript strings.
void write_escaped(std::ostream& out, std::string_view text, bool property) {
    report::write_escaped(out, text, [&](char32_t c, bool malformed) -> std::string_view {
        if (malformed) return report::replacement_character;
        switch (c) {
        case '%':
            return "%25";
        case '\r':
            return "%0D";
        case '\n':
            return "%0A";
        case ':':
            return property ? "%3A" : report::keep;
        case ',':
            return property ? "%2C" : report::keep;
        }
        return report::keep;
    });
}

class GithubSink final : public Sink {
public:
    explicit GithubSink(std::ostream& out)
        : out_(out) {}

    void file(const Document& document, const std::string&,
              const std::vector<Diagnostic>& diagnostics) override {
        for (const Diagnostic& d : diagnostics) {
            const Position start = document.position(d.offset);
            const Position end = document.position(d.offset + d.length);
            // The toolkit's order: title, file, line, endLine, col, endColumn. A property
            // that is empty is left out, as the toolkit leaves it out.
            out_ << "::" << command_of(d.severity) << ' ';
            const char* separator = "";
            const auto property = [&](std::string_view key) -> std::ostream& {
                out_ << separator << key << '=';
                separator = ",";
                return out_;
            };
            if (!d.rule.empty()) write_escaped(property("title"), d.rule, true);
            if (!document.path().empty() && document.path() != "<stdin>")
                write_escaped(property("file"), document.path(), true);
            property("line") << start.line;
            property("endLine") << end.line;
            // Columns cannot be given for an annotation that spans lines.
            if (start.line == end.line) {
                property("col") << start.column;
                property("endColumn") << end.column;
            }
            out_ << "::";
            std::string message = d.message;
            for (std::size_t i = 0; i < d.suggestions.size(); ++i)
                message += (i ? ", " : " → ") + d.suggestions[i];
            message += " [" + d.rule + "]";
            write_escaped(out_, message, false);
            out_ << '\n';
        }
    }

    void finish(const Summary&) override {}

private:
    std::ostream& out_;
};

} // namespace

std::unique_ptr<Sink> make_github_sink(std::ostream& out, SinkOptions) {
    return std::make_unique<GithubSink>(out);
}

} // namespace translint
