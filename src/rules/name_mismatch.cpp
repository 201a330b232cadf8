// Kind `name-mismatch` (bilingual): a name of the source must reach the translation in its
// canonical spelling for the target language, across scripts. The gazetteer knows the names and
// their Russian and Ukrainian forms with their case endings (Маском is Musk). When the
// translation lacks the name, the rule looks for what took its place: the common noun machine
// translation makes of it (Маск -> "maschera"), or a spelling that reads like it (Ілон ->
// "Ilon", Musk -> "Mask"). Option `report`: `changed` flags those; `missing` flags a name the
// translation lacks with nothing in its place.
#include "core/yaml_util.hpp"
#include "names/gazetteer.hpp"
#include "names/name_key.hpp"
#include "rules/registry.hpp"
#include "spell/hunspell_backend.hpp"
#include "text/transliterate.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace translint {
namespace {

// Types whose names keep their spelling across Latin-script languages; places and organisations
// have exonyms and translations.
bool keeps_latin_spelling(const std::string& type) {
    return type == "person" || type == "surname" || type == "given-name" || type == "company" ||
           type == "media";
}

bool is_place(const std::string& type) {
    return type == "country" || type == "city" || type == "region" || type == "place";
}

// Organisations are phrases of common words ("Фонд ... за мир"): one of their words is no name.
bool named_by_each_word(const std::string& type) {
    return keeps_latin_spelling(type) || is_place(type);
}

// A word without an English possessive or an Italian elision: "Musk's" -> "Musk",
// "dell'Ucraina" -> "Ucraina".
std::string_view bare(std::string_view word) {
    for (std::string_view suffix : {"'s", "’s"})
        if (word.ends_with(suffix)) word.remove_suffix(suffix.size());
    // An elided article or preposition is short and lower case (l', dell', sull'); an
    // apostrophe inside a name stays (Kas'janov, O'Brien).
    for (std::string_view apostrophe : {"'", "’"})
        if (auto at = word.find(apostrophe); at != std::string_view::npos && at > 0 && at <= 5 &&
                                             at + apostrophe.size() < word.size() &&
                                             !text::is_capitalised(word))
            word.remove_prefix(at + apostrophe.size());
    return word;
}

bool is_cyrillic(std::string_view word) {
    std::size_t at = 0;
    const char32_t first = word.empty() ? 0 : text::next_code_point(word, at);
    return first >= 0x0400 && first <= 0x052F;
}

// The translation's words, read once per segment for all the names of its source.
struct Translation {
    std::vector<std::string> words;                                      // lower case, bare
    std::unordered_map<std::string, std::vector<std::size_t>> positions; // word -> its indices
    std::unordered_set<std::string> prefixes; // the first one to five bytes of every word
    // Capitalised words of three letters or more by the first letter of their name key.
    std::unordered_map<char32_t, std::vector<std::pair<std::size_t, std::u32string>>> keyed;

    explicit Translation(const SegmentContext& context) {
        const std::string_view target = context.text();
        for (const text::Token& token : context.words()) {
            const std::string_view word = bare(target.substr(token.span.offset, token.span.length));
            const std::size_t index = words.size();
            words.push_back(text::to_lower(word));
            positions[words.back()].push_back(index);
            for (std::size_t length = 1; length <= std::min<std::size_t>(5, words.back().size());
                 ++length)
                prefixes.insert(words.back().substr(0, length));
            if (!text::is_capitalised(word) || words.back().size() < 3) continue;
            std::u32string key = text::to_u32(names::name_key(text::fold_to_ascii(words.back())));
            if (!key.empty()) keyed[key[0]].emplace_back(index, std::move(key));
        }
    }

