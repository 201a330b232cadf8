// Kind `end-punctuation` (bilingual): the translation ends with other punctuation than its
// source: a question turned into a statement, a full stop lost or added. Closing quotes and
// brackets are looked through, and each script's own marks count as the same (? and ？).
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

namespace translint {
namespace {

// The final punctuation mark of a text as one of ".?!:…", or 0 when it ends otherwise, with its
// byte span.
std::pair<char, text::Span> final_mark(std::string_view text) {
    std::size_t end = text.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return {0, {}};
    ++end;
    // Closing quotes and brackets are the source's business and the translation's style.
    for (bool skipped = true; skipped;) {
        skipped = false;
        for (std::string_view closing : {"\"", "'", ")", "]", "»", "”", "’", "」"})
            if (std::string_view(text.substr(0, end)).ends_with(closing)) {
                end -= closing.size();
                skipped = true;
            }
    }
    const std::string_view head = text.substr(0, end);
    static const std::pair<std::string_view, char> marks[] = {
        {"...", '.'}, {"…", '.'},  {"?", '?'}, {"？", '?'}, {"!", '!'}, {"！", '!'},
        {".", '.'},   {"。", '.'}, {":", ':'}, {"：", ':'}, {";", ';'}};
    for (const auto& [mark, kind] : marks)
        if (head.ends_with(mark)) return {kind, {end - mark.size(), mark.size()}};
    return {0, {end, 0}};
}

class EndPunctuationRule final : public Rule {
public:
    EndPunctuationRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping(s.file, s.options, "the options of '" + s.id + "'").finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (!context.source() || context.text().empty()) return;
        const auto [source_mark, source_span] = final_mark(*context.source());
        const auto [target_mark, target_span] = final_mark(context.text());
        if (source_mark == target_mark) return;
        // Italian and English headlines drop the full stop a source sentence has, and back.
        if ((source_mark == '.' && target_mark == 0) || (source_mark == 0 && target_mark == '.'))
            if (text::count_code_points(context.text()) < 60) return;
        const std::string_view source = *context.source();
        Diagnostic d = diagnose(context, target_span);
        d.message =
            "the translation ends with '" +
            std::string(target_mark ? context.text().substr(target_span.offset, target_span.length)
                                    : "no punctuation") +
            "' and the source with '" +
            std::string(source_mark ? source.substr(source_span.offset, source_span.length)
                                    : "no punctuation") +
            "'";
        out.push_back(std::move(d));
    }
};

} // namespace

std::unique_ptr<Rule> make_end_punctuation_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<EndPunctuationRule>(std::move(spec), resources);
}

} // namespace translint
