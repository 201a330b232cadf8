// Kind `mixed-script`: a word that mixes writing systems, such as a Cyrillic "о" inside a Latin
// word (Mоsca): invisible to a reader, fatal to search and to spell checking. The suggestion
// swaps each odd letter for the Latin one it looks like (ICU's confusables data).
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/scripts.hpp"
#include "text/unicode.hpp"

#include <map>

namespace translint {
namespace {

class MixedScriptRule final : public Rule {
public:
    MixedScriptRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        for (const text::Token& token : context.words()) {
            if (token.kind != text::TokenKind::word) continue;
            const std::string_view word = text.substr(token.span.offset, token.span.length);
            // Plain ASCII is one script: the common case costs a scan.
            if (text::is_ascii(word)) continue;
            const std::u32string letters = text::to_u32(word);
            if (std::all_of(letters.begin(), letters.end(), text::plainly_latin)) continue; // città
            std::map<int, std::size_t> count;
            for (char32_t c : letters)
                if (const int script = text::script_of(c); script >= 0) ++count[script];
            if (count.size() < 2) continue;
            int main = count.begin()->first;
            for (const auto& [script, n] : count)
                if (n > count[main]) main = script;
            report(context, token.span, letters, main, count, out);
        }
    }

private:
    void report(const SegmentContext& context, text::Span span, const std::u32string& letters,
                int main, const std::map<int, std::size_t>& count,
                std::vector<Diagnostic>& out) const {
        std::string odd, others;
        std::u32string fixed;
        bool fixable = main == text::latin_script;
        for (char32_t c : letters) {
            const int script = text::script_of(c);
            if (script < 0 || script == main) {
                fixed += c;
                continue;
            }
            if (odd.empty())
                odd = text::from_u32(std::u32string(1, c)) + " is " + text::script_name(script);
            const std::string latin = fixable ? text::latin_lookalike(c) : "";
            if (latin.empty()) fixable = false;
            fixed += text::to_u32(latin);
        }
        for (const auto& [script, n] : count)
            if (script != main) others += (others.empty() ? "" : ", ") + text::script_name(script);
        const std::string word = text::from_u32(letters);
        std::vector<std::string> suggestions;
        if (fixable) suggestions.push_back(text::from_u32(fixed));
        Diagnostic d = diagnose(context, span, suggestions, fixable);
        d.message = "'" + word + "' mixes " + text::script_name(main) + " letters with " + others +
                    " ones (" + odd + ")" +
                    (fixable ? "; write '" + suggestions.front() + "'" : "");
        out.push_back(std::move(d));
    }
};

} // namespace

std::unique_ptr<Rule> make_mixed_script_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<MixedScriptRule>(std::move(spec), resources);
}

} // namespace translint
