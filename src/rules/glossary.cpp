// Kind `glossary`: the project's terminology, from the config's `glossaries:` and the rule's own
// `terms`. With `check: required` (bilingual), a concept the source names must be named in the
// translation by one of the renderings the term base gives; with `check: forbidden`, a
// rendering the term base forbids must not appear in the translation.
//
// Terms match whole words, ignoring case, across simple inflection: in Italian and English a
// word may end differently from the term's last vowel or "s" on (elezione, elezioni; election,
// elections); in Ukrainian, Russian and Belarusian its case ending may differ (вибори,
// виборів; Рада, Ради). Other languages match exactly.
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "rules/term_base.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <unordered_map>

namespace translint {
namespace {

enum class Check { required, forbidden };

enum class Inflection { none, suffixes, slavic };

Inflection inflection_of(std::string_view language) {
    const std::string primary = terms::primary_language(language);
    if (primary == "it" || primary == "en") return Inflection::suffixes;
    if (primary == "uk" || primary == "ru" || primary == "be") return Inflection::slavic;
    return Inflection::none;
}

// Italian and English: the term plus "s" or "es", or, for a term of five letters or more, the
// term less its last vowel or "s" followed by a short ending (elezion-i, polic-ies, banc-hi).
bool suffix_variant(std::u32string_view term, std::u32string_view word) {
    if (word.size() > term.size() && word.starts_with(term)) {
        const std::u32string_view ending = word.substr(term.size());
        if (ending == U"s" || ending == U"es") return true;
    }
    if (term.size() < 5) return false;
    std::u32string_view stem = term;
    if (std::u32string_view(U"aeiouys").find(term.back()) != std::u32string_view::npos)
        stem.remove_suffix(1);
    if (!word.starts_with(stem)) return false;
    static constexpr std::u32string_view endings[] = {U"",  U"a",  U"e",   U"i",  U"o",
                                                      U"s", U"es", U"ies", U"hi", U"he"};
    return std::find(std::begin(endings), std::end(endings), word.substr(stem.size())) !=
           std::end(endings);
}

// Slavic case endings: the first max(4, length - 2) letters of a term of four letters or more,
// and at most three letters more than the term. A shorter term that ends in a vowel may change
// or lose only that vowel (рада, ради; сили, сил).
bool slavic_variant(std::u32string_view term, std::u32string_view word) {
    constexpr std::u32string_view vowels = U"аеєиіїоуюяыэь";
    const auto ends_in_vowel = [&](std::u32string_view w) {
        return !w.empty() && vowels.find(w.back()) != std::u32string_view::npos;
    };
    if (term.size() >= 3 && term.size() <= 4 && ends_in_vowel(term)) {
        const std::u32string_view stem = term.substr(0, term.size() - 1);
        return word.starts_with(stem) &&
               (word.size() == stem.size() || (word.size() == term.size() && ends_in_vowel(word)));
    }
    if (term.size() < 4) return false;
    const std::size_t kept = std::max<std::size_t>(4, term.size() - 2);
    return word.size() >= kept && word.size() <= term.size() + 3 &&
           word.substr(0, kept) == term.substr(0, kept);
}

bool word_matches(std::u32string_view term, std::u32string_view word, Inflection inflection) {
    if (term == word) return true;
    switch (inflection) {
    case Inflection::suffixes:
        return suffix_variant(term, word);
    case Inflection::slavic:
        return slavic_variant(term, word);
    case Inflection::none:
        return false;
    }
    return false;
}

std::u32string lowered(std::string_view word) {
    if (!text::is_ascii(word)) return text::to_u32(text::to_lower(word));
    std::u32string out(word.begin(), word.end());
    for (char32_t& c : out)
        if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
    return out;
}

struct Word {
    text::Span span;
    std::u32string lower;
};

// The words of a text in lower case. An elided article or preposition is a word of its own
// (l'elezione is l and elezione), as are the parts of a possessive (server's).
std::vector<Word> words_of(std::string_view text, const std::vector<text::Token>& tokens) {
    std::vector<Word> words;
    for (const text::Token& token : tokens) {
        const std::string_view whole = text.substr(token.span.offset, token.span.length);
        std::size_t begin = 0;
        while (begin < whole.size()) {
            const std::size_t straight = whole.find('\'', begin);
            const std::size_t curly = whole.find("\xE2\x80\x99", begin); // ’
            const std::size_t apostrophe = std::min({straight, curly, whole.size()});
            if (apostrophe > begin)
                words.push_back({{token.span.offset + begin, apostrophe - begin},
                                 lowered(whole.substr(begin, apostrophe - begin))});
            begin = apostrophe + (apostrophe == curly ? 3 : 1);
        }
    }
    return words;
}

// Two words are neighbours in a phrase when only spaces, hyphens or apostrophes part them.
bool adjacent(std::string_view text, const Word& left, const Word& right) {
    for (std::size_t at = left.span.end(); at < right.span.offset;) {
        if (std::string_view(" \t-'").find(text[at]) != std::string_view::npos) {
            ++at;
        } else if (text.compare(at, 2, "\xC2\xA0") == 0) { // no-break space
            at += 2;
        } else if (text.compare(at, 3, "\xE2\x80\x99") == 0) { // ’
            at += 3;
        } else {
            return false;
        }
    }
    return true;
}

struct CompiledTerm {
    std::size_t concept_index;
    std::string language;
    std::string text;
    std::vector<std::u32string> words;
    bool forbidden;
};

// The index of a term by the first letters of its first word: any word that can match a term
// begins with the term's first three letters (or is all of a shorter one).
std::u32string index_key(std::u32string_view word) {
    return std::u32string(word.substr(0, 3));
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

class GlossaryRule final : public Rule {
public:
    GlossaryRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        check_ = options.choice("check", {"required", "forbidden"}) == "required"
                     ? Check::required
                     : Check::forbidden;
        terms::TermBase own;
        if (const YAML::Node node = options.get("terms")) own = read_own_terms(node);
        options.finish();
        add(resources.glossary());
        add(own);
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        // Most documents are in languages the term bases do not have: they cost no word lookups.
        if (blank(context.text()) || !has_terms_in(context.language())) return;
        if (check_ == Check::required)
            check_required(context, out);
        else
            check_forbidden(context, out);
    }

private:
    // `terms: {source_lang: en, lang: it, entries: [{source, target, forbidden, note}]}`: a
    // term list in one pair of languages; several renderings are a list or "a|b".
    terms::TermBase read_own_terms(const YAML::Node& node) const {
        const std::string& file = spec().file;
        yaml::Mapping map(file, node, "'terms'");
        const std::string source_language = map.string("source_lang");
        const std::string target_language = map.string("lang");
        const YAML::Node entries = map.get("entries");
        if (!entries || !entries.IsSequence())
            map.fail(entries ? entries : node,
                     "'entries' must list terms: {source, target, forbidden, note}");
        map.finish();
        terms::TermBase base;
        for (const YAML::Node& item : entries) {
            yaml::Mapping entry(file, item, "a term");
            terms::Concept concept_entry;
            auto take = [&](const char* key, const std::string& language, bool forbidden) {
                for (const std::string& cell : entry.strings(key))
                    for (std::string& text : terms::split_alternatives(cell))
                        concept_entry.terms.push_back({language, std::move(text), forbidden});
            };
            take("source", source_language, false);
            take("target", target_language, false);
            take("forbidden", target_language, true);
            concept_entry.note = entry.string("note", "");
            entry.finish();
            if (concept_entry.terms.empty()) entry.fail(item, "a term needs at least one word");
            base.concepts.push_back(std::move(concept_entry));
        }
        return base;
    }

    void add(const terms::TermBase& base) {
        for (const terms::Concept& entry : base.concepts) {
            const std::size_t concept_index = notes_.size();
            notes_.push_back(entry.note);
            terms_of_concept_.emplace_back();
            for (const terms::Term& term : entry.terms) {
                CompiledTerm compiled{concept_index, term.language, term.text, {}, term.forbidden};
                for (Word& word : words_of(term.text, text::words(term.text)))
                    compiled.words.push_back(std::move(word.lower));
                if (compiled.words.empty()) continue;
                // Forbidden renderings are looked up by their words; required ones through the
                // source's terms, which may be any.
                if (check_ == Check::required || term.forbidden)
                    index_[index_key(compiled.words.front())].push_back(terms_.size());
                terms_of_concept_.back().push_back(terms_.size());
                if (std::find(languages_.begin(), languages_.end(), term.language) ==
                    languages_.end())
                    languages_.push_back(term.language);
                terms_.push_back(std::move(compiled));
            }
        }
    }

    bool has_terms_in(const std::string& language) const {
        return std::any_of(languages_.begin(), languages_.end(), [&](const std::string& l) {
            return terms::language_serves(l, language);
        });
    }

    // The index of the last word of `term` when its first word is words[first].
    static std::optional<std::size_t> match_at(const CompiledTerm& term, std::string_view text,
                                               const std::vector<Word>& words, std::size_t first,
                                               Inflection inflection) {
        if (first + term.words.size() > words.size()) return std::nullopt;
        for (std::size_t k = 0; k < term.words.size(); ++k) {
            if (k > 0 && !adjacent(text, words[first + k - 1], words[first + k]))
                return std::nullopt;
            if (!word_matches(term.words[k], words[first + k].lower, inflection))
                return std::nullopt;
        }
        return first + term.words.size() - 1;
    }

    static bool appears(const CompiledTerm& term, std::string_view text,
                        const std::vector<Word>& words, Inflection inflection) {
        for (std::size_t i = 0; i < words.size(); ++i)
            if (match_at(term, text, words, i, inflection)) return true;
        return false;
    }

    const std::vector<std::size_t>& candidates(const Word& word) const {
        static const std::vector<std::size_t> none;
        const auto found = index_.find(index_key(word.lower));
        return found == index_.end() ? none : found->second;
    }

    // The renderings of a concept in `language`: the required ones, or the forbidden ones.
    std::vector<const CompiledTerm*> renderings(std::size_t concept_index,
                                                const std::string& language, bool forbidden) const {
        std::vector<const CompiledTerm*> found;
        for (std::size_t t : terms_of_concept_[concept_index])
            if (terms_[t].forbidden == forbidden &&
                terms::language_serves(terms_[t].language, language))
                found.push_back(&terms_[t]);
        return found;
    }

    std::string with_note(std::string message, std::size_t concept_index) const {
        if (!notes_[concept_index].empty()) message += " (" + notes_[concept_index] + ")";
        return message;
    }

    void check_required(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        if (!context.source() || !has_terms_in(context.source_language())) return;
        const std::string_view source = *context.source();
        const std::vector<Word> source_words = words_of(source, text::words(source));
        const Inflection source_inflection = inflection_of(context.source_language());
        struct Mention {
            std::size_t first, last, concept_index;
        };
        std::vector<Mention> mentions;
        for (std::size_t i = 0; i < source_words.size(); ++i)
            for (std::size_t t : candidates(source_words[i])) {
                const CompiledTerm& term = terms_[t];
                if (!terms::language_serves(term.language, context.source_language())) continue;
                if (const auto last = match_at(term, source, source_words, i, source_inflection))
                    mentions.push_back({i, *last, term.concept_index});
            }
        // A longer mention hides the shorter ones inside it: "web server" is not "server".
        std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
            return a.last - a.first > b.last - b.first;
        });
        std::vector<Mention> kept;
        for (const Mention& m : mentions) {
            const bool hidden = std::any_of(kept.begin(), kept.end(), [&](const Mention& k) {
                return (k.first <= m.first && m.last <= k.last) ||
                       k.concept_index == m.concept_index;
            });
            if (!hidden) kept.push_back(m);
        }
        std::sort(kept.begin(), kept.end(),
                  [](const Mention& a, const Mention& b) { return a.first < b.first; });

