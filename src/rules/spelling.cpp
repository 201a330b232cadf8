// Kind `spelling`: words the Hunspell dictionary does not know, tuned so that correct news text
// stays quiet. Names are left to the names rules: a capitalised unknown word is flagged only
// when it looks like a misspelt common word rather than a name.
#include "core/yaml_util.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "spell/hunspell_backend.hpp"
#include "text/unicode.hpp"

#include <map>
#include <re2/re2.h>
#include <set>
#include <unordered_set>

namespace translint {
namespace {

// URLs, e-mail addresses, @handles, #hashtags and bare domains are not words to spell.
constexpr const char* skip_pattern =
    R"((?i)(?:https?://|www\.)[^\s<>"'»”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+|)"
    R"(\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|it|eu|gov|edu|io|info|ru|ua|uk|de|fr|es|ch)\b)";

constexpr std::string_view typographic_apostrophe = "\u2019";
// Hunspell knows no word longer than this (its MAXWORDLEN); a longer token is no word, and the
// searches below would cost the square of its length.
constexpr std::size_t longest_word = 100;

// Hunspell dictionaries spell the apostrophe as U+0027.
std::string normalise_apostrophes(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        if (word.substr(i).starts_with(typographic_apostrophe)) {
            out += '\'';
            i += typographic_apostrophe.size();
        } else {
            out += word[i++];
        }
    }
    return out;
}

bool has_digit(std::string_view word) {
    for (char c : word)
        if (c >= '0' && c <= '9') return true;
    return false;
}

bool is_latin(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = text::next_code_point(word, i);
        if (text::is_letter(c)) return c < 0x250 || (c >= 0x1E00 && c < 0x1F00);
    }
    return false;
}

// Spelled with the letters of native Italian words and ending in a vowel, as a misspelt common
// word would be; names from other languages mostly are not.
bool looks_native(std::u32string_view lower) {
    if (lower.size() < 6) return false;
    for (char32_t c : lower) {
        const bool plain =
            c >= U'a' && c <= U'z' && c != U'j' && c != U'k' && c != U'w' && c != U'x' && c != U'y';
        if (!plain && std::u32string_view(U"àèéìíòóùú").find(c) == std::u32string_view::npos)
            return false;
    }
    return std::u32string_view(U"aeiouàèéìòù").find(lower.back()) != std::u32string_view::npos;
}

class SpellingRule final : public Rule {
public:
    SpellingRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec))
        , skip_(skip_pattern) {
        yaml::Mapping options(this->spec().file, this->spec().options,
                              "the options of '" + this->spec().id + "'");
        dictionary_ = &resources.dictionary(options.string("dictionary"));
        for (const std::string& list : options.strings("word_lists"))
            for (const std::string& word : resources.word_list(list))
                dictionary_->add(normalise_apostrophes(word));
        for (const std::string& word : resources.project_words())
            dictionary_->add(normalise_apostrophes(word));
        for (const std::string& head : options.strings("elisions"))
            elisions_.insert(text::to_lower(head));
        for (const std::string& prefix : options.strings("compound_prefixes"))
            compound_prefixes_.insert(text::to_lower(prefix));
        for (const std::string& particle : options.strings("name_particles"))
            name_particles_.insert(particle);
        for (const std::string& name : options.strings("foreign_dictionaries"))
            foreign_.push_back(&resources.dictionary(name));
        max_suggestions_ = options.count("max_suggestions", 5);
        repeat_threshold_ = options.count("report_repeats_once_from", 3);
        near_words_ = options.boolean("capitalised_near_words", true);
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::size_t first = out.size();
        check_words(context, out);
        group_repeats(first, out);
    }

    void complete(Diagnostic& diagnostic, std::string_view flagged,
                  SuggestionBudget& budget) const override {
        if (!diagnostic.suggestions.empty()) return;
        // `flagged` is the file's bytes: where markup or an entity splits the word there
        // ("li<!-- -->nk", "citt&agrave;"), a suggestion would replace the markup too, and
        // Hunspell would search for the whole span.
        if (flagged.find_first_of(" \t\r\n<>[]()\"*_`&\\") != std::string_view::npos) return;
        const std::string word = normalise_apostrophes(flagged);
        const bool capitalised = text::is_capitalised(word);
        const std::string lookup = capitalised ? text::to_lower(word) : word;
        std::vector<std::string> found = dictionary_->near_words(lookup, max_suggestions_);
        if (found.empty() && budget.take_thorough())
            found = dictionary_->suggest(lookup, max_suggestions_);
        for (const std::string& s : found)
            if (s != word) diagnostic.suggestions.push_back(capitalised ? text::capitalise(s) : s);
    }