    // The index of the first occurrence of `word`, if any.
    std::optional<std::size_t> first(const std::string& word) const {
        const auto found = positions.find(word);
        if (found == positions.end()) return std::nullopt;
        return found->second.front();
    }
};

struct SourceName {
    text::Span span;
    std::set<std::size_t> entities;
    // Only the capital at the start of a sentence says it is a name: enough to explain a
    // garble, too little to miss it.
    bool uncertain = false;
};

class NameMismatchRule final : public Rule {
public:
    NameMismatchRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec))
        , resources_(resources) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        report_missing_ = options.choice("report", {"changed", "missing"}, "changed") == "missing";
        // The Hunspell dictionary of each source language, to tell a surname from a common
        // word that shares it (Musk, musk).
        if (YAML::Node dictionaries = options.get("common_words")) {
            yaml::Mapping languages(s.file, dictionaries, "'common_words'");
            for (const auto& entry : dictionaries) {
                const std::string language =
                    yaml::scalar(s.file, entry.first, "each language in 'common_words'");
                common_words_[language] = languages.string(language);
            }
        }
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (!context.source() || context.text().empty()) return;
        std::call_once(built_, [this] { build(); });
        const std::string_view source = *context.source();
        const std::string_view target = context.text();
        const Translation translation(context);
        std::set<std::size_t> reported; // one finding per entity
        for (const SourceName& name : source_names(source, context.source_language())) {
            const std::string_view written =
                bare(source.substr(name.span.offset, name.span.length));
            if (std::any_of(name.entities.begin(), name.entities.end(),
                            [&](std::size_t e) { return present(e, written, translation); }))
                continue;
            if (!report_missing_) {
                report_replacement(context, written, name, translation, reported, out);
                continue;
            }
            // Places are rendered as adjectives freely (Німеччина: tedesco), and their absence
            // proves nothing; a person's absence does.
            if (name.uncertain ||
                std::none_of(name.entities.begin(), name.entities.end(), [&](std::size_t e) {
                    return keeps_latin_spelling(gazetteer().entities()[e].type);
                }))
                continue;
            // A given name left out beside its surname is how names are written; a surname left
            // out is not.
            if (std::any_of(name.entities.begin(), name.entities.end(), [&](std::size_t e) {
                    return !is_last_token(e, written) && present(e, {}, translation);
                }))
                continue;
            const bool replaced =
                std::any_of(name.entities.begin(), name.entities.end(), [&](std::size_t e) {
                    return replacement(context, written, e, translation).has_value();
                });
            const std::size_t entity = *name.entities.begin();
            if (replaced || !reported.insert(entity).second) continue;
            Diagnostic d = diagnose(context, {0, 0});
            d.message =
                format_message(spec().message, written,
                               gazetteer_->entities()[entity].canonical(context.language()));
            d.suggestions.clear();
            out.push_back(std::move(d));
        }
    }

