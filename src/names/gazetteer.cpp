#include "names/gazetteer.hpp"

#include "core/lines.hpp"
#include "names/name_key.hpp"
#include "text/transliterate.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <tuple>

namespace translint::names {
namespace {

std::vector<std::string> split_list(std::string_view field) {
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start <= field.size()) {
        std::size_t end = field.find(';', start);
        if (end == std::string_view::npos) end = field.size();
        std::string_view value = field.substr(start, end - start);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        while (!value.empty() && value.back() == ' ')
            value.remove_suffix(1);
        if (!value.empty()) values.emplace_back(value);
        start = end + 1;
    }
    return values;
}

// "Brest, Belarus" and "Georgia (U.S. state)" are written Brest and Georgia: the qualifier only
// tells the entry apart from its namesake.
std::string without_qualifier(std::string_view name) {
    const std::size_t cut = std::min(name.find(", "), name.find(" ("));
    return std::string(name.substr(0, cut));
}

std::vector<std::string> deletions(std::string_view key) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < key.size(); ++i)
        out.push_back(std::string(key.substr(0, i)) + std::string(key.substr(i + 1)));
    return out;
}

} // namespace

std::vector<std::string> split_name(std::string_view name) {
    std::vector<std::string> tokens;
    std::string current;
    for (char c : name) {
        if (c == ' ' || c == '-') {
            if (!current.empty()) tokens.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

void Gazetteer::add_file(const std::string& path, std::string_view text) {
    for_each_line(text, [&](std::size_t line_number, std::string_view line) {
        if (line.empty() || line.front() == '#') return;
        if (text::find_invalid_utf8(line)) throw error_at(path, line_number, "invalid UTF-8");
        std::vector<std::string_view> columns;
        for (std::size_t from = 0;;) {
            const std::size_t tab = line.find('\t', from);
            columns.push_back(line.substr(
                from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
            if (tab == std::string_view::npos) break;
            from = tab + 1;
        }
        if (columns.size() != 7)
            throw error_at(path, line_number,
                           "expected 7 tab-separated columns (type, name, it, variants, ru, uk, "
                           "traps), found " +
                               std::to_string(columns.size()));
        Entity entity;
        entity.type = columns[0];
        entity.name = without_qualifier(columns[1]);
        if (entity.type.empty() || entity.name.empty())
            throw error_at(path, line_number, "the type and the name are required");
        entity.italian = without_qualifier(columns[2]);
        entity.variants = split_list(columns[3]);
        for (std::string& variant : entity.variants)
            variant = without_qualifier(variant);
        entity.russian = split_list(columns[4]);
        entity.ukrainian = split_list(columns[5]);
        for (const std::string& trap : split_list(columns[6])) {
            const std::size_t colon = trap.find(':');
            if (colon == std::string::npos || colon == 0 || colon + 1 == trap.size())
                throw error_at(path, line_number,
                               "a trap is written language:word, not '" + trap + "'");
            entity.traps.emplace_back(trap.substr(0, colon), trap.substr(colon + 1));
        }
        entities_.push_back(std::move(entity));
    });
}

void Gazetteer::add_dictionary_names(const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        Entity entity;
        entity.type = "name";
        entity.name = name;
        entity.from_dictionary = true;
        entities_.push_back(std::move(entity));
    }
}

const std::vector<std::string>& Gazetteer::tokens(std::size_t entity,
                                                  std::string_view language) const {
    return language == "it" ? italian_tokens_of_[entity] : tokens_of_[entity];
}

void Gazetteer::build() {
    // Every correct spelling, and the key of every canonical token.
    std::vector<std::string> to_fold;
    std::vector<KeyedToken> folded_owner;
    // A garble is dropped when it spells an entry's name; a dictionary's name (Si) does not
    // stop it, since machine translation makes those too.
    std::unordered_set<std::string> listed_tokens;
    for (std::size_t e = 0; e < entities_.size(); ++e) {
        const Entity& entity = entities_[e];
        std::vector<const std::string*> correct{&entity.name, &entity.italian};
        for (const std::string& variant : entity.variants)
            correct.push_back(&variant);
        for (const std::string* spelling : correct)
            for (const std::string& token : split_name(*spelling)) {
                known_tokens_.insert(token);
                if (!entity.from_dictionary) listed_tokens.insert(token);
            }
        const std::vector<std::string> canonical = split_name(entity.name);
        std::vector<const std::string*> spellings{&entity.name, &entity.italian};
        for (const std::string& variant : entity.variants)
            spellings.push_back(&variant);
        for (const std::string* spelling : spellings) {
            const std::vector<std::string> spelled = split_name(*spelling);
            if (spelled.size() == canonical.size())
                for (std::size_t t = 0; t < spelled.size(); ++t)
                    known_[spelled[t]].push_back({e, t});
        }
        for (std::size_t t = 0; t < canonical.size(); ++t) {
            to_fold.push_back(canonical[t]);
            folded_owner.push_back({e, t});
        }
        for (const auto& [language, noun] : entity.traps)
            traps_[language][noun].push_back(e);
    }
    std::vector<std::string> folded;
    folded.reserve(to_fold.size());
    for (const std::string& token : to_fold)
        folded.push_back(text::fold_to_ascii(token));
    folded_.assign(entities_.size(), {});
    for (std::size_t i = 0; i < folded.size(); ++i)
        folded_[folded_owner[i].entity].push_back(folded[i]);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        for (const std::string& spelling : sound_spellings(folded[i])) {
            const std::string key = name_key(spelling);
            if (key.size() < 2) continue; // too short to tell apart
            keys_[key].push_back(folded_owner[i]);
            for (const std::string& shorter : deletions(key))
                deletions_[shorter].push_back(folded_owner[i]);
        }
    }

    // Token positions follow the canonical name, so the Italian spelling stands in only when it
    // has as many tokens (Monaco di Baviera cannot stand in for Munich word by word).
    tokens_of_.assign(entities_.size(), {});
    italian_tokens_of_.assign(entities_.size(), {});
    for (std::size_t e = 0; e < entities_.size(); ++e) {
        tokens_of_[e] = split_name(entities_[e].name);
        std::vector<std::string> italian = split_name(entities_[e].canonical("it"));
        italian_tokens_of_[e] =
            italian.size() == tokens_of_[e].size() ? std::move(italian) : tokens_of_[e];
    }
    keys_of_.assign(entities_.size(), {});
    fine_keys_of_.assign(entities_.size(), {});
    for (std::size_t e = 0; e < entities_.size(); ++e)
        for (const std::string& token : folded_[e]) {
            keys_of_[e].push_back(text::to_u32(name_key(token)));
            fine_keys_of_[e].push_back(text::to_u32(name_key(token, false)));
        }

    // What a translation through Russian or Ukrainian makes of each name, case endings included.
    // Many names share a token (Джон, Смит), so each distinct Cyrillic token is declined and
    // transliterated once.
    // The spelling model learns from the garbles against the names as written, leaving out the
    // names that read back unchanged (Putin): they belong to both sides.
    std::vector<std::string> transliterated;
    std::unordered_set<std::string> read_back;
    for (const bool ukrainian : {false, true}) {
        std::unordered_map<std::string, std::vector<Garble>> owners; // Cyrillic token -> its names
        for (std::size_t e = 0; e < entities_.size(); ++e) {
            // Tokens pair up by position, leaving out lower-case particles that Cyrillic drops
            // (Bashar al-Assad, Башар Асад).
            const std::vector<std::string> canonical = split_name(entities_[e].name);
            std::vector<std::size_t> content;
            for (std::size_t t = 0; t < canonical.size(); ++t)
                if (text::is_capitalised(canonical[t])) content.push_back(t);
            // Each form is read back with its own language's scheme.
            for (const std::string& form :
                 ukrainian ? entities_[e].ukrainian : entities_[e].russian) {
                const std::vector<std::string> cyrillic_tokens = split_name(form);
                const bool all = cyrillic_tokens.size() == canonical.size();
                if (!all && cyrillic_tokens.size() != content.size()) continue;
                for (std::size_t t = 0; t < cyrillic_tokens.size(); ++t)
                    owners[cyrillic_tokens[t]].push_back({e, all ? t : content[t], form, false});
            }
        }
        for (auto& [token, names] : owners) {
            std::sort(names.begin(), names.end(), [](const Garble& a, const Garble& b) {
                return std::tie(a.entity, a.token) < std::tie(b.entity, b.token);
            });
            names.erase(std::unique(names.begin(), names.end(),
                                    [](const Garble& a, const Garble& b) {
                                        return a.entity == b.entity && a.token == b.token;
                                    }),
                        names.end());
        }
        std::vector<std::string> words;
        std::vector<std::pair<const std::vector<Garble>*, bool>> word_owner; // names, declined
        for (const auto& [token, names] : owners) {
            std::vector<std::string> forms = cyrillic_declensions(token, ukrainian);
            for (std::size_t f = 0; f < forms.size(); ++f) {
                words.push_back(std::move(forms[f]));
                word_owner.emplace_back(&names, f > 0);
            }
        }
        const auto latin = text::transliterate(words, ukrainian ? text::Scheme::ukrainian_bgn
                                                                : text::Scheme::russian_bgn);
        for (std::size_t i = 0; i < latin.size(); ++i) {
            if (latin[i].empty()) continue;
            read_back.insert(latin[i]);
            if (listed_tokens.count(latin[i])) continue;
            transliterated.push_back(text::ascii_lower(latin[i]));
            // BGN writes plain Latin letters, so lower case is all the folding its output needs.
            const std::u32string garbled_key = text::to_u32(name_key(text::ascii_lower(latin[i])));
            auto& list = garbles_[latin[i]];
            for (Garble garble : *word_owner[i].first) {
                // Positions pair tokens only when the two spellings say the same thing:
                // Калимантан is not a garble of Borneo, nor Рада of Council.
                const std::u32string& canonical_key = keys_of_[garble.entity][garble.token];
                if (text::edit_distance(garbled_key, canonical_key) >
                    std::max<std::size_t>(2, canonical_key.size() / 2))
                    continue;
                garble.declined = word_owner[i].second;
                list.push_back(std::move(garble));
            }
            if (list.empty()) garbles_.erase(latin[i]);
        }
    }
    // Non-ASCII spellings are folded in one batch: ICU is slow to set up per word.
    std::vector<std::string> written, accented;
    for (const std::string& token : known_tokens_) {
        if (text::is_all_caps(token) || read_back.count(token)) continue;
        if (std::all_of(token.begin(), token.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            written.push_back(text::ascii_lower(token));
        else
            accented.push_back(token);
    }
    for (std::string& folded_token : text::transliterate(accented, text::Scheme::ascii_lower))
        written.push_back(std::move(folded_token));
    spelling_model_.train(transliterated, written);
}

const std::vector<KeyedToken>* Gazetteer::known(std::string_view token) const {
    auto it = known_.find(std::string(token));
    return it == known_.end() ? nullptr : &it->second;
}

const std::vector<Garble>* Gazetteer::garbles(std::string_view token) const {
    auto it = garbles_.find(std::string(token));
    return it == garbles_.end() ? nullptr : &it->second;
}

const std::vector<KeyedToken>* Gazetteer::by_key(std::string_view key) const {
    auto it = keys_.find(std::string(key));
    return it == keys_.end() ? nullptr : &it->second;
}

std::vector<KeyedToken> Gazetteer::near_key(std::string_view key) const {
    std::vector<KeyedToken> found;
    auto add = [&](const std::vector<KeyedToken>* list) {
        if (list) found.insert(found.end(), list->begin(), list->end());
    };
    add(by_key(key));
    if (auto it = deletions_.find(std::string(key)); it != deletions_.end())
        add(&it->second); // one insertion
    for (const std::string& shorter : deletions(key)) {
        add(by_key(shorter)); // one deletion
        if (auto it = deletions_.find(shorter); it != deletions_.end())
            add(&it->second); // one substitution
    }
    return found;
}

const std::unordered_map<std::string, std::vector<std::size_t>>&
Gazetteer::traps(const std::string& language) const {
    static const std::unordered_map<std::string, std::vector<std::size_t>> none;
    auto it = traps_.find(language);
    return it == traps_.end() ? none : it->second;
}

} // namespace translint::names
