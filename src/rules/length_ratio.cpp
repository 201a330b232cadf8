// Kind `length-ratio` (bilingual): a translation far shorter or far longer than its source, in
// characters, which often means a sentence was dropped or one was made up. Short units vary
// more, so the bounds widen below `min_source` characters and nothing is said below `ignore_below`.
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

#include <sstream>

namespace translint {
namespace {

class LengthRatioRule final : public Rule {
public:
    LengthRatioRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        min_ratio_ = options.number("min_ratio", min_ratio_);
        max_ratio_ = options.number("max_ratio", max_ratio_);
        min_source_ = options.count("min_source", min_source_);
        ignore_below_ = options.count("ignore_below", ignore_below_);
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (!context.source() || context.text().empty()) return;
        const double source = double(text::count_code_points(*context.source()));
        const double target = double(text::count_code_points(context.text()));
        if (source < double(ignore_below_)) return;
        // Below min_source characters the bounds widen in proportion to the shortfall.
        const double widen = source < double(min_source_) ? double(min_source_) / source : 1.0;
        const double ratio = target / source;
        if (ratio >= min_ratio_ / widen && ratio <= max_ratio_ * widen) return;
        Diagnostic d = diagnose(context, {0, context.text().size()});
        std::ostringstream message;
        message << std::fixed;
        message.precision(ratio < 10 ? 1 : 0);
        message << "the translation is " << ratio << " times as long as its source";
        d.message = message.str();
        out.push_back(std::move(d));
    }

private:
    double min_ratio_ = 0.5, max_ratio_ = 2.0;
    std::size_t min_source_ = 40, ignore_below_ = 10;
};

} // namespace

std::unique_ptr<Rule> make_length_ratio_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<LengthRatioRule>(std::move(spec), resources);
}

} // namespace translint