private:
    const names::Gazetteer& gazetteer() const { return *gazetteer_; }

    void build() const {
        gazetteer_ = &resources_.gazetteer();
        const auto& entities = gazetteer_->entities();
        for (std::size_t e = 0; e < entities.size(); ++e) {
            const names::Entity& entity = entities[e];
            if (!named_by_each_word(entity.type)) continue;
            for (bool ukrainian : {false, true})
                for (const std::string& form : ukrainian ? entity.ukrainian : entity.russian)
                    for (const std::string& token : names::split_name(form))
                        for (const std::string& declined :
                             names::cyrillic_declensions(text::to_lower(token), ukrainian))
                            cyrillic_[declined].push_back(e);
        }
        for (auto& [form, owners] : cyrillic_) {
            std::sort(owners.begin(), owners.end());
            owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
        }
    }

    // True when `word` in lower case is a word of the language's dictionary.
    bool common_word(std::string_view word, const std::string& language) const {
        const auto name = common_words_.find(language);
        return name != common_words_.end() &&
               resources_.dictionary(name->second).spell(text::to_lower(word));
    }

    // Capitalised source words the gazetteer knows, with the entities they may name.
    std::vector<SourceName> source_names(std::string_view source,
                                         const std::string& language) const {
        std::vector<SourceName> found;
        const std::vector<text::Token> words = text::words(source);
        auto word_at = [&](std::size_t i) {
            return bare(source.substr(words[i].span.offset, words[i].span.length));
        };
        std::vector<std::set<std::size_t>> owners(words.size());
        std::vector<bool> needs_company(words.size(), false);
        std::vector<std::set<std::size_t>> places(words.size()); // places of several words
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string_view word = word_at(i);
            // Two-letter words are prepositions and initials more often than names (У, За, По).
            if (words[i].kind != text::TokenKind::word || !text::is_capitalised(word) ||
                text::count_code_points(word) < 3)
                continue;
            if (is_cyrillic(word)) {
                if (auto found = cyrillic_.find(text::to_lower(word)); found != cyrillic_.end())
                    owners[i].insert(found->second.begin(), found->second.end());
            } else if (const auto* known = gazetteer().known(word)) {
                for (const names::KeyedToken& token : *known) {
                    const names::Entity& entity = gazetteer().entities()[token.entity];
                    // A word the spelling dictionary writes with a capital (American, Atlantic)
                    // may be an adjective or a place as well as a name.
                    if (entity.from_dictionary || (!keeps_latin_spelling(entity.type) &&
                                                   names::split_name(entity.name).size() == 1))
                        needs_company[i] = true; // Paris, Chad: translated (Parigi, Ciad)
                    else if (keeps_latin_spelling(entity.type))
                        owners[i].insert(token.entity);
                    else
                        places[i].insert(token.entity);
                }
                // A common word (West, Blue, musk) is more likely the word than the name.
                needs_company[i] = needs_company[i] || common_word(word, language);
            }
        }
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (owners[i].empty()) continue;
            // The next or the previous word naming the same entity confirms a name (Elon Musk).
            std::set<std::size_t> shared;
            for (std::size_t j : {i - 1, i + 1})
                if (j < words.size())
                    std::set_intersection(owners[i].begin(), owners[i].end(), owners[j].begin(),
                                          owners[j].end(), std::inserter(shared, shared.end()));
            const bool confirmed = !shared.empty();
            if (confirmed) owners[i] = std::move(shared);
            // Part of a place's name with its neighbour (São Paulo, Solomon Islands): the
            // place is translated as a whole (San Paolo, Isole Salomone).
            bool in_place = false;
            for (std::size_t j : {i - 1, i + 1})
                if (j < words.size())
                    for (std::size_t place : places[i])
                        in_place = in_place || places[j].count(place);
            if (in_place) continue;
            if (needs_company[i] && !confirmed) continue;
            // A Cyrillic common word that opens a sentence (Надія: hope, and Nadiya) may be
            // the word; a Latin one has needed its full name above.
            const bool uncertain = !confirmed && is_cyrillic(word_at(i)) &&
                                   starts_sentence(source, words[i].span.offset) &&
                                   common_word(word_at(i), language);
            found.push_back({words[i].span, owners[i], uncertain}); // the next word compares too
        }
        return found;
    }

    static bool starts_sentence(std::string_view text, std::size_t offset) {
        const std::size_t before = text.find_last_not_of(" \t\"«“'(", offset == 0 ? 0 : offset - 1);
        return offset == 0 || before == std::string_view::npos ||
               std::string_view(".!?\n:").find(text[before]) != std::string_view::npos;
    }

    // The spellings the translation may use for the source word, lower case: the token at its
    // place in each spelling of the name that has as many tokens, or every token.
    std::vector<std::string> spellings(std::size_t e, std::string_view written) const {
        return spellings_at(e, token_index(gazetteer().entities()[e], written));
    }

    std::vector<std::string> spellings_at(std::size_t e, std::optional<std::size_t> index) const {
        const names::Entity& entity = gazetteer().entities()[e];
        const std::size_t count = names::split_name(entity.name).size();
        std::vector<std::string> all;
        auto add = [&](const std::string& name) {
            const std::vector<std::string> tokens = names::split_name(name);
            for (std::size_t i = 0; i < tokens.size(); ++i)
                if (!index || tokens.size() != count || i == *index)
                    all.push_back(text::to_lower(tokens[i]));
        };
        add(entity.name);
        add(entity.italian);
        for (const std::string& variant : entity.variants)
            add(variant);
        return all;
    }

    // True when a token of the entity stands in the translation; places may stand as the
    // adjective made from them (Russia -> russa, Francia -> francese).
    bool present(std::size_t e, std::string_view written, const Translation& translation) const {
        const bool place = is_place(gazetteer().entities()[e].type);
        for (const std::string& spelling : spellings(e, written)) {
            if (spelling.size() < 2) continue;
            if (translation.positions.count(spelling) ||
                (place && spelling.size() >= 5 &&
                 translation.prefixes.count(
                     spelling.substr(0, std::min<std::size_t>(5, spelling.size() - 1)))))
                return true;
        }
        return false;
    }

    struct Replacement {
        std::size_t word; // index in the translation's words
        bool trap;        // a common noun, not a spelling
    };

    // The translation's word that took the place of the entity's name: a trap noun, its BGN
    // reading, or a capitalised spelling whose name key is at most one edit from the name's.
    std::optional<Replacement> replacement(const SegmentContext& context, std::string_view written,
                                           std::size_t e, const Translation& translation) const {
        const names::Entity& entity = gazetteer().entities()[e];
        const std::vector<std::string>& words = translation.words;
        for (const auto& [language, noun] : entity.traps) {
            if (language != context.language()) continue;
            const std::string stem =
                text::to_lower(noun).substr(0, std::max<std::size_t>(4, noun.size() - 1));
            for (std::size_t w = 0; w < words.size(); ++w)
                if (words[w].starts_with(stem)) return Replacement{w, true};
        }
        // The first capitalised word that is a BGN reading of the source word or one edit from
        // the name in keys.
        std::optional<std::size_t> first;
        auto take = [&](std::size_t w) { first = std::min(first.value_or(w), w); };
        if (is_cyrillic(written))
            for (auto scheme : {text::Scheme::russian_bgn, text::Scheme::ukrainian_bgn}) {
                const std::string reading =
                    text::to_lower(text::transliterate({std::string(written)}, scheme)[0]);
                if (const auto found = translation.positions.find(reading);
                    found != translation.positions.end())
                    for (std::size_t w : found->second)
                        if (context.words()[w].kind == text::TokenKind::word &&
                            text::is_capitalised(bare(context.text().substr(
                                context.words()[w].span.offset, context.words()[w].span.length))) &&
                            words[w].size() >= 3)
                            take(w);
            }
        for (const std::string& spelling : spellings(e, written)) {
            const std::u32string wanted =
                text::to_u32(names::name_key(text::fold_to_ascii(spelling)));
            if (wanted.empty()) continue;
            const auto same_start = translation.keyed.find(wanted[0]);
            if (same_start == translation.keyed.end()) continue;
            for (const auto& [w, key] : same_start->second)
                if (text::edits_up_to_one(key, wanted) <= 1) {
                    take(w);
                    break; // the list is in text order
                }
        }
        if (first) return Replacement{*first, false};
        return neighbour(context, written, e, translation);
    }

    // The word beside another token of the name, where this token belongs: "Didier" in
    // "Didier Waters" for Роджер Вотерс.
    std::optional<Replacement> neighbour(const SegmentContext& context, std::string_view written,
                                         std::size_t e, const Translation& translation) const {
        const std::optional<std::size_t> index = token_index(gazetteer().entities()[e], written);
        if (!index) return std::nullopt;
        const std::vector<std::string>& words = translation.words;
        const std::vector<std::string> own = spellings_at(e, std::nullopt);
        const std::string_view target = context.text();
        const auto& tokens = context.words();
        // Where the other tokens of the name stand, and the word on this token's side of each.
        std::vector<std::pair<std::size_t, std::size_t>> sides; // (the other token, beside it)
        auto add_sides = [&](std::size_t token, bool after) {
            for (const std::string& spelling : spellings_at(e, token))
                if (const auto found = translation.positions.find(spelling);
                    found != translation.positions.end())
                    for (std::size_t w : found->second)
                        if (after || w > 0) sides.emplace_back(w, after ? w + 1 : w - 1);
        };
        if (*index > 0) add_sides(*index - 1, true);
        add_sides(*index + 1, false);
        std::sort(sides.begin(), sides.end());
        for (const auto& [w, beside] : sides) {
            if (beside >= words.size() ||
                std::find(own.begin(), own.end(), words[beside]) != own.end())
                continue;
            const std::string_view word =
                target.substr(tokens[beside].span.offset, tokens[beside].span.length);
            // Only white space between the two: "Musk, Bezos" is a list.
            const std::size_t gap_begin = std::min(tokens[w].span.end(), tokens[beside].span.end());
            const std::size_t gap_end = std::max(tokens[w].span.offset, tokens[beside].span.offset);
            const std::string_view gap = target.substr(gap_begin, gap_end - gap_begin);
            if (text::is_capitalised(word) && tokens[beside].kind == text::TokenKind::word &&
                gap.find_first_not_of(" \u00A0") == std::string_view::npos)
                return Replacement{beside, false};
        }
        return std::nullopt;
    }

    void report_replacement(const SegmentContext& context, std::string_view written,
                            const SourceName& name, const Translation& translation,
                            std::set<std::size_t>& reported, std::vector<Diagnostic>& out) const {
        for (std::size_t e : name.entities) {
            const auto found = replacement(context, written, e, translation);
            if (!found || !reported.insert(e).second) continue;
            const names::Entity& entity = gazetteer().entities()[e];
            std::string suggestion = entity.canonical(context.language());
            // One token of the name for one word: Ілон -> Elon.
            const auto& tokens = gazetteer().tokens(e, context.language());
            if (auto index = token_index(entity, written); index && *index < tokens.size())
                suggestion = tokens[*index];
            // A Latin source spells the name as the translation should (Stephen, not Steven).
            const std::vector<std::string> accepted = spellings(e, written);
            if (!is_cyrillic(written) && std::find(accepted.begin(), accepted.end(),
                                                   text::to_lower(written)) != accepted.end())
                suggestion = std::string(written);
            Diagnostic d = diagnose(context, context.words()[found->word].span, {suggestion}, true);
            d.message += " (the source has '" + std::string(written) + "')";
            out.push_back(std::move(d));
            return;
        }
    }

    bool is_last_token(std::size_t e, std::string_view written) const {
        const names::Entity& entity = gazetteer().entities()[e];
        const std::optional<std::size_t> index = token_index(entity, written);
        return index && *index + 1 == names::split_name(entity.name).size();
    }

    // Which token of the entity's Russian or Ukrainian form the source word is (Ілона -> 0 in
    // Ілон Маск), when the form has as many tokens as the canonical name.
    std::optional<std::size_t> token_index(const names::Entity& entity,
                                           std::string_view written) const {
        const std::string word = text::to_lower(written);
        for (bool ukrainian : {false, true})
            for (const std::string& form : ukrainian ? entity.ukrainian : entity.russian) {
                const std::vector<std::string> tokens = names::split_name(form);
                if (tokens.size() != names::split_name(entity.name).size()) continue;
                for (std::size_t i = 0; i < tokens.size(); ++i) {
                    const auto forms =
                        names::cyrillic_declensions(text::to_lower(tokens[i]), ukrainian);
                    if (std::find(forms.begin(), forms.end(), word) != forms.end()) return i;
                }
            }
        // A Latin source word: its place in the canonical name.
        const std::vector<std::string> tokens = names::split_name(entity.name);
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i] == written) return i;
        return std::nullopt;
    }

    RuleResources& resources_;
    bool report_missing_ = false;
    std::map<std::string, std::string> common_words_; // language -> dictionary
    mutable std::once_flag built_;
    mutable const names::Gazetteer* gazetteer_ = nullptr;
    // Declined Russian and Ukrainian forms of name tokens, lower case -> entities.
    mutable std::unordered_map<std::string, std::vector<std::size_t>> cyrillic_;
};

} // namespace

std::unique_ptr<Rule> make_name_mismatch_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<NameMismatchRule>(std::move(spec), resources);
}

} // namespace translint
