// The JSON report: one document, exactly the contract in README.md. It is written as the files
// arrive, so memory stays flat however many files a run checks.
#include "report/json_text.hpp"
#include "report/sinks.hpp"

namespace translint {
namespace {

using report::write_json_string;

class JsonSink final : public Sink {
public:
    explicit JsonSink(std::ostream& out)
        : out_(out) {
        out_ << "{\n  \"tool\": {\"name\": \"translint\", \"version\": \"" TRANSLINT_VERSION
                "\"},\n  \"files\": [";
    }

    void file(const Document& document, const std::string& language,
              const std::vector<Diagnostic>& diagnostics) override {
        out_ << (files_++ ? ",\n" : "\n") << "    {\"path\": ";
        write_json_string(out_, document.path());
        out_ << ", \"language\": ";
        write_json_string(out_, language);
        out_ << ",\n     \"diagnostics\": [";
        for (std::size_t i = 0; i < diagnostics.size(); ++i) {
            const Diagnostic& d = diagnostics[i];
            const Position start = document.position(d.offset);
            const Position end = document.position(d.offset + d.length);
            out_ << (i ? ",\n" : "\n") << "       {\"rule\": ";
            write_json_string(out_, d.rule);
            out_ << ", \"category\": \"" << to_string(d.category) << "\", \"severity\": \""
                 << to_string(d.severity) << "\",\n        \"message\": ";
            write_json_string(out_, d.message);
            out_ << ",\n        \"offset\": " << d.offset << ", \"length\": " << d.length
                 << ", \"line\": " << start.line << ", \"column\": " << start.column
                 << ", \"end_line\": " << end.line << ", \"end_column\": " << end.column
                 << ",\n        \"text\": ";
            write_json_string(out_, std::string_view(document.bytes()).substr(d.offset, d.length));
            out_ << ", \"suggestions\": [";
            for (std::size_t k = 0; k < d.suggestions.size(); ++k) {
                if (k) out_ << ", ";
                write_json_string(out_, d.suggestions[k]);
            }
            out_ << ']';
            if (!d.fixes.empty()) {
                out_ << ",\n        \"fixes\": [";
                for (std::size_t k = 0; k < d.fixes.size(); ++k) {
                    out_ << (k ? ", " : "") << "{\"offset\": " << d.fixes[k].offset
                         << ", \"length\": " << d.fixes[k].length << ", \"replacement\": ";
                    write_json_string(out_, d.fixes[k].replacement);
                    out_ << '}';
                }
                out_ << ']';
            }
            out_ << '}';
        }
        out_ << (diagnostics.empty() ? "]}" : "\n     ]}");
    }

    void finish(const Summary& summary) override {
        out_ << (files_ ? "\n  ],\n" : "],\n") << "  \"summary\": {\"files\": " << summary.files
             << ", \"errors\": " << summary.errors << ", \"warnings\": " << summary.warnings
             << ", \"infos\": " << summary.infos << "}\n}\n";
    }

private:
    std::ostream& out_;
    std::size_t files_ = 0;
};

} // namespace

std::unique_ptr<Sink> make_json_sink(std::ostream& out, SinkOptions) {
    return std::make_unique<JsonSink>(out);
}

} // namespace translint
