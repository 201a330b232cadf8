// Kind `substitution`: a word, phrase or pattern with a preferred replacement, offered as a
// suggestion and a fix. All of a rule's patterns are compiled into one RE2 alternation.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

namespace translint {
namespace {

class SubstitutionRule final : public Rule {
public:
    SubstitutionRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        const bool ignore_case = options.boolean("ignore_case", false);
        const YAML::Node swap = options.get("swap");
        if (!swap || !swap.IsMap() || swap.size() == 0)
            options.fail(swap ? swap : s.options,
                         "'swap' must map each pattern to its replacement");
        std::vector<std::string> patterns;
        for (const auto& entry : swap) {
            patterns.push_back(yaml::scalar(s.file, entry.first, "a pattern"));
            replacements_.push_back(yaml::scalar(s.file, entry.second, "a replacement"));
        }
        options.finish();
        matcher_.emplace(patterns, ignore_case, s.file, yaml::line_of(swap));
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        for (const PhraseMatcher::Match& match : matcher_->find(context.text())) {
            const std::string_view found =
                context.text().substr(match.span.offset, match.span.length);
            std::string replacement = replacements_[match.alternative];
            // A sentence still starts with a capital once the replacement is in.
            if (text::is_capitalised(found) && context.starts_sentence(match.span.offset))
                replacement = text::capitalise(replacement);
            out.push_back(diagnose(context, match.span, {std::move(replacement)}, true));
        }
    }

private:
    std::optional<PhraseMatcher> matcher_;
    std::vector<std::string> replacements_;
};

} // namespace

std::unique_ptr<Rule> make_substitution_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<SubstitutionRule>(std::move(spec), resources);
}

} // namespace translint
