// Kind `broken-number`: one number cut in two where a translator or a converter broke the line
// or the paragraph ("15.\n\n000", "3,\n1 milioni"), or put a space after its grouping separator
// ("15. 000"). The fix is the number joined, with the break removed.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "text/number_conventions.hpp"

#include <re2/re2.h>

namespace translint {
namespace {

class BrokenNumberRule final : public Rule {
public:
    BrokenNumberRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec))
        , conventions_(text::number_conventions(
              this->spec().language.empty() ? std::string("en") : this->spec().language)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        // Digits, a separator, a gap with a line break or only blanks, and digits.
        static const RE2 split(R"(((?:\d{1,3}(?:[.,]\d{3})*))([.,])([ \t]*(?:\r?\n[ \t]*)*)(\d+))");
        for_each_match(split, text, [&](const std::vector<std::string_view>& groups) {
            const std::string_view left = groups[1], separator = groups[2], gap = groups[3],
                                   right = groups[4];
            const std::string_view whole = groups[0];
            const std::size_t start = static_cast<std::size_t>(whole.data() - text.data());
            if (!broken(text, start, whole.size(), separator, gap, right)) return;
            const std::string joined =
                std::string(left) + std::string(separator) + std::string(right);
            Diagnostic d = diagnose(context, {start, whole.size()}, {joined}, true);
            std::string shown;
            for (char c : whole)
                shown += c == '\n'   ? std::string("⏎")
                         : c == '\r' ? std::string()
                                     : std::string(1, c);
            d.message = "'" + shown + "' is one number split by " +
                        (gap.find('\n') != std::string_view::npos ? "a line break" : "a space") +
                        "; write '" + joined + "'";
            out.push_back(std::move(d));
        });
    }

private:
    // A real break inside one number: not two numbers that happen to meet (a list, a sentence
    // ending in a number, a time).
    bool broken(std::string_view text, std::size_t start, std::size_t length,
                std::string_view separator, std::string_view gap, std::string_view right) const {
        if (gap.empty()) return false; // an unbroken number
        if (start > 0) {
            const char before = text[start - 1];
            if (std::isalnum(static_cast<unsigned char>(before)) || before == '.' || before == ',')
                return false; // part of a code, a version, a date or a longer number
        }
        const std::size_t end = start + length;
        if (end < text.size()) {
            const char after = text[end];
            if (std::isalnum(static_cast<unsigned char>(after))) return false;
            if ((after == '.' || after == ',') && end + 1 < text.size() &&
                std::isdigit(static_cast<unsigned char>(text[end + 1])))
                return false;
        }
        const bool line_break = gap.find('\n') != std::string_view::npos;
        if (separator == conventions_.grouping) return right.size() == 3; // 15.000
        // A decimal part after a space is a list ("2, 5 e 7"); after a line break, a number cut.
        if (separator == conventions_.decimal) return line_break && right.size() <= 3;
        return false;
    }

    text::NumberConventions conventions_;
};

} // namespace

std::unique_ptr<Rule> make_broken_number_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<BrokenNumberRule>(std::move(spec), resources);
}

} // namespace translint