        const std::string_view target = context.text();
        const std::vector<Word> target_words = words_of(target, context.words());
        const Inflection target_inflection = inflection_of(context.language());
        for (const Mention& m : kept) {
            const auto required = renderings(m.concept_index, context.language(), false);
            const auto present = [&](const CompiledTerm* term) {
                return appears(*term, target, target_words, target_inflection);
            };
            // A forbidden rendering in its place is the forbidden check's to name.
            if (required.empty() || std::any_of(required.begin(), required.end(), present) ||
                std::ranges::any_of(renderings(m.concept_index, context.language(), true), present))
                continue;
            const std::size_t begin = source_words[m.first].span.offset;
            std::string named;
            for (std::size_t r = 0; r < required.size(); ++r)
                named += (r == 0 ? "" : " or ") + quoted(required[r]->text);
            Diagnostic d = diagnose(context, {0, 0});
            d.message =
                with_note("the source has " +
                              quoted(std::string(
                                  source.substr(begin, source_words[m.last].span.end() - begin))) +
                              ", which the glossary translates as " + named +
                              (required.size() == 1 ? "; the translation does not use it"
                                                    : "; the translation uses none of them"),
                          m.concept_index);
            out.push_back(std::move(d));
        }
    }

    void check_forbidden(const SegmentContext& context, std::vector<Diagnostic>& out) const {
        const std::string_view target = context.text();
        const std::vector<Word> words = words_of(target, context.words());
        const Inflection inflection = inflection_of(context.language());
        for (std::size_t i = 0; i < words.size();) {
            // The longest forbidden term that starts here.
            const CompiledTerm* found = nullptr;
            std::size_t last = i;
            for (std::size_t t : candidates(words[i])) {
                const CompiledTerm& term = terms_[t];
                if (!term.forbidden || !terms::language_serves(term.language, context.language()))
                    continue;
                const auto end = match_at(term, target, words, i, inflection);
                if (end && (!found || *end > last)) {
                    found = &term;
                    last = *end;
                }
            }
            if (!found) {
                ++i;
                continue;
            }
            const auto required = renderings(found->concept_index, context.language(), false);
            // Inflection may bring a forbidden term close to a required one (votazione, votazioni).
            const bool allowed =
                std::any_of(required.begin(), required.end(), [&](const CompiledTerm* r) {
                    return match_at(*r, target, words, i, inflection) == last;
                });
            if (!allowed)
                report_forbidden(
                    context, {words[i].span.offset, words[last].span.end() - words[i].span.offset},
                    *found, required, out);
            i = last + 1;
        }
    }

