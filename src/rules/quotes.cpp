// Kind `quotes`: quotation marks and brackets. A paragraph must close what it opens (“ ”, « »,
// straight quotes, parentheses, square brackets), and a document should keep to one style of
// quotation marks: the styles it uses least are flagged.
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"

#include <array>

namespace translint {
namespace {

struct Pair {
    std::string_view open, close; // the same for straight quotes
    const char* name;
    bool quote; // counts as a style of quotation marks
};

constexpr std::array<Pair, 5> pairs{{{"“", "”", "“ ”", true},
                                     {"«", "»", "« »", true},
                                     {"\"", "\"", "straight quotes", true},
                                     {"(", ")", "parentheses", false},
                                     {"[", "]", "square brackets", false}}};

class QuotesRule final : public Rule {
public:
    QuotesRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        balance_ = options.boolean("balance", true);
        one_style_ = options.boolean("one_style", true);
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        struct Mark {
            std::size_t offset, pair;
            bool opening;
        };
        std::vector<Mark> marks;
        // The bytes a mark can start with: the rest of the text is skipped at once.
        static const std::array<bool, 256> starts = [] {
            std::array<bool, 256> table{};
            for (const Pair& pair : pairs)
                for (std::string_view mark : {pair.open, pair.close})
                    table[static_cast<unsigned char>(mark[0])] = true;
            return table;
        }();
        for (std::size_t i = 0; i < text.size();) {
            if (!starts[static_cast<unsigned char>(text[i])]) {
                ++i;
                continue;
            }
            bool found = false;
            for (std::size_t p = 0; p < pairs.size() && !found; ++p)
                for (const bool opening : {true, false}) {
                    const std::string_view mark = opening ? pairs[p].open : pairs[p].close;
                    if (text.compare(i, mark.size(), mark) != 0) continue;
                    if (pairs[p].open == pairs[p].close) {
                        // A straight quote opens after a space or a line start.
                        const bool opens = i == 0 ||
                                           std::isspace(static_cast<unsigned char>(text[i - 1])) ||
                                           text[i - 1] == '(';
                        marks.push_back({i, p, opens});
                    } else if (!(!opening && list_marker(text, i))) {
                        marks.push_back({i, p, opening});
                    }
                    i += mark.size();
                    found = true;
                    break;
                }
            if (!found) ++i;
        }
        if (balance_) check_balance(context, marks, out);
        if (one_style_) check_style(context, marks, out);
    }

private:
    // "a)" or "1)" opening a list item: a closing mark with no opening one, on purpose.
    static bool list_marker(std::string_view text, std::size_t at) {
        if (text[at] != ')' || at == 0) return false;
        const bool single = at == 1 || std::isspace(static_cast<unsigned char>(text[at - 2]));
        return single && std::isalnum(static_cast<unsigned char>(text[at - 1]));
    }

    // Brackets close within their paragraph; a quotation may run over several paragraphs, so
    // quotation marks are matched over the document, all styles together: “…" is one quotation
    // in two styles, not two unbalanced ones.
    template <typename Marks>
    void check_balance(const SegmentContext& context, const Marks& marks,
                       std::vector<Diagnostic>& out) const {
        const std::string_view text = context.text();
        constexpr std::size_t quotes = pairs.size();     // the shared stack of quotation marks
        std::vector<std::size_t> open[pairs.size() + 1]; // marks still open, by mark index
        auto unclosed = [&](std::size_t stack) {
            for (std::size_t m : open[stack]) {
                const Pair& pair = pairs[marks[m].pair];
                report(context, marks[m].offset, pair.open.size(),
                       std::string("'") + std::string(pair.open) + "' is never closed", out);
            }
            open[stack].clear();
        };
        std::size_t line_end = 0;
        for (std::size_t m = 0; m < marks.size(); ++m) {
            const auto& mark = marks[m];
            if (mark.offset >= line_end) {
                for (std::size_t p = 0; p < pairs.size(); ++p)
                    if (!pairs[p].quote) unclosed(p);
                line_end = std::min(text.find('\n', mark.offset), text.size());
            }
            const Pair& pair = pairs[mark.pair];
            auto& stack = open[pair.quote ? quotes : mark.pair];
            if (mark.opening) {
                // A quotation that runs on reopens each paragraph without closing the last.
                if (pair.quote && !stack.empty() && starts_paragraph(text, mark.offset) &&
                    pairs[marks[stack.back()].pair].open == pair.open && pair.open != pair.close)
                    stack.pop_back();
                stack.push_back(m);
            } else if (!stack.empty()) {
                const Pair& opened = pairs[marks[stack.back()].pair];
                if (pair.quote && &opened != &pair) {
                    report(context, mark.offset, pair.close.size(),
                           "a quotation opened with '" + std::string(opened.open) +
                               "' closes with '" + std::string(pair.close) + "'",
                           out);
                    out.back().severity = Severity::info; // a matter of house style
                }
                stack.pop_back();
            } else {
                report(context, mark.offset, pair.close.size(),
                       std::string("'") + std::string(pair.close) + "' closes nothing", out);
            }
        }
        for (std::size_t stack = 0; stack <= quotes; ++stack)
            unclosed(stack);
    }

    static bool starts_paragraph(std::string_view text, std::size_t at) {
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))
            --at;
        return at == 0 || text[at - 1] == '\n';
    }

    template <typename Marks>
    void check_style(const SegmentContext& context, const Marks& marks,
                     std::vector<Diagnostic>& out) const {
        std::array<std::size_t, pairs.size()> uses{};
        for (const auto& mark : marks)
            if (pairs[mark.pair].quote && mark.opening) ++uses[mark.pair];
        std::size_t main = 0;
        for (std::size_t p = 0; p < pairs.size(); ++p)
            if (pairs[p].quote && uses[p] > uses[main]) main = p;
        for (const auto& mark : marks)
            if (pairs[mark.pair].quote && mark.pair != main && mark.opening) {
                report(context, mark.offset, pairs[mark.pair].open.size(),
                       "the document mostly quotes with " + std::string(pairs[main].name) +
                           "; this quote uses " + pairs[mark.pair].name,
                       out);
                out.back().severity = Severity::info; // a matter of house style
            }
    }

    void report(const SegmentContext& context, std::size_t offset, std::size_t length,
                std::string message, std::vector<Diagnostic>& out) const {
        Diagnostic d = diagnose(context, {offset, length});
        d.message = std::move(message);
        out.push_back(std::move(d));
    }

    bool balance_ = true, one_style_ = true;
};

} // namespace

std::unique_ptr<Rule> make_quotes_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<QuotesRule>(std::move(spec), resources);
}

} // namespace translint
