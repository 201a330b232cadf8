// Kind `foreign-language`: a phrase left in another language written in the same script, such as
// an English sentence in an Italian article. A run of lower-case words that a foreign Hunspell
// dictionary knows and the document's does not is what a translation skipped; loanwords stand
// alone, so a run must be several words long. Quoted text passes: it is a title or a quotation.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "spell/hunspell_backend.hpp"
#include "text/unicode.hpp"

#include <set>

namespace translint {
namespace {

class ForeignLanguageRule final : public Rule {
public:
    ForeignLanguageRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        native_ = &resources.dictionary(options.string("dictionary"));
        const YAML::Node foreign = options.get("foreign");
        for (const std::string& name : options.strings("foreign"))
            foreign_.push_back(&resources.dictionary(name));
        if (foreign_.empty()) options.fail(foreign ? foreign : s.options, "'foreign' is required");
        min_words_ = options.count("min_words", min_words_);
        for (const std::string& marker : options.strings("markers"))
            markers_.insert(marker);
        if (markers_.empty()) options.fail(s.options, "'markers' is required");
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        const auto& tokens = context.words();
        auto word = [&](std::size_t i) {
            return text.substr(tokens[i].span.offset, tokens[i].span.length);
        };
        auto joined = [&](std::size_t left, std::size_t right) {
            return only_spaces(text, tokens[left].span.end(), tokens[right].span.offset);
        };
        // A phrase of another language nearly always holds one of its commonest words (the,
        // of, and): runs are grown from those, so the dictionaries see only their neighbours.
        std::size_t checked_to = 0; // tokens before this one belong to a run already reported
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (i < checked_to || !markers_.count(word(i)) || !foreign(word(i))) continue;
            std::size_t first = i, last = i;
            while (first > checked_to && joined(first - 1, first) && foreign(word(first - 1)))
                --first;
            while (last + 1 < tokens.size() && joined(last, last + 1) && foreign(word(last + 1)))
                ++last;
            checked_to = last + 1;
            if (last + 1 - first < min_words_) continue;
            const text::Span run{tokens[first].span.offset,
                                 tokens[last].span.end() - tokens[first].span.offset};
            // Inside quotation marks or parentheses: a title or a quotation.
            static constexpr Enclosure enclosures[] = {
                {"“", "”"}, {"«", "»"}, {"\"", ""}, {"(", ")"}};
            if (enclosed(text, run.offset, enclosures)) continue;
            Diagnostic d = diagnose(context, run);
            d.message = "'" + std::string(text.substr(run.offset, run.length)) +
                        "' reads as another language, left untranslated";
            out.push_back(std::move(d));
        }
    }

private:
    // A lower-case word of the foreign language that is no word of the document's.
    bool foreign(std::string_view word) const {
        if (word.size() < 2 ||
            !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            return false;
        if (native_->spell(word)) return false;
        for (const spell::Dictionary* dictionary : foreign_)
            if (dictionary->spell(word)) return true;
        return false;
    }

    static bool only_spaces(std::string_view text, std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            if (text[i] != ' ') return false;
        return true;
    }

    const spell::Dictionary* native_ = nullptr;
    std::vector<const spell::Dictionary*> foreign_;
    std::size_t min_words_ = 4;
    std::set<std::string, std::less<>> markers_; // the foreign language's commonest words
};

} // namespace

std::unique_ptr<Rule> make_foreign_language_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<ForeignLanguageRule>(std::move(spec), resources);
}

} // namespace translint
