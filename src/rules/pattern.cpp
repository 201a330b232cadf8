// Kind `pattern`: raw RE2 patterns over the text, for typography (". . .", double spaces, a
// space before a comma). Unlike `existence`, a match may start or end anywhere. A group named
// `flag` narrows the reported span; `replacement`, an RE2 rewrite string over the match's groups
// (\1, \2...), is the suggestion for that span.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"

#include <re2/re2.h>

namespace translint {
namespace {

class PatternRule final : public Rule {
public:
    PatternRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        const YAML::Node node = options.get("pattern");
        const std::string pattern = options.string("pattern");
        RE2::Options settings;
        settings.set_log_errors(false);
        regex_ = std::make_unique<RE2>(pattern, settings);
        if (!regex_->ok()) options.fail(node, "bad pattern '" + pattern + "': " + regex_->error());
        const auto& named = regex_->NamedCapturingGroups();
        if (const auto flag = named.find("flag"); flag != named.end()) flag_group_ = flag->second;
        if (options.has("replacement")) {
            const YAML::Node replacement_node = options.get("replacement");
            replacement_ = options.string("replacement");
            std::string error;
            if (!regex_->CheckRewriteString(*replacement_, &error))
                options.fail(replacement_node, "bad replacement '" + *replacement_ + "': " + error);
        }
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        for_each_match(*regex_, text, [&](const std::vector<std::string_view>& groups) {
            const std::string_view flagged = groups[flag_group_];
            if (flagged.data() == nullptr) return;
            const text::Span span{static_cast<std::size_t>(flagged.data() - text.data()),
                                  flagged.size()};
            std::vector<std::string> suggestions;
            if (replacement_) {
                std::vector<re2::StringPiece> pieces;
                for (std::string_view g : groups)
                    pieces.emplace_back(g.data(), g.size());
                std::string rewritten;
                if (regex_->Rewrite(&rewritten, *replacement_, pieces.data(),
                                    static_cast<int>(pieces.size())))
                    suggestions.push_back(std::move(rewritten));
            }
            out.push_back(
                diagnose(context, span, std::move(suggestions), replacement_.has_value()));
        });
    }

private:
    std::unique_ptr<RE2> regex_;
    std::size_t flag_group_ = 0;
    std::optional<std::string> replacement_;
};

} // namespace

std::unique_ptr<Rule> make_pattern_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<PatternRule>(std::move(spec), resources);
}

} // namespace translint
