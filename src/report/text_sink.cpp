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

// Text shown with tabs as spaces, so that the underline stays aligned.
std::string shown(std::string_view text) {
    std::string out(text);
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
            // News paragraphs are long lines: show a window of context around the span. It is
            // found from the span's bytes, so a long line costs no more than a short one.
            const std::string_view line = document.line_text(start.line);
            const std::string number = std::to_string(start.line);
            const std::size_t line_begin =
                line.data() ? std::size_t(line.data() - document.bytes().data()) : 0;
            // Columns start after a byte-order mark.
            const std::size_t text_begin =
                start.line == 1 && line.starts_with("\xEF\xBB\xBF") ? 3 : 0;
            auto in_line = [&](std::size_t offset, std::size_t low) {
                return std::clamp(offset, line_begin + low, line_begin + line.size()) - line_begin;
            };
            const std::size_t span_begin = in_line(d.offset, text_begin);
            const std::size_t span_end =
                end.line == start.line ? in_line(d.offset + d.length, span_begin) : line.size();
            std::size_t shown_begin = span_begin, before = 0;
            for (; before < context_width && shown_begin > text_begin; ++before)
                do
                    --shown_begin;
                while (shown_begin > text_begin &&
                       (static_cast<unsigned char>(line[shown_begin]) & 0xC0) == 0x80);
            std::size_t shown_end = span_end;
            for (std::size_t after = 0; after < context_width && shown_end < line.size(); ++after)
                text::next_code_point(line, shown_end);
            const bool cut_before = shown_begin > text_begin, cut_after = shown_end < line.size();
            const std::size_t span_width =
                text::count_code_points(line.substr(span_begin, span_end - span_begin));
            out_ << ' ' << number << " | " << (cut_before ? "…" : "")
                 << shown(line.substr(shown_begin, shown_end - shown_begin))
                 << (cut_after ? "…" : "") << '\n';
            out_ << ' ' << std::string(number.size(), ' ') << " | "
                 << std::string(before + (cut_before ? 1 : 0), ' ') << paint(colour_of(d.severity))
                 << std::string(std::max<std::size_t>(span_width, 1), '^') << paint(reset) << '\n';
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
