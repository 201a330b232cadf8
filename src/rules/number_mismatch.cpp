// Kind `number-mismatch` (bilingual): every number of the source must reach the translation with
// its value. Each side is read with its own language's conventions, and with the other
// convention too, so 15,000 and 15.000 agree while 15,000 and 1.500 do not. Scale words
// (15 тисяч = 15.000, 1,5 млн = 1,5 milioni), number words (три = 3 = tre), clock times
// (10:30 = 10.30), dates split into their parts and decades (1990s = anni '90) agree too.
// Option `report`: `changed` flags a translation number with no partner in the source, when
// the source has a number left over; `missing` flags a source number the translation lacks.
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/number_conventions.hpp"
#include "text/unicode.hpp"

#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace translint {
namespace {

// A number as written, and the values it may stand for.
struct Mention {
    text::Span span;
    std::set<double> values;
    bool spelled = false; // a number word: a partner, never required
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Separators that may stand between the digits of one number.
std::size_t separator_length(std::string_view text, std::size_t at) {
    for (std::string_view separator : {".", ",", "'", " ", "\u00A0", "\u202F", ":"})
        if (text.substr(at).starts_with(separator)) return separator.size();
    return 0;
}

struct Piece {
    std::string_view digits;
    std::string_view separator_before; // empty for the first
};

// The value of `pieces` with `decimal` as the decimal separator (empty: none) and every other
// separator grouping thousands; nullopt when the pieces do not group that way.
std::optional<double> value_of(const std::vector<Piece>& pieces, std::string_view decimal,
                               bool spaces_group) {
    double value = 0;
    bool seen_decimal = false;
    double scale = 1;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& piece = pieces[i];
        const std::string_view separator = piece.separator_before;
        if (i > 0 && separator == decimal && !seen_decimal) {
            seen_decimal = true;
            for (char c : piece.digits)
                value += (c - '0') * (scale /= 10);
            continue;
        }
        if (seen_decimal || separator == ":") return std::nullopt;
        const bool space = separator == " " || separator == "\u00A0" || separator == "\u202F";
        if (i > 0 && ((space && !spaces_group && separator == " ") || piece.digits.size() != 3 ||
                      pieces[0].digits.size() > 3 || pieces[0].digits.starts_with('0')))
            return std::nullopt;
        for (char c : piece.digits)
            value = value * 10 + (c - '0');
    }
    return value;
}

// The value of a run of digits; a run too long for a double's precision is still one number.
double digits_value(std::string_view digits) {
    double value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

constexpr double clock_base = 1e15; // clock times are kept apart from plain numbers

class NumberReader {
public:
    NumberReader(const std::map<std::string, double>& scales, std::string_view language)
        : scales_(scales)
        , words_(text::number_words(std::string(language)))
        , spaces_group_(language.empty() ||
                        text::number_conventions(std::string(language)).grouping != ".") {}

    std::vector<Mention> read(std::string_view text) const {
        std::vector<Mention> found;
        for (const text::Token& token : text::words(text)) {
            if (token.kind != text::TokenKind::word) continue;
            const std::string word =
                text::to_lower(text.substr(token.span.offset, token.span.length));
            if (auto known = words_.find(word); known != words_.end())
                found.push_back({token.span, {double(known->second)}, true});
        }
        for (std::size_t i = 0; i < text.size();) {
            if (!is_digit(text[i])) {
                ++i;
                continue;
            }
            std::vector<Piece> pieces;
            std::size_t end = i;
            std::string_view separator;
            while (true) {
                std::size_t digits_end = end;
                while (digits_end < text.size() && is_digit(text[digits_end]))
                    ++digits_end;
                pieces.push_back({text.substr(end, digits_end - end), separator});
                end = digits_end;
                const std::size_t length = separator_length(text, end);
                if (length == 0 || end + length >= text.size() || !is_digit(text[end + length]))
                    break;
                separator = text.substr(end, length);
                end += length;
            }
            add(text, i, end, pieces, found);
            i = end;
        }
        std::sort(found.begin(), found.end(),
                  [](const Mention& a, const Mention& b) { return a.span.offset < b.span.offset; });
        return found;
    }

private:
    void add(std::string_view text, std::size_t begin, std::size_t end,
             const std::vector<Piece>& pieces, std::vector<Mention>& found) const {
        Mention mention{{begin, end - begin}, {}};
        for (std::string_view decimal : {"", ".", ","})
            if (auto value = value_of(pieces, decimal, spaces_group_))
                mention.values.insert(*value);
        // A time of day: hours of one or two digits, so that they fit an int.
        if (pieces.size() == 2 && pieces[0].digits.size() <= 2 && pieces[1].digits.size() == 2 &&
            (pieces[1].separator_before == ":" || pieces[1].separator_before == ".")) {
            const int hours = int(digits_value(pieces[0].digits));
            const int minutes = int(digits_value(pieces[1].digits));
            if (hours < 24 && minutes < 60)
                mention.values.insert(clock_base + hours * 60 + minutes);
        }
        if (mention.values.empty()) {
            // A date (05.03.2022) or a code: each part is a number of its own.
            for (const Piece& piece : pieces) {
                const std::size_t at = piece.digits.data() - text.data();
                found.push_back({{at, piece.digits.size()}, {digits_value(piece.digits)}});
            }
            return;
        }
        scale(text, end, mention.values);
        found.push_back(std::move(mention));
    }

    // "15 тисяч", "1,5 milioni", "$5bn", "1990s": the values the words after a number give it.
    void scale(std::string_view text, std::size_t end, std::set<double>& values) const {
        const bool hyphen = end < text.size() && text[end] == '-';
        std::size_t word = end;
        if (hyphen || (word < text.size() && text[word] == ' '))
            ++word;
        else if (text.substr(word).starts_with("\u00A0"))
            word += 2;
        // A scale word is short: reading no further keeps a text without spaces linear.
        constexpr std::size_t longest_word = 32;
        std::size_t word_end = word;
        while (word_end < text.size() && word_end - word < longest_word &&
               !std::isspace(static_cast<unsigned char>(text[word_end])) &&
               !std::ispunct(static_cast<unsigned char>(text[word_end])))
            ++word_end;
        const std::string next = text::to_lower(text.substr(word, word_end - word));
        const std::set<double> plain = values;
        for (const auto& [word_or_stem, factor] : scales_) {
            // "тисяч*" is a stem that any ending may follow; "m" must be the whole word.
            const bool stem = word_or_stem.ends_with('*');
            const std::string_view wanted =
                std::string_view(word_or_stem).substr(0, word_or_stem.size() - stem);
            if (!next.empty() && (stem ? next.starts_with(wanted) : next == wanted))
                for (double value : plain)
                    values.insert(value * factor);
        }
        // Twelve-hour clocks: 3pm and 3.30 p.m. are 15 and 15.30 in a 24-hour translation.
        if (next == "pm" || (next == "p" && text.substr(word_end).starts_with(".m")))
            for (double value : plain) {
                if (value >= clock_base && value < clock_base + 12 * 60)
                    values.insert(value + 12 * 60);
                else if (value >= 1 && value < 12 && value == std::floor(value))
                    values.insert(value + 12);
            }
        // A decade: 1990s, 1990-х, 90s.
        if ((next == "s" || next == "х" || next == "ті" || next == "е") && word == end + hyphen)
            for (double value : plain)
                if (std::fmod(value, 10) == 0 && value >= 1000)
                    values.insert(std::fmod(value, 100));
    }

    const std::map<std::string, double>& scales_;
    std::unordered_map<std::string, int> words_;
    bool spaces_group_;
};

class NumberMismatchRule final : public Rule {
public:
    NumberMismatchRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        report_missing_ = options.choice("report", {"changed", "missing"}, "changed") == "missing";
        if (YAML::Node scales = options.get("scales")) {
            yaml::Mapping entries(s.file, scales, "'scales'");
            for (const auto& entry : scales) {
                const std::string word = yaml::scalar(s.file, entry.first, "each word in 'scales'");
                scales_[text::to_lower(word)] = entries.number(word, 1);
            }
        }
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (!context.source() || context.text().empty()) return;
        const std::vector<Mention> source =
            reader(context.source_language()).read(*context.source());
        const std::vector<Mention> target = reader(context.language()).read(context.text());
        // Each source number takes the first free translation number of one of its values:
        // the translation's numbers are filed by value, so this stays linear.
        std::vector<bool> taken(target.size(), false);
        std::unordered_map<double, std::vector<std::size_t>> by_value;
        for (std::size_t t = 0; t < target.size(); ++t)
            for (double value : target[t].values)
                by_value[value].push_back(t);
        std::unordered_map<double, std::size_t> next_free; // per value, a cursor into by_value
        std::vector<const Mention*> unmatched;
        for (const Mention& wanted : source) {
            if (wanted.spelled) continue;
            std::optional<std::size_t> first;
            for (double value : wanted.values) {
                const auto found = by_value.find(value);
                if (found == by_value.end()) continue;
                std::size_t& cursor = next_free[value];
                while (cursor < found->second.size() && taken[found->second[cursor]])
                    ++cursor;
                if (cursor < found->second.size())
                    first = std::min(first.value_or(target.size()), found->second[cursor]);
            }
            if (first)
                taken[*first] = true;
            else
                unmatched.push_back(&wanted);
        }
        std::vector<const Mention*> extra;
        for (std::size_t t = 0; t < target.size(); ++t)
            if (!taken[t] && !target[t].spelled) extra.push_back(&target[t]);
        const std::string_view source_text = *context.source();
        auto written = [&](const Mention* m) {
            return std::string(source_text.substr(m->span.offset, m->span.length));
        };
        // A changed number: a translation number without partner, and a source one left over.
        const std::size_t changed = std::min(unmatched.size(), extra.size());
        if (!report_missing_) {
            for (std::size_t i = 0; i < changed; ++i) {
                Diagnostic d = diagnose(context, extra[i]->span);
                d.message += " (the source has '" + written(unmatched[i]) + "')";
                out.push_back(std::move(d));
            }
            return;
        }
        for (std::size_t i = changed; i < unmatched.size(); ++i) {
            Diagnostic d = diagnose(context, {0, 0});
            d.message = format_message(spec().message, written(unmatched[i]), "");
            out.push_back(std::move(d));
        }
    }

private:
    const NumberReader& reader(const std::string& language) const {
        std::lock_guard lock(mutex_);
        auto found = readers_.find(language);
        if (found == readers_.end())
            found =
                readers_.emplace(language, std::make_unique<NumberReader>(scales_, language)).first;
        return *found->second;
    }

    bool report_missing_ = false;
    std::map<std::string, double> scales_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<NumberReader>> readers_;
};

} // namespace

std::unique_ptr<Rule> make_number_mismatch_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<NumberMismatchRule>(std::move(spec), resources);
}

} // namespace translint
