// Kind `repetition`: a word or a phrase said twice in a row ("il il", "gli elettori statunitensi
// sugli elettori statunitensi"), as machine translation does when it renders one source phrase
// twice. Reduplications the language uses on purpose (via via, man mano) are options.
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

#include <cstdint>
#include <set>

namespace translint {
namespace {

class RepetitionRule final : public Rule {
public:
    RepetitionRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        for (const std::string& word : options.strings("allowed"))
            allowed_.insert(text::to_lower(word));
        for (const std::string& word : options.strings("not_between"))
            not_between_.insert(text::to_lower(word));
        max_phrase_ = options.count("max_phrase", max_phrase_);
        max_gap_ = options.count("max_gap", max_gap_);
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        std::vector<text::Span> words;
        // Words of one sentence: "…il presidente Trump. Il presidente Trump ha…" is a new
        // sentence with the same subject, not a slip.
        std::vector<std::uint32_t> sentence;
        for (const text::Token& token : context.words()) {
            const bool ends =
                !words.empty() &&
                text.substr(words.back().end(), token.span.offset - words.back().end())
                        .find_first_of("\n.!?;:") != std::string_view::npos;
            sentence.push_back(sentence.empty() ? 0 : sentence.back() + (ends ? 1 : 0));
            words.push_back(token.span); // numbers too: "di 17 anni, due di 18 anni"
        }
        auto same_sentence = [&](std::size_t from, std::size_t to) {
            return sentence[from] == sentence[to];
        };
        auto word = [&](std::size_t i) { return text.substr(words[i].offset, words[i].length); };
        std::size_t covered = 0; // words already reported as part of a repetition
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i < covered) continue;
            bool reported = false;
            // The longest phrase first: "elettori statunitensi" rather than "elettori".
            for (std::size_t n = std::min(max_phrase_, words.size() - i); n >= 1 && !reported; --n)
                for (std::size_t gap = 0; gap <= (n == 1 ? 0 : max_gap_) && !reported; ++gap) {
                    const std::size_t j = i + n + gap; // where the repeat starts
                    if (j + n > words.size() || !same_sentence(i, j + n - 1)) break;
                    if (!repeats(word, i, j, n)) continue;
                    // "Jong-in in Corea": the first is the end of a hyphenated name.
                    if (words[i].offset > 0 && text[words[i].offset - 1] == '-') continue;
                    // "Bugie, bugie": a word doubled across a comma is emphasis.
                    if (n == 1 &&
                        !blank(text.substr(words[i].end(), words[j].offset - words[i].end())))
                        continue;
                    // "X di 18 anni e Y di 18 anni": a phrase again after a conjunction is a
                    // second member of the list.
                    if (gap == 1 && not_between_.count(text::to_lower(word(i + n)))) continue;
                    report(context, words, i, j, n, out);
                    covered = j + n;
                    reported = true;
                }
        }
    }

private:
    // The same word, letter case aside; plain ASCII is compared without copying.
    static bool same_word(std::string_view a, std::string_view b) {
        const bool ascii_a = text::is_ascii(a), ascii_b = text::is_ascii(b);
        if (a.size() != b.size() && (ascii_a || ascii_b)) return false;
        if (ascii_a && ascii_b)
            return std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                return std::tolower(static_cast<unsigned char>(x)) ==
                       std::tolower(static_cast<unsigned char>(y));
            });
        return text::to_lower(a) == text::to_lower(b);
    }

    template <typename Word>
    bool repeats(const Word& word, std::size_t i, std::size_t j, std::size_t n) const {
        bool content = false;
        for (std::size_t k = 0; k < n; ++k) {
            if (!same_word(word(i + k), word(j + k))) return false;
            content = content || text::count_code_points(word(i + k)) >= 4;
        }
        if (std::isdigit(static_cast<unsigned char>(word(i)[0]))) return false; // 1 1, scores
        // A single word must be doubled on purpose to pass (via via); a phrase must carry a
        // content word, since "di un ... di un" is just Italian.
        return n == 1 ? !allowed_.count(text::to_lower(word(i))) : content;
    }

    // The repeat is flagged; when it follows at once, the fix deletes it with its space.
    void report(const SegmentContext& context, const std::vector<text::Span>& words, std::size_t i,
                std::size_t j, std::size_t n, std::vector<Diagnostic>& out) const {
        const std::string_view text = context.text();
        const text::Span repeat{words[j].offset, words[j + n - 1].end() - words[j].offset};
        const std::string phrase(text.substr(repeat.offset, repeat.length));
        const bool adjacent = j == i + n;
        const std::size_t from = words[j - 1].end();
        Diagnostic d = adjacent ? diagnose(context, {from, repeat.end() - from}, {""}, true)
                                : diagnose(context, repeat);
        d.message = "'" + phrase + "' repeats the " + (n == 1 ? "word" : "phrase") +
                    " just before it; say it once";
        out.push_back(std::move(d));
    }

    static bool blank(std::string_view gap) {
        return std::all_of(gap.begin(), gap.end(),
                           [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    }

    std::set<std::string> allowed_;     // words doubled on purpose: via via
    std::set<std::string> not_between_; // conjunctions: a phrase after one is a list member
    std::size_t max_phrase_ = 4, max_gap_ = 1;
};

} // namespace

std::unique_ptr<Rule> make_repetition_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<RepetitionRule>(std::move(spec), resources);
}

} // namespace translint
