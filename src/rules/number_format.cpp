// Kind `number-format`: numbers written with another language's conventions, judged against
// ICU's locale data for the document's language: separators ("2.5 milioni" and "10,000
// persone" in Italian), the place of the currency sign ("$ 1,8 miliardi") and the space before
// a percent sign. Look-alikes pass: clock times, versions, sections, dates, IP addresses,
// phone numbers, scores and ordinals.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "text/number_conventions.hpp"
#include "text/unicode.hpp"

#include <map>
#include <re2/re2.h>
#include <set>

namespace translint {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

class NumberFormatRule final : public Rule {
public:
    NumberFormatRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec))
        , conventions_(text::number_conventions(
              this->spec().language.empty() ? std::string("en") : this->spec().language)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        for (const std::string& check : options.strings("checks")) {
            if (check != "separators" && check != "currency" && check != "percent" &&
                check != "grouping")
                options.fail(options.get("checks"),
                             "unknown check '" + check +
                                 "' (separators, currency, percent, grouping)");
            checks_.insert(check);
        }
        if (checks_.empty()) checks_ = {"separators", "currency", "percent"};
        for (const std::string& word : options.strings("reference_words"))
            reference_words_.insert(text::to_lower(word));
        for (const std::string& word : options.strings("quantity_words"))
            quantity_words_.insert(text::to_lower(word));
        currency_names_ = string_map(options, "currency_names", "a sign to its name");
        magnitudes_ = string_map(options, "magnitudes",
                                 "a magnitude word to what joins it to a currency name");
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (checks_.count("separators")) check_separators(context, out);
        if (checks_.count("currency")) check_currency(context, out);
        if (checks_.count("percent")) check_percent(context, out);
        if (checks_.count("grouping")) check_grouping(context, out);
    }

