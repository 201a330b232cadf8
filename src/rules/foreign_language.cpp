// Kind `foreign-language`: a phrase left in another language written in the same script, such as
// an English sentence in an Italian article. A run of lower-case words that a foreign Hunspell
// dictionary knows and the document's does not is what a translation skipped; loanwords stand
// alone, so a run must be several words long. Quoted text passes: it is a title or a quotation.
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "spell/hunspell_backend.hpp"
#include "text/unicode.hpp"

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
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        const auto& tokens = context.words();
        std::size_t first = 0, count = 0;
        auto close_run = [&](std::size_t end) {
            if (count >= min_words_) {
                const text::Span run{tokens[first].span.offset,
                                     tokens[end - 1].span.end() - tokens[first].span.offset};
                if (!quoted(text, run)) {
                    Diagnostic d = diagnose(context, run);
                    d.message = "'" + std::string(text.substr(run.offset, run.length)) +
                                "' reads as another language, left untranslated";
                    out.push_back(std::move(d));
                }
            }
            count = 0;
        };
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const bool joined =
                count > 0 && only_spaces(text, tokens[i - 1].span.end(), tokens[i].span.offset);
            if (count > 0 && !joined) close_run(i);
            if (foreign(text.substr(tokens[i].span.offset, tokens[i].span.length))) {
                if (count == 0) first = i;
                ++count;
            } else if (count > 0) {
                close_run(i);
            }
        }
        if (count > 0) close_run(tokens.size());
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

    // Inside quotation marks on its line.
    static bool quoted(std::string_view text, text::Span run) {
        const std::size_t newline = text.rfind('\n', run.offset);
        const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
        const std::string_view before = text.substr(line_start, run.offset - line_start);
        auto count = [&](std::string_view mark) {
            std::size_t n = 0;
            for (std::size_t at = before.find(mark); at != std::string_view::npos;
                 at = before.find(mark, at + mark.size()))
                ++n;
            return n;
        };
        return count("“") > count("”") || count("«") > count("»") || count("\"") % 2 == 1 ||
               count("(") > count(")");
    }

    const spell::Dictionary* native_ = nullptr;
    std::vector<const spell::Dictionary*> foreign_;
    std::size_t min_words_ = 4;
};

} // namespace

std::unique_ptr<Rule> make_foreign_language_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<ForeignLanguageRule>(std::move(spec), resources);
}

} // namespace translint