private:
    // A word the text uses again and again (fourball, in a golf report) is a term of the story
    // rather than a slip: it is reported once, where it first appears, with its count.
    void group_repeats(std::size_t first, std::vector<Diagnostic>& out) const {
        // The message names the word, so it tells findings of the same word apart.
        std::map<std::string, std::size_t> count;
        auto flagged = [](const Diagnostic& d) { return d.message; };
        for (std::size_t i = first; i < out.size(); ++i)
            ++count[flagged(out[i])];
        std::set<std::string> reported;
        std::size_t kept = first;
        for (std::size_t i = first; i < out.size(); ++i) {
            const std::size_t n = count[flagged(out[i])];
            if (n >= repeat_threshold_) {
                if (!reported.insert(flagged(out[i])).second) continue;
                out[i].message += " (used " + std::to_string(n) + " times in the text)";
            }
            if (kept != i) out[kept] = std::move(out[i]);
            ++kept;
        }
        out.resize(kept);
    }

    void check_words(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        const std::string_view text = context.text();
        const std::vector<text::Span> skipped = find_all(skip_, text);
        auto next_skipped = skipped.begin(); // the spans are in order, and so are the tokens
        const auto& tokens = context.words();
        std::optional<std::unordered_set<std::string_view>> in_names;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].kind != text::TokenKind::word) continue;
            std::size_t last = i; // a hyphenated compound runs from token i to `last`
            while (last + 1 < tokens.size() && tokens[last + 1].kind == text::TokenKind::word &&
                   tokens[last + 1].span.offset == tokens[last].span.end() + 1 &&
                   text[tokens[last].span.end()] == '-')
                ++last;
            const text::Span whole{tokens[i].span.offset,
                                   tokens[last].span.end() - tokens[i].span.offset};
            while (next_skipped != skipped.end() && next_skipped->end() <= whole.offset)
                ++next_skipped;
            if (next_skipped != skipped.end() && next_skipped->offset < whole.end()) {
                i = last;
                continue;
            }
            if (last > i && known(text.substr(whole.offset, whole.length))) {
                i = last;
                continue;
            }
            for (std::size_t k = i; k <= last; ++k) {
                const text::Span part = tokens[k].span;
                // anti-sommossa, pre-campionato: a productive prefix before a hyphen.
                if (k < last &&
                    compound_prefixes_.count(text::to_lower(text.substr(part.offset, part.length))))
                    continue;
                check_word(context, k, in_names, out);
            }
            i = last;
        }
    }

    // Italian joins words without a hyphen too: a productive prefix before a word (supersegreta),
    // or two words (bordocampo, guardaspiaggia). Short parts join by chance (super + crete), so
    // each part must be long.
    bool closed_compound(std::string_view word) const {
        if (word.size() > 2 * longest_word) return false;
        for (std::size_t split = 1; split + 5 <= word.size(); ++split) {
            if ((static_cast<unsigned char>(word[split]) & 0xC0) == 0x80) continue; // mid-letter
            const std::string_view head = word.substr(0, split), tail = word.substr(split);
            if (compound_prefixes_.count(std::string(head))) {
                if (tail.size() >= 6 && known(tail)) return true;
            } else if (head.size() >= 5 && known(head) && known(tail)) {
                return true;
            }
        }
        return false;
    }

    // The dictionary's verdict, without copying the word when it has no typographic apostrophe.
    bool known(std::string_view word) const {
        return word.find(typographic_apostrophe) == std::string_view::npos
                   ? dictionary_->spell(word)
                   : dictionary_->spell(normalise_apostrophes(word));
    }

    // Ursula von der Leyen, Bashar al-Assad: a lower-case particle that leads to a capitalised
    // word belongs to a name.
    bool inside_name(const SegmentContext& context, std::size_t index) const {
        const auto& tokens = context.words();
        std::size_t next = index;
        while (next < tokens.size() && name_particles_.count(context.text().substr(
                                           tokens[next].span.offset, tokens[next].span.length)))
            ++next;
        if (next == index || next == tokens.size()) return false;
        const text::Span name = tokens[next].span;
        return text::is_capitalised(context.text().substr(name.offset, name.length)) &&
               name.offset - tokens[next - 1].span.end() <= 1;
    }

    // Drops elided articles and prepositions (dell', l’, quest') from the front of the word.
    text::Span strip_elisions(std::string_view text, text::Span span) const {
        for (;;) {
            const std::string_view word = text.substr(span.offset, span.length);
            std::size_t at = word.find('\'');
            std::size_t mark = 1;
            if (const std::size_t curly = word.find(typographic_apostrophe); curly < at) {
                at = curly;
                mark = typographic_apostrophe.size();
            }
            if (at == std::string_view::npos || at == 0 || at + mark >= word.size()) return span;
            const std::string head(word.substr(0, at));
            if (!elisions_.count(text::to_lower(head)) && !dictionary_->spell(head + "'"))
                return span;
            span = {span.offset + at + mark, span.length - at - mark};
        }
    }

    void check_word(const SegmentContext& context, std::size_t index,
                    std::optional<std::unordered_set<std::string_view>>& in_names,
                    std::vector<Diagnostic>& out) const {
        const text::Span token = context.words()[index].span;
        const std::string_view text = context.text();
        // Elided words are stripped first: a token such as dell'attuale is rarely in the
        // dictionary whole, and every miss costs Hunspell a full affix search.
        const text::Span span = strip_elisions(text, token);
        const std::string_view word = text.substr(span.offset, span.length);
        if (known(word) || has_digit(word) || !is_latin(word) || inside_name(context, index))
            return;
        const std::string normal = normalise_apostrophes(word);
        if (text::is_all_caps(word) || text::has_inner_capital(word)) return;
        if (span.offset != token.offset && known(text.substr(token.offset, token.length))) return;
        const std::string_view after = text.substr(span.end());
        // An elision before a quote (dall’“un per cento”) or an abbreviation with its dot (vs.).
        if ((after.starts_with('\'') || after.starts_with(typographic_apostrophe)) &&
            elisions_.count(text::to_lower(normal)))
            return;
        if (after.starts_with('.') && dictionary_->spell(normal + ".")) return;
        // Words of another language are the untranslated-text rules' concern, not misspellings.
        for (const spell::Dictionary* foreign : foreign_)
            if (foreign->spell(normal)) return;
        if (!text::is_capitalised(word)) {
            if (!closed_compound(normal)) out.push_back(diagnose(context, span));
        } else if (near_words_) {
            if (auto common = misspelt_common_word(context, span, normal, in_names))
                out.push_back(diagnose(context, span, {std::move(*common)}));
        }
    }

    // A capitalised unknown word is a misspelt common word, not a name, when it stands alone in
    // the middle of a sentence, is never part of a multi-word name in the text, looks like a
    // native word, and becomes a dictionary word once a doubled consonant or the final vowel is
    // corrected, the way machine translation garbles endings (Apologette for apologeta). Returns
    // that word, capitalised, or nothing.
    std::optional<std::string>
    misspelt_common_word(const SegmentContext& context, text::Span span, const std::string& word,
                         std::optional<std::unordered_set<std::string_view>>& in_names) const {
        if (word.size() > longest_word) return std::nullopt;
        const std::u32string lower = text::to_u32(text::to_lower(word));
        if (!looks_native(lower) || context.starts_sentence(span.offset)) return std::nullopt;
        if (!in_names) in_names = capitalised_runs(context);
        if (in_names->count(context.text().substr(span.offset, span.length))) return std::nullopt;
        std::vector<std::u32string> stems{lower};
        for (std::size_t i = 1; i < lower.size(); ++i)
            if (lower[i] == lower[i - 1] &&
                std::u32string_view(U"aeiou").find(lower[i]) == std::u32string_view::npos)
                stems.push_back(lower.substr(0, i) + lower.substr(i + 1));
        for (const std::u32string& stem : stems) {
            for (char32_t ending : std::u32string_view(U"aeio")) {
                std::u32string candidate = stem;
                candidate.back() = ending;
                if (candidate == lower) continue;
                const std::string utf8 = text::from_u32(candidate);
                if (dictionary_->spell(utf8)) return text::capitalise(utf8);
            }
        }
        return std::nullopt;
    }

    // Capitalised words that stand next to another capitalised word somewhere in the segment
    // (Sergio Mattarella), which marks them as names wherever else they appear.
    static std::unordered_set<std::string_view> capitalised_runs(const SegmentContext& context) {
        const std::string_view text = context.text();
        const auto& tokens = context.words();
        std::unordered_set<std::string_view> names;
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
            const std::string_view a = text.substr(tokens[i].span.offset, tokens[i].span.length);
            const std::string_view b =
                text.substr(tokens[i + 1].span.offset, tokens[i + 1].span.length);
            const std::string_view gap =
                text.substr(tokens[i].span.end(), tokens[i + 1].span.offset - tokens[i].span.end());
            if (gap.find_first_not_of(" -") == std::string_view::npos && text::is_capitalised(a) &&
                text::is_capitalised(b)) {
                names.insert(a);
                names.insert(b);
            }
        }
        return names;
    }

    spell::Dictionary* dictionary_ = nullptr;
    RE2 skip_;
    std::vector<const spell::Dictionary*> foreign_;
    std::set<std::string> elisions_;
    std::set<std::string> compound_prefixes_;
    std::set<std::string, std::less<>> name_particles_;
    std::size_t max_suggestions_ = 5;
    std::size_t repeat_threshold_ = 3;
    bool near_words_ = true;
};

} // namespace

std::unique_ptr<Rule> make_spelling_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<SpellingRule>(std::move(spec), resources);
}

} // namespace translint