private:
    static std::map<std::string, std::string>
    string_map(yaml::Mapping& options, const std::string& key, const std::string& what) {
        std::map<std::string, std::string> out;
        const YAML::Node node = options.get(key);
        if (!node) return out;
        if (!node.IsMap()) options.fail(node, "'" + key + "' must map " + what);
        for (const auto& entry : node)
            out[yaml::scalar(options.path(), entry.first, "each key of '" + key + "'")] =
                yaml::scalar(options.path(), entry.second, "'" + key + "'");
        return out;
    }

    // The lower-case word just before `offset`, skipping spaces: "versione" in "versione 2.5".
    static std::string word_before(std::string_view text, std::size_t offset) {
        std::size_t end = offset;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            --end;
        if (end > 0 && text[end - 1] == '.') --end; // art. 2.5
        std::size_t start = end;
        while (start > 0 && !std::isspace(static_cast<unsigned char>(text[start - 1])) &&
               text[start - 1] != '(' && text[start - 1] != '"')
            --start;
        std::string_view word = text.substr(start, end - start);
        // l'art. 3.2: the elided article is not part of the word.
        for (std::string_view apostrophe : {"'", "’"})
            if (const auto at = word.rfind(apostrophe); at != std::string_view::npos)
                word.remove_prefix(at + apostrophe.size());
        return text::to_lower(word);
    }

    // The lower-case word just after `offset`, skipping one space.
    static std::string word_after(std::string_view text, std::size_t offset) {
        std::size_t start = offset;
        while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
            ++start;
        std::size_t end = start;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
               text[end] != ',' && text[end] != '.' && text[end] != ';' && text[end] != ')')
            ++end;
        return text::to_lower(text.substr(start, end - start));
    }

    // A number with separators and its neighbours: the whole token, so that dates, IP addresses
    // and versions (several separators) are seen whole.
    void check_separators(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        const std::string_view text = context.text();
        static const RE2 number(R"(\d+(?:[.,]\d+)+)");
        for_each_match(number, text, [&](const std::vector<std::string_view>& groups) {
            const std::string_view token = groups[0];
            const std::size_t start = static_cast<std::size_t>(token.data() - text.data());
            const std::size_t end = start + token.size();
            if (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) ||
                              text[start - 1] == '.' || text[start - 1] == ',' ||
                              text[start - 1] == '/' || text[start - 1] == ':'))
                return; // part of a code, a reference or a URL
            if (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) ||
                                      text[end] == '/' || text[end] == ':' || text[end] == '@'))
                return;
            if (auto fix = foreign_separators(text, start, token))
                out.push_back(diagnose(context, {start, token.size()}, {*fix}, true));
        });
    }

    // The number in the document's conventions, when `token` is written in the other ones.
    std::optional<std::string> foreign_separators(std::string_view text, std::size_t start,
                                                  std::string_view token) const {
        const char decimal = conventions_.decimal.size() == 1 ? conventions_.decimal[0] : 0;
        const char grouping = conventions_.grouping.size() == 1 ? conventions_.grouping[0] : 0;
        if (!decimal || !grouping) return std::nullopt; // spaces group the digits (French)
        // The separators and the digit runs between them.
        std::vector<std::string_view> runs;
        std::string separators;
        std::size_t from = 0;
        for (std::size_t i = 0; i <= token.size(); ++i)
            if (i == token.size() || !is_digit(token[i])) {
                runs.push_back(token.substr(from, i - from));
                if (i < token.size()) separators += token[i];
                from = i + 1;
            }
        const std::string before = word_before(text, start);
        const std::string after = word_after(text, start + token.size());
        if (reference_words_.count(before)) return std::nullopt; // versione 2.5, art. 3.2
        if (separators.size() == 1) {
            const std::string_view integer = runs[0], fraction = runs[1];
            if (separators[0] == grouping && fraction.size() != 3) {
                // 10.30 may be a time; with a quantity after it, it is a decimal.
                const bool clock = fraction.size() == 2 && integer.size() <= 2 &&
                                   std::stoi(std::string(integer)) <= 24 &&
                                   std::stoi(std::string(fraction)) < 60;
                if (clock && !quantity_words_.count(after)) return std::nullopt;
                if (fraction.size() > 2) return std::nullopt;
                return std::string(integer) + decimal + std::string(fraction);
            }
            if (separators[0] == decimal && fraction.size() == 3 && integer.size() <= 3 &&
                integer[0] != '0')
                return std::string(integer) + grouping + std::string(fraction); // 10,000
            return std::nullopt;
        }
        // 1,234,567 or 1,234.5: several groups in the other language's style.
        const bool foreign_groups = std::all_of(separators.begin(), separators.end() - 1,
                                                [&](char c) { return c == decimal; }) &&
                                    runs[0].size() <= 3 && runs[0][0] != '0' &&
                                    std::all_of(runs.begin() + 1, runs.end() - 1,
                                                [](std::string_view r) { return r.size() == 3; });
        if (!foreign_groups) return std::nullopt; // a date, an IP address, a phone number
        const char last = separators.back();
        if (last == decimal && runs.back().size() != 3) return std::nullopt;
        std::string fixed(runs[0]);
        for (std::size_t i = 1; i < runs.size(); ++i)
            fixed += (i + 1 == runs.size() && last == grouping ? decimal : grouping) +
                     std::string(runs[i]);
        return fixed;
    }

    // "$ 1,8 miliardi" in a language that writes the sign after the number, "1.8 $" in one that
    // writes it before.
    void check_currency(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        const std::string_view text = context.text();
        static const RE2 sign_first(R"((\$|€|£|¥)[ \x{00A0}]?(\d[\d.,]*)(?:[ \x{00A0}](\pL+))?)");
        static const RE2 sign_last(R"((\d[\d.,]*)[ \x{00A0}]?(\$|€|£|¥))");
        if (!conventions_.currency_first) {
            for_each_match(sign_first, text, [&](const std::vector<std::string_view>& groups) {
                const std::string_view sign = groups[1], amount = groups[2], magnitude = groups[3];
                const std::size_t start = static_cast<std::size_t>(sign.data() - text.data());
                std::string_view number = amount;
                while (!number.empty() && (number.back() == '.' || number.back() == ','))
                    number.remove_suffix(1);
                const auto joiner = magnitudes_.find(text::to_lower(magnitude));
                const bool scaled = joiner != magnitudes_.end();
                const std::size_t end =
                    static_cast<std::size_t>((scaled ? magnitude : number).data() - text.data()) +
                    (scaled ? magnitude : number).size();
                std::string fix =
                    std::string(number) + (scaled ? " " + std::string(magnitude) : "");
                const auto name = currency_names_.find(std::string(sign));
                fix += name == currency_names_.end() ? " " + std::string(sign)
                       : scaled && !joiner->second.empty()
                           ? " " + joiner->second + " " + name->second
                           : " " + name->second;
                Diagnostic d = diagnose(context, {start, end - start}, {fix}, true);
                d.message = "the currency sign goes after the amount here: write '" + fix + "'";
                out.push_back(std::move(d));
            });
        } else {
            for_each_match(sign_last, text, [&](const std::vector<std::string_view>& groups) {
                const std::string_view amount = groups[1], sign = groups[2];
                const std::size_t start = static_cast<std::size_t>(amount.data() - text.data());
                const std::size_t end =
                    static_cast<std::size_t>(sign.data() - text.data()) + sign.size();
                const std::string fix = std::string(sign) + std::string(amount);
                Diagnostic d = diagnose(context, {start, end - start}, {fix}, true);
                d.message = "the currency sign goes before the amount here: write '" + fix + "'";
                out.push_back(std::move(d));
            });
        }
    }

    // "100000 persone": a count of five digits or more, written without its thousands
    // separators. Only a count followed by a lower-case word is taken: codes, postal codes
    // (20121 Milano), phone numbers and years stand alone or before a name.
    void check_grouping(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        if (conventions_.grouping.empty()) return;
        const std::string_view text = context.text();
        static const RE2 bare(R"([1-9]\d{4,8})");
        for_each_match(bare, text, [&](const std::vector<std::string_view>& groups) {
            const std::string_view digits = groups[0];
            const std::size_t start = static_cast<std::size_t>(digits.data() - text.data());
            const std::size_t end = start + digits.size();
            if (start > 0 && !std::isspace(static_cast<unsigned char>(text[start - 1])) &&
                text[start - 1] != '(')
                return; // part of a code, a reference or a longer number
            if (end >= text.size() || text[end] != ' ') return;
            if (end + 1 >= text.size() ||
                !std::islower(static_cast<unsigned char>(text[end + 1])) ||
                reference_words_.count(word_before(text, start)))
                return;
            std::string grouped;
            for (std::size_t i = 0; i < digits.size(); ++i) {
                if (i > 0 && (digits.size() - i) % 3 == 0) grouped += conventions_.grouping;
                grouped += digits[i];
            }
            Diagnostic d = diagnose(context, {start, digits.size()}, {grouped}, true);
            d.message =
                "'" + std::string(digits) + "' is easier to read grouped: write '" + grouped + "'";
            out.push_back(std::move(d));
        });
    }

    // "25 %" where the language writes "25%" (or the reverse).
    void check_percent(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        if (conventions_.percent_spaced)
            return; // the space is a narrow no-break space: not checked
        const std::string_view text = context.text();
        static const RE2 spaced(R"((\d)([ \x{00A0}]+)%)");
        for_each_match(spaced, text, [&](const std::vector<std::string_view>& groups) {
            const std::string_view digit = groups[1], space = groups[2];
            const std::size_t start = static_cast<std::size_t>(digit.data() - text.data());
            std::size_t number_start = start;
            while (number_start > 0 &&
                   (is_digit(text[number_start - 1]) ||
                    ((text[number_start - 1] == '.' || text[number_start - 1] == ',') &&
                     number_start > 1 && is_digit(text[number_start - 2]))))
                --number_start;
            const std::string number(text.substr(number_start, start + 1 - number_start));
            const std::size_t end = start + 1 + space.size() + 1;
            Diagnostic d =
                diagnose(context, {number_start, end - number_start}, {number + "%"}, true);
            d.message = "no space before the percent sign: write '" + number + "%'";
            out.push_back(std::move(d));
        });
    }

    text::NumberConventions conventions_;
    std::set<std::string> checks_;
    std::set<std::string> reference_words_; // versione, art., capitolo: numbers that are labels
    std::set<std::string> quantity_words_;  // milioni, miliardi, per cento: numbers that count
    std::map<std::string, std::string> currency_names_; // $ -> dollari
    std::map<std::string, std::string> magnitudes_; // miliardi -> "di" (1,8 miliardi di dollari)
};

} // namespace

std::unique_ptr<Rule> make_number_format_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<NumberFormatRule>(std::move(spec), resources);
}

} // namespace translint
