// Kind `foreign-script`: text left in a script the document's language does not use, such as a
// Cyrillic or Chinese sentence in an Italian article: what a translation skipped. A run inside
// quotation marks or brackets is a quoted title or an original name, and passes.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "text/scripts.hpp"
#include "text/unicode.hpp"

#include <set>

namespace translint {
namespace {

class ForeignScriptRule final : public Rule {
public:
    ForeignScriptRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        const YAML::Node scripts = options.get("scripts");
        for (const std::string& name : options.strings("scripts"))
            expected_.insert(name);
        if (expected_.empty()) options.fail(scripts ? scripts : s.options, "'scripts' is required");
        latin_expected_ = expected_.count("Latin") > 0;
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        const auto& tokens = context.words();
        std::size_t i = 0;
        while (i < tokens.size()) {
            const int script = foreign(text, tokens[i]);
            if (script < 0) {
                ++i;
                continue;
            }
            // The run goes on over words of the same script on the same line.
            std::size_t last = i;
            for (std::size_t j = i + 1; j < tokens.size(); ++j) {
                if (text.substr(tokens[last].span.end(),
                                tokens[j].span.offset - tokens[last].span.end())
                        .find('\n') != std::string_view::npos)
                    break;
                if (tokens[j].kind == text::TokenKind::number) continue;
                if (foreign(text, tokens[j]) != script) break;
                last = j;
            }
            const text::Span run{tokens[i].span.offset,
                                 tokens[last].span.end() - tokens[i].span.offset};
            // Inside quotation marks or brackets: a quoted title or an original name.
            static constexpr Enclosure enclosures[] = {
                {"«", "»"}, {"“", "”"}, {"(", ")"}, {"[", "]"}, {"\"", ""}};
            if (!enclosed(text, run.offset, enclosures)) {
                Diagnostic d = diagnose(context, run);
                d.message = "'" + std::string(text.substr(run.offset, run.length)) + "' is in " +
                            text::script_name(script) +
                            " script, left untranslated in this language";
                out.push_back(std::move(d));
            }
            i = last + 1;
        }
    }

private:
    // The script of a word written wholly in one unexpected script, or -1.
    int foreign(std::string_view text, const text::Token& token) const {
        if (token.kind == text::TokenKind::number) return -1;
        const std::string_view word = text.substr(token.span.offset, token.span.length);
        if (text::is_ascii(word)) return -1;
        const std::u32string letters = text::to_u32(word);
        if (latin_expected_ && std::all_of(letters.begin(), letters.end(), text::plainly_latin))
            return -1; // città
        int found = -1;
        for (char32_t c : letters) {
            const int script = text::script_of(c);
            if (script < 0) continue;
            if (expected_.count(text::script_name(script)) || (found >= 0 && script != found))
                return -1; // a mixed word is the mixed-script rule's concern
            found = script;
        }
        return found;
    }

    std::set<std::string> expected_;
    bool latin_expected_ = false;
};

} // namespace

std::unique_ptr<Rule> make_foreign_script_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<ForeignScriptRule>(std::move(spec), resources);
}

} // namespace translint
