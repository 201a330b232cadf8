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
#include "text/transliterate.hpp"
#include "text/unicode.hpp"

#include <mutex>
#include <set>
#include <unordered_map>

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

// A word without an English possessive or an Italian elision: "Musk's" -> "Musk",
// "dell'Ucraina" -> "Ucraina".
std::string_view bare(std::string_view word) {
    for (std::string_view suffix : {"'s", "’s"})
        if (word.ends_with(suffix)) word.remove_suffix(suffix.size());
    for (std::string_view apostrophe : {"'", "’"})
        if (auto at = word.find(apostrophe);
            at != std::string_view::npos && at + apostrophe.size() < word.size())
            word.remove_prefix(at + apostrophe.size());
    return word;
}

bool is_cyrillic(std::string_view word) {
    std::size_t at = 0;
    const char32_t first = word.empty() ? 0 : text::next_code_point(word, at);
    return first >= 0x0400 && first <= 0x052F;
}

struct SourceName {
    text::Span span;
    std::set<std::size_t> entities;
};

class NameMismatchRule final : public Rule {
public:
    NameMismatchRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec))
        , resources_(resources) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        const std::string report = options.string("report", "changed");
        if (report != "changed" && report != "missing")
            options.fail(options.get("report"), "'report' is 'changed' or 'missing'");
        report_missing_ = report == "missing";
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        if (!context.source() || context.text().empty()) return;
        std::call_once(built_, [this] { build(); });
        const std::string_view source = *context.source();
        const std::string_view target = context.text();
        std::vector<std::string> target_words; // lower case, bare
        for (const text::Token& token : context.words())
            target_words.push_back(
                text::to_lower(bare(target.substr(token.span.offset, token.span.length))));
        std::set<std::size_t> reported; // one finding per entity
        for (const SourceName& name : source_names(source)) {
            const std::string_view written = source.substr(name.span.offset, name.span.length);
            if (std::any_of(name.entities.begin(), name.entities.end(),
                            [&](std::size_t e) { return present(e, written, target_words); }))
                continue;
            if (!report_missing_) {
                report_replacement(context, written, name, target_words, reported, out);
                continue;
            }
            // A given name left out beside its surname is how names are written.
            if (std::any_of(name.entities.begin(), name.entities.end(),
                            [&](std::size_t e) { return present(e, {}, target_words); }))
                continue;
            const bool replaced =
                std::any_of(name.entities.begin(), name.entities.end(), [&](std::size_t e) {
                    return replacement(context, written, e, target_words).has_value();
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

    // Capitalised source words the gazetteer knows, with the entities they may name.
    std::vector<SourceName> source_names(std::string_view source) const {
        std::vector<SourceName> found;
        const std::vector<text::Token> words = text::words(source);
        for (std::size_t i = 0; i < words.size(); ++i) {
            const text::Span span = words[i].span;
            const std::string_view word = bare(source.substr(span.offset, span.length));
            if (words[i].kind != text::TokenKind::word || !text::is_capitalised(word)) continue;
            SourceName name{span, {}};
            if (is_cyrillic(word)) {
                if (auto owners = cyrillic_.find(text::to_lower(word)); owners != cyrillic_.end())
                    name.entities.insert(owners->second.begin(), owners->second.end());
            } else if (i > 0 && !starts_sentence(source, span.offset)) {
                if (const auto* known = gazetteer().known(word))
                    for (const names::KeyedToken& token : *known)
                        if (!gazetteer().entities()[token.entity].from_dictionary &&
                            keeps_latin_spelling(gazetteer().entities()[token.entity].type))
                            name.entities.insert(token.entity);
            }
            if (!name.entities.empty()) found.push_back(std::move(name));
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
        const names::Entity& entity = gazetteer().entities()[e];
        const std::optional<std::size_t> index = token_index(entity, written);
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
    bool present(std::size_t e, std::string_view written,
                 const std::vector<std::string>& words) const {
        const bool place = is_place(gazetteer().entities()[e].type);
        for (const std::string& spelling : spellings(e, written)) {
            if (spelling.size() < 2) continue;
            const std::size_t stem = std::min<std::size_t>(5, spelling.size() - 1);
            for (const std::string& word : words)
                if (word == spelling || (place && spelling.size() >= 5 && word.size() >= stem &&
                                         word.compare(0, stem, spelling, 0, stem) == 0))
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
                                           std::size_t e,
                                           const std::vector<std::string>& words) const {
        const names::Entity& entity = gazetteer().entities()[e];
        for (const auto& [language, noun] : entity.traps) {
            if (language != context.language()) continue;
            const std::string stem =
                text::to_lower(noun).substr(0, std::max<std::size_t>(4, noun.size() - 1));
            for (std::size_t w = 0; w < words.size(); ++w)
                if (words[w].starts_with(stem)) return Replacement{w, true};
        }
        std::set<std::string> readings;
        if (is_cyrillic(written))
            for (auto scheme : {text::Scheme::russian_bgn, text::Scheme::ukrainian_bgn})
                readings.insert(
                    text::to_lower(text::transliterate({std::string(written)}, scheme)[0]));
        std::vector<std::u32string> keys;
        for (const std::string& spelling : spellings(e, written))
            keys.push_back(text::to_u32(names::name_key(text::fold_to_ascii(spelling))));
        const std::string_view target = context.text();
        const auto& tokens = context.words();
        for (std::size_t w = 0; w < words.size(); ++w) {
            const std::string_view word =
                bare(target.substr(tokens[w].span.offset, tokens[w].span.length));
            if (!text::is_capitalised(word) || words[w].size() < 3) continue;
            if (readings.count(words[w])) return Replacement{w, false};
            const std::u32string key = text::to_u32(names::name_key(text::fold_to_ascii(words[w])));
            for (const std::u32string& wanted : keys)
                if (!key.empty() && key[0] == wanted[0] && text::edits_up_to_one(key, wanted) <= 1)
                    return Replacement{w, false};
        }
        return std::nullopt;
    }

    void report_replacement(const SegmentContext& context, std::string_view written,
                            const SourceName& name, const std::vector<std::string>& words,
                            std::set<std::size_t>& reported, std::vector<Diagnostic>& out) const {
        for (std::size_t e : name.entities) {
            const auto found = replacement(context, written, e, words);
            if (!found || !reported.insert(e).second) continue;
            const names::Entity& entity = gazetteer().entities()[e];
            std::string suggestion = entity.canonical(context.language());
            // One token of the name for one word: Ілон -> Elon.
            const auto& tokens = gazetteer().tokens(e, context.language());
            if (auto index = token_index(entity, written); index && *index < tokens.size())
                suggestion = tokens[*index];
            Diagnostic d = diagnose(context, context.words()[found->word].span, {suggestion}, true);
            d.message += " (the source has '" + std::string(written) + "')";
            out.push_back(std::move(d));
            return;
        }
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
