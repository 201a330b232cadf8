#include "names/gazetteer.hpp"

#include "core/lines.hpp"
#include "names/name_key.hpp"
#include "text/transliterate.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <future>
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

void Gazetteer::build(const ReadBackTable* table) {
    // Every correct spelling, and each canonical token folded to ASCII; the non-ASCII ones go
    // to ICU in one batch.
    std::vector<std::string> accented;
    std::vector<KeyedToken> accented_owner;
    folded_.assign(entities_.size(), {});
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
        for (const std::string* spelling : correct) {
            const std::vector<std::string> spelled = split_name(*spelling);
            if (spelled.size() == canonical.size())
                for (std::size_t t = 0; t < spelled.size(); ++t)
                    known_[spelled[t]].push_back({e, t});
        }
        for (std::size_t t = 0; t < canonical.size(); ++t) {
            if (text::is_ascii(canonical[t])) {
                folded_[e].push_back(text::ascii_lower(canonical[t]));
            } else {
                folded_[e].emplace_back();
                accented.push_back(canonical[t]);
                accented_owner.push_back({e, t});
            }
        }
        for (const auto& [language, noun] : entity.traps)
            traps_[language][noun].push_back(e);
    }
    std::vector<std::string> folded_accented =
        text::transliterate(accented, text::Scheme::ascii_lower);
    for (std::size_t i = 0; i < accented.size(); ++i)
        folded_[accented_owner[i].entity][accented_owner[i].token] = std::move(folded_accented[i]);

    // Token positions follow the canonical name, so the Italian spelling stands in only when it
    // has as many tokens (Monaco di Baviera cannot stand in for Munich word by word).
    tokens_of_.assign(entities_.size(), {});
    italian_tokens_of_.assign(entities_.size(), {});
    keys_of_.assign(entities_.size(), {});
    fine_keys_of_.assign(entities_.size(), {});
    for (std::size_t e = 0; e < entities_.size(); ++e) {
        tokens_of_[e] = split_name(entities_[e].name);
        std::vector<std::string> italian = split_name(entities_[e].canonical("it"));
        italian_tokens_of_[e] =
            italian.size() == tokens_of_[e].size() ? std::move(italian) : tokens_of_[e];
        for (const std::string& token : folded_[e]) {
            keys_of_[e].push_back(text::to_u32(name_key(token)));
            fine_keys_of_[e].push_back(text::to_u32(name_key(token, false)));
        }
    }

    // The garbles come from ICU, one scheme per thread, while this one indexes the keys.
    auto russian = std::async(std::launch::async, [&] { return read_back(false, table); });
    auto ukrainian = std::async(std::launch::async, [&] { return read_back(true, table); });
    for (std::size_t e = 0; e < entities_.size(); ++e)
        for (std::size_t t = 0; t < folded_[e].size(); ++t)
            for (const std::string& spelling : sound_spellings(folded_[e][t])) {
                const std::string key = name_key(spelling);
                if (key.size() < 2) continue; // too short to tell apart
                keys_.add(key, {e, t}, key[0]);
                for (const std::string& shorter : deletions(key))
                    deletions_.add(shorter, {e, t}, key[0]);
            }
    keys_.sort();
    deletions_.sort();

    // The spelling model learns from the garbles against the names as written, leaving out the
    // names that read back unchanged (Putin): they belong to both sides.
    std::vector<std::string> transliterated;
    std::unordered_set<std::string> read_back_words;
    for (auto* scheme : {&russian, &ukrainian}) {
        ReadBack result = scheme->get();
        for (std::string& word : result.words) {
            if (!listed_tokens.count(word)) transliterated.push_back(text::ascii_lower(word));
            read_back_words.insert(std::move(word));
        }
        for (auto& [word, garbles] : result.garbles) {
            if (listed_tokens.count(word)) continue;
            auto& list = garbles_[word];
            list.insert(list.end(), garbles.begin(), garbles.end());
        }
    }
    std::vector<std::string> written, written_accented;
    for (const std::string& token : known_tokens_) {
        if (text::is_all_caps(token) || read_back_words.count(token)) continue;
        if (text::is_ascii(token))
            written.push_back(text::ascii_lower(token));
        else
            written_accented.push_back(token);
    }
    for (std::string& word : text::transliterate(written_accented, text::Scheme::ascii_lower))
        written.push_back(std::move(word));
    spelling_model_.train(transliterated, written);
}

