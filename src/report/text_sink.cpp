// The text format reads like a compiler's: "path:line:col: severity: message [rule]", the
// source line, and the span underlined.
#include "report/sinks.hpp"
#include "text/unicode.hpp"

#include <algorithm>

namespace translint {
namespace {

constexpr const char* reset = "\x1b[0m";
constexpr const char* bold = "\x1b[1m";

const char* colour_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "\x1b[1;31m";
    case Severity::warning:
        return "\x1b[1;33m";
    case Severity::info:
        return "\x1b[1;36m";
    }
    return "";
}

constexpr std::size_t context_width = 40; // code points shown on each side of a span

// `count` code points of `line` from code point `first` on, tabs shown as spaces so that the
// underline stays aligned.
std::string code_points(std::string_view line, std::size_t first, std::size_t count) {
    std::size_t begin = 0;
    for (std::size_t skipped = 0; skipped < first && begin < line.size(); ++skipped)
        text::next_code_point(line, begin);
    std::size_t end = begin;
    for (std::size_t taken = 0; taken < count && end < line.size(); ++taken)
        text::next_code_point(line, end);
    std::string out(line.substr(begin, end - begin));
    std::replace(out.begin(), out.end(), '\t', ' ');
    return out;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class TextSink final : public Sink {
public:
    TextSink(std::ostream& out, SinkOptions options)
        : out_(out)
        , color_(options.color) {}

    void file(const Document& document, const std::string&,
              const std::vector<Diagnostic>& diagnostics) override {
        for (const Diagnostic& d : diagnostics) {
            const Position start = document.position(d.offset);
            const Position end = document.position(d.offset + d.length);
            out_ << paint(bold) << document.path() << ':' << start.line << ':' << start.column
                 << ':' << paint(reset) << ' ' << paint(colour_of(d.severity))
                 << to_string(d.severity) << ':' << paint(reset) << ' ' << d.message << " ["
                 << d.rule << "]\n";
            const std::string_view line = document.line_text(start.line);
            const std::string number = std::to_string(start.line);
            const std::size_t width = text::count_code_points(line);
            const std::size_t last = end.line == start.line ? end.column : width + 1;
            // News paragraphs are long lines: show a window of context around the span.
            const std::size_t first_shown =
                start.column > context_width ? start.column - context_width : 1;
            const std::size_t last_shown = std::min(width + 1, last + context_width);
            const bool cut_before = first_shown > 1, cut_after = last_shown <= width;
            out_ << ' ' << number << " | " << (cut_before ? "…" : "")
                 << code_points(line, first_shown - 1, last_shown - first_shown)
                 << (cut_after ? "…" : "") << '\n';
            out_ << ' ' << std::string(number.size(), ' ') << " | "
                 << std::string(start.column - first_shown + (cut_before ? 1 : 0), ' ')
                 << paint(colour_of(d.severity))
                 << std::string(std::max<std::size_t>(last - start.column, 1), '^') << paint(reset)
                 << '\n';
            if (!d.suggestions.empty()) {
                out_ << ' ' << std::string(number.size(), ' ') << " = suggestion"
                     << (d.suggestions.size() > 1 ? "s" : "") << ": ";
                for (std::size_t i = 0; i < d.suggestions.size(); ++i)
                    out_ << (i ? ", " : "") << d.suggestions[i];
                out_ << '\n';
            }
        }
    }

    void finish(const Summary& summary) override {
        out_ << plural(summary.errors, "error") << ", " << plural(summary.warnings, "warning")
             << ", " << plural(summary.infos, "info") << " in " << plural(summary.files, "file");
        if (summary.in_baseline) out_ << " (" << summary.in_baseline << " more in the baseline)";
        out_ << '\n';
    }

private:
    const char* paint(const char* code) const { return color_ ? code : ""; }

    std::ostream& out_;
    bool color_;
};

} // namespace

std::unique_ptr<Sink> make_text_sink(std::ostream& out, SinkOptions options) {
    return std::make_unique<TextSink>(out, options);
}

} // namespace translint
