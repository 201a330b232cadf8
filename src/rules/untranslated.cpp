// Kind `untranslated` (bilingual): a translation unit left untranslated. Option `check` picks
// one of: `empty` (no translation at all), `identical` (the translation repeats the source),
// `source-run` (a long run of the source's own words inside the translation), `review` (the
// tool or the translator marked the translation fuzzy or in need of review).
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

namespace translint {
namespace {

std::string_view trimmed(std::string_view text) {
    const std::size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// A word of running prose: one that starts in lower case, as names, codes and numbers do not.
bool is_prose(std::string_view word) {
    std::size_t at = 0;
    const char32_t first = word.empty() ? 0 : text::next_code_point(word, at);
    return text::is_letter(first) && !text::is_upper(first);
}

std::size_t prose_words(std::string_view text) {
    std::size_t count = 0;
    for (const text::Token& token : text::words(text))
        count += is_prose(text.substr(token.span.offset, token.span.length));
    return count;
}

class UntranslatedRule final : public Rule {
public:
    UntranslatedRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        check_ = options.choice("check", {"empty", "identical", "source-run", "review"});
        min_words_ = options.count("min_words", min_words_);
        min_prose_words_ = options.count("min_prose_words", min_prose_words_);
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (check_ == "review") {
            if (context.segment().needs_review) out.push_back(diagnose(context, whole(context)));
            return;
        }
        if (!context.source() || trimmed(*context.source()).empty()) return;
        const std::string_view source = trimmed(*context.source());
        const std::string_view target = trimmed(context.text());
        if (check_ == "empty") {
            if (target.empty()) out.push_back(diagnose(context, {0, 0}));
        } else if (check_ == "identical") {
            if (target == source && prose_words(source) >= min_prose_words_)
                out.push_back(diagnose(context, whole(context)));
        } else if (!target.empty() && target != source) {
            source_runs(context, out);
        }
    }

private:
    static text::Span whole(const SegmentContext& context) {
        const std::string_view text = context.text();
        const std::string_view inner = trimmed(text);
        if (inner.empty()) return {0, 0}; // a fuzzy unit with no translation yet
        return {std::size_t(inner.data() - text.data()), inner.size()};
    }

    // Runs of at least min_words_ words that the translation copies from the source in order,
    // most of them prose rather than names or numbers.
    void source_runs(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        const std::string_view source = *context.source();
        const std::string_view target = context.text();
        std::vector<std::string> source_words;
        for (const text::Token& token : text::words(source))
            source_words.push_back(
                text::to_lower(source.substr(token.span.offset, token.span.length)));
        const auto& tokens = context.words();
        std::vector<std::string> target_words;
        for (const text::Token& token : tokens)
            target_words.push_back(
                text::to_lower(target.substr(token.span.offset, token.span.length)));
        for (std::size_t t = 0; t < target_words.size();) {
            std::size_t longest = 0;
            for (std::size_t s = 0; s < source_words.size(); ++s) {
                std::size_t n = 0;
                while (t + n < target_words.size() && s + n < source_words.size() &&
                       target_words[t + n] == source_words[s + n])
                    ++n;
                longest = std::max(longest, n);
            }
            std::size_t prose = 0;
            for (std::size_t i = t; i < t + longest; ++i)
                prose += is_prose(target.substr(tokens[i].span.offset, tokens[i].span.length));
            if (longest >= min_words_ && prose * 2 > longest) {
                const std::size_t begin = tokens[t].span.offset;
                out.push_back(
                    diagnose(context, {begin, tokens[t + longest - 1].span.end() - begin}));
                t += longest;
            } else {
                ++t;
            }
        }
    }

    std::string check_;
    std::size_t min_words_ = 6;
    // Two-word terms pass as loans ("standard input"); three words of prose are a sentence.
    std::size_t min_prose_words_ = 3;
};

} // namespace

std::unique_ptr<Rule> make_untranslated_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<UntranslatedRule>(std::move(spec), resources);
}

} // namespace translint