// What a translation through Russian or Ukrainian makes of each name, case endings included.
// Many names share a token (Джон, Смит), so each distinct Cyrillic token is declined and
// transliterated once.
Gazetteer::CyrillicWords Gazetteer::cyrillic_words(bool ukrainian) const {
    CyrillicWords result;
    auto& owners = result.owners;
    for (std::size_t e = 0; e < entities_.size(); ++e) {
        // Tokens pair up by position, leaving out lower-case particles that Cyrillic drops
        // (Bashar al-Assad, Башар Асад).
        const std::vector<std::string>& canonical = tokens_of_[e];
        std::vector<std::size_t> content;
        for (std::size_t t = 0; t < canonical.size(); ++t)
            if (text::is_capitalised(canonical[t])) content.push_back(t);
        // Each form is read back with its own language's scheme.
        for (const std::string& form : ukrainian ? entities_[e].ukrainian : entities_[e].russian) {
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
    for (const auto& [token, names] : owners) {
        std::vector<std::string> forms = cyrillic_declensions(token, ukrainian);
        for (std::size_t f = 0; f < forms.size(); ++f) {
            result.words.push_back(std::move(forms[f]));
            result.word_owner.emplace_back(&names, f > 0);
        }
    }
    return result;
}

Gazetteer::ReadBack Gazetteer::read_back(bool ukrainian, const ReadBackTable* table) const {
    const CyrillicWords cyrillic = cyrillic_words(ukrainian);
    ReadBack result;
    result.words.resize(cyrillic.words.size());
    std::vector<std::string> unread; // not in the table: ICU reads them
    std::vector<std::size_t> unread_at;
    for (std::size_t i = 0; i < cyrillic.words.size(); ++i) {
        if (const std::string_view* latin =
                table ? table->find(ukrainian, cyrillic.words[i]) : nullptr) {
            result.words[i] = *latin;
        } else {
            unread.push_back(cyrillic.words[i]);
            unread_at.push_back(i);
        }
    }
    std::vector<std::string> read = text::transliterate(
        unread, ukrainian ? text::Scheme::ukrainian_bgn : text::Scheme::russian_bgn);
    for (std::size_t i = 0; i < read.size(); ++i)
        result.words[unread_at[i]] = std::move(read[i]);
    for (std::size_t i = 0; i < result.words.size(); ++i) {
        const std::string& latin = result.words[i];
        if (latin.empty()) continue;
        // BGN writes plain Latin letters, so lower case is all the folding its output needs.
        const std::u32string garbled_key = text::to_u32(name_key(text::ascii_lower(latin)));
        for (Garble garble : *cyrillic.word_owner[i].first) {
            // Positions pair tokens only when the two spellings say the same thing:
            // Калимантан is not a garble of Borneo, nor Рада of Council.
            const std::u32string& canonical_key = keys_of_[garble.entity][garble.token];
            if (text::edit_distance(garbled_key, canonical_key) >
                std::max<std::size_t>(2, canonical_key.size() / 2))
                continue;
            garble.declined = cyrillic.word_owner[i].second;
            result.garbles[latin].push_back(std::move(garble));
        }
    }
    std::erase_if(result.words, [](const std::string& w) { return w.empty(); });
    return result;
}

std::vector<std::string> Gazetteer::read_back_lines() const {
    std::vector<std::string> lines;
    for (const bool ukrainian : {false, true}) {
        const CyrillicWords cyrillic = cyrillic_words(ukrainian);
        const std::vector<std::string> latin = text::transliterate(
            cyrillic.words, ukrainian ? text::Scheme::ukrainian_bgn : text::Scheme::russian_bgn);
        for (std::size_t i = 0; i < latin.size(); ++i)
            lines.push_back(ReadBackTable::line(ukrainian, cyrillic.words[i], latin[i]));
    }
    return lines;
}

void Gazetteer::KeyIndex::add(std::string_view key, KeyedToken token, char first) {
    entries_.push_back({std::hash<std::string_view>{}(key), token, first});
}

void Gazetteer::KeyIndex::sort() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.hash, a.token.entity, a.token.token) <
               std::tie(b.hash, b.token.entity, b.token.token);
    });
}

template <typename Visit>
void Gazetteer::KeyIndex::find(std::string_view key, Visit visit, char first) const {
    const std::size_t hash = std::hash<std::string_view>{}(key);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                               [](const Entry& entry, std::size_t h) { return entry.hash < h; });
    for (; it != entries_.end() && it->hash == hash; ++it)
        if (first == 0 || it->first == first) visit(it->token);
}

const std::vector<KeyedToken>* Gazetteer::known(std::string_view token) const {
    auto it = known_.find(std::string(token));
    return it == known_.end() ? nullptr : &it->second;
}

const std::vector<Garble>* Gazetteer::garbles(std::string_view token) const {
    auto it = garbles_.find(std::string(token));
    return it == garbles_.end() ? nullptr : &it->second;
}

std::vector<KeyedToken> Gazetteer::equal_key(std::string_view key) const {
    std::vector<KeyedToken> found;
    keys_.find(key, [&](KeyedToken token) { found.push_back(token); });
    return found;
}

std::vector<KeyedToken> Gazetteer::near_key(std::string_view key) const {
    std::vector<KeyedToken> found;
    auto add = [&](KeyedToken token) { found.push_back(token); };
    if (key.empty()) return found;
    keys_.find(key, add);
    deletions_.find(key, add, key[0]); // one insertion
    for (const std::string& shorter : deletions(key)) {
        keys_.find(shorter, add, key[0]);      // one deletion
        deletions_.find(shorter, add, key[0]); // one substitution
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
