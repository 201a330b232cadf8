// Kind `untranslated` (bilingual): a translation unit left untranslated. Option `check` picks
// one of: `empty` (no translation at all), `identical` (the translation repeats the source),
// `source-run` (a long run of the source's own words inside the translation), `review` (the
// tool or the translator marked the translation fuzzy or in need of review).
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

#include <unordered_map>

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
        const auto& tokens = context.words();
        const std::vector<std::size_t> source_words = word_hashes(source, text::words(source));
        const std::vector<std::size_t> target_words = word_hashes(target, tokens);
        const std::size_t n = min_words_;
        if (n == 0 || source_words.size() < n) return;
        // Where each run of n source words starts, filed by the run's hash; a run that repeats
        // more than a few times is boilerplate, and its first places are enough.
        constexpr std::size_t places_kept = 8;
        std::unordered_map<std::size_t, std::vector<std::size_t>> starts;
        for (std::size_t s = 0; s + n <= source_words.size(); ++s) {
            std::vector<std::size_t>& places = starts[run_hash(source_words, s, n)];
            if (places.size() < places_kept) places.push_back(s);
        }
        // A copied run is followed at most this far, so repetitive text stays linear.
        constexpr std::size_t longest_followed = 256;
        for (std::size_t t = 0; t + n <= target_words.size();) {
            std::size_t longest = 0;
            if (const auto found = starts.find(run_hash(target_words, t, n)); found != starts.end())
                for (std::size_t s : found->second) {
                    std::size_t length = 0;
                    while (t + length < target_words.size() && s + length < source_words.size() &&
                           length < longest_followed &&
                           target_words[t + length] == source_words[s + length])
                        ++length;
                    longest = std::max(longest, length);
                }
            std::size_t prose = 0;
            for (std::size_t i = t; i < t + longest; ++i)
                prose += is_prose(target.substr(tokens[i].span.offset, tokens[i].span.length));
            if (longest >= n && prose * 2 > longest) {
                const std::size_t begin = tokens[t].span.offset;
                out.push_back(
                    diagnose(context, {begin, tokens[t + longest - 1].span.end() - begin}));
                t += longest;
            } else {
                ++t;
            }
        }
    }

    // Each word lower-cased and hashed: runs compare as numbers.
    static std::vector<std::size_t> word_hashes(std::string_view text,
                                                const std::vector<text::Token>& words) {
        std::vector<std::size_t> hashes;
        for (const text::Token& token : words)
            hashes.push_back(std::hash<std::string>{}(
                text::to_lower(text.substr(token.span.offset, token.span.length))));
        return hashes;
    }

    static std::size_t run_hash(const std::vector<std::size_t>& words, std::size_t from,
                                std::size_t length) {
        std::size_t hash = 0;
        for (std::size_t i = from; i < from + length; ++i)
            hash = hash * 1000003 ^ words[i];
        return hash;
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