    void report_forbidden(const SegmentContext& context, text::Span span, const CompiledTerm& term,
                          const std::vector<const CompiledTerm*>& required,
                          std::vector<Diagnostic>& out) const {
        const std::string_view flagged = context.text().substr(span.offset, span.length);
        std::vector<std::string> suggestions;
        for (const CompiledTerm* r : required)
            suggestions.push_back(text::is_capitalised(flagged) && !text::is_all_caps(flagged)
                                      ? text::capitalise(r->text)
                                      : r->text);
        std::string message = quoted(std::string(flagged)) + " is a term the glossary forbids";
        if (!suggestions.empty()) message += "; write " + quoted(suggestions.front());
        Diagnostic d = diagnose(context, span, std::move(suggestions));
        d.message = with_note(std::move(message), term.concept_index);
        out.push_back(std::move(d));
    }

    Check check_ = Check::required;
    std::vector<CompiledTerm> terms_;
    std::vector<std::vector<std::size_t>> terms_of_concept_;
    std::vector<std::string> notes_;
    std::vector<std::string> languages_; // of the terms, as the term bases write them
    std::unordered_map<std::u32string, std::vector<std::size_t>> index_;
};

} // namespace

std::unique_ptr<Rule> make_glossary_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<GlossaryRule>(std::move(spec), resources);
}

} // namespace translint
