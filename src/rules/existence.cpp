// Kind `existence`: a word, phrase or pattern that should not appear at all. All of a rule's
// patterns are compiled into one RE2 alternation.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"

namespace translint {
namespace {

class ExistenceRule final : public Rule {
public:
    ExistenceRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        const bool ignore_case = options.boolean("ignore_case", false);
        const YAML::Node tokens = options.get("tokens");
        const std::vector<std::string> patterns = options.strings("tokens");
        unless_in_source_ = options.boolean("unless_in_source", false);
        if (patterns.empty())
            options.fail(tokens ? tokens : s.options, "'tokens' must list at least one pattern");
        options.finish();
        matcher_.emplace(patterns, ignore_case, s.file, yaml::line_of(tokens));
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        for (const PhraseMatcher::Match& match : matcher_->find(context.text())) {
            // The source's own template fields ({{name}} in both) are meant to be there.
            if (unless_in_source_ && context.source() &&
                context.source()->find(context.text().substr(
                    match.span.offset, match.span.length)) != std::string::npos)
                continue;
            out.push_back(diagnose(context, match.span));
        }
    }

private:
    std::optional<PhraseMatcher> matcher_;
    bool unless_in_source_ = false;
};

} // namespace

std::unique_ptr<Rule> make_existence_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<ExistenceRule>(std::move(spec), resources);
}

} // namespace translint
