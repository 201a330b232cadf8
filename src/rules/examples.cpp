#include "rules/examples.hpp"

#include <sstream>

namespace translint {
namespace {

std::string describe(const std::vector<Diagnostic>& found, std::string_view text) {
    std::ostringstream out;
    for (const Diagnostic& d : found)
        out << " '" << text.substr(d.offset, d.length) << "'@" << d.offset;
    return found.empty() ? " nothing" : out.str();
}

std::string failure(const RuleExample& example, const std::vector<Diagnostic>& found) {
    const std::string_view text = example.text;
    if (!example.bad) return found.empty() ? "" : "good example flagged:" + describe(found, text);
    const std::string_view expected = text.substr(example.expected.offset, example.expected.length);
    if (found.size() != 1 || found[0].offset != example.expected.offset ||
        found[0].length != example.expected.length)
        return "expected one finding at '" + std::string(expected) + "'@" +
               std::to_string(example.expected.offset) + ", found" + describe(found, text);
    if (!example.fix) return "";
    if (found[0].suggestions.empty())
        return "expected the fix '" + *example.fix + "', found no suggestion";
    std::string fixed = example.text;
    fixed.replace(found[0].offset, found[0].length, found[0].suggestions.front());
    return fixed == *example.fix ? ""
                                 : "expected the fix '" + *example.fix + "', got '" + fixed + "'";
}

} // namespace

std::vector<ExampleResult> run_examples(const Rule& rule) {
    std::vector<ExampleResult> results;
    for (const RuleExample& example : rule.spec().examples) {
        const Segment segment{example.text, OffsetMap::identity(0), example.source,
                              example.needs_review};
        const SegmentContext context(
            segment, example.language.empty() ? rule.spec().language : example.language,
            example.source_language);
        std::vector<Diagnostic> found;
        rule.check(context, found);
        SuggestionBudget budget;
        for (Diagnostic& d : found)
            rule.complete(d, std::string_view(example.text).substr(d.offset, d.length), budget);
        std::string reason = failure(example, found);
        results.push_back(
            {rule.spec().id, rule.spec().file, example.line, reason.empty(), std::move(reason)});
    }
    return results;
}

} // namespace translint
