// The names gazetteer (dictionaries/names/*.tsv, and a newsroom's own files) and the indexes the
// names rules match against.
#pragma once

#include "names/read_back_table.hpp"
#include "names/spelling_model.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace translint::names {

struct Entity {
    std::string type;                   // person, given-name, surname, country, city, ...
    std::string name;                   // canonical international spelling
    std::string italian;                // empty when the same
    std::vector<std::string> variants;  // other accepted Latin spellings
    std::vector<std::string> russian;   // Russian forms, Cyrillic
    std::vector<std::string> ukrainian; // Ukrainian forms, Cyrillic
    std::vector<std::pair<std::string, std::string>> traps; // (language, common noun)
    bool from_dictionary = false; // a capitalised word of a spelling dictionary, not an entry
    // The spelling to suggest for `language`.
    const std::string& canonical(std::string_view language) const {
        return language == "it" && !italian.empty() ? italian : name;
    }
};

// A garbled spelling of one token of an entity's name, and where it comes from.
struct Garble {
    std::size_t entity;
    std::size_t token;       // index of the token in the canonical name's tokens
    std::string_view source; // the Cyrillic form it was read from, e.g. "Фараж" (in the entity)
    bool declined;           // read from a case form (Мілея), not the name itself
};

// A token of a canonical name, reachable by its name key.
struct KeyedToken {
    std::size_t entity;
    std::size_t token;
};

class Gazetteer {
public:
    // Parses one TSV file; throws translint::Error "path:line: reason".
    void add_file(const std::string& path, std::string_view text);
    // Adds one-word names with no other forms: the capitalised words of a Hunspell dictionary
    // (Brian, Syracuse), known to be spelled right and matched like the rest.
    void add_dictionary_names(const std::vector<std::string>& names);
    // Builds the indexes; call once after the last file. The readings that `table` holds are
    // taken from it; ICU reads back the rest.
    void build(const ReadBackTable* table = nullptr);
    // The lines of a ReadBackTable holding every reading that build() needs; call after build().
    std::vector<std::string> read_back_lines() const;

    const std::vector<Entity>& entities() const { return entities_; }
    // True when the token is part of a correct spelling of some name (canonical, Italian or
    // variant).
    bool is_known_token(std::string_view token) const {
        return known_tokens_.count(std::string(token)) > 0;
    }
    // The canonical tokens a correct spelling stands for: "Jinping" -> Xi Jinping's second token.
    const std::vector<KeyedToken>* known(std::string_view token) const;
    // Garbled spellings read back from the Cyrillic forms (with their case endings): "Farazh".
    const std::vector<Garble>* garbles(std::string_view token) const;
    // Canonical tokens whose name key is `key`.
    std::vector<KeyedToken> equal_key(std::string_view key) const;
    // Canonical tokens whose name key is equal to `key`, or one edit away from it with the same
    // first letter (transliteration keeps the first sound of a name).
    std::vector<KeyedToken> near_key(std::string_view key) const;
    // A canonical token in lower-case ASCII, as name keys are made from.
    const std::string& folded(std::size_t entity, std::size_t token) const {
        return folded_[entity][token];
    }
    // Its name key, and its key with the vowels kept, in code points.
    const std::u32string& key(std::size_t entity, std::size_t token) const {
        return keys_of_[entity][token];
    }
    const std::u32string& fine_key(std::size_t entity, std::size_t token) const {
        return fine_keys_of_[entity][token];
    }
    // The canonical tokens of an entity for a language: "Jair Bolsonaro" -> {"Jair", "Bolsonaro"};
    // the local spelling's tokens when it has as many as the canonical name.
    const std::vector<std::string>& tokens(std::size_t entity, std::string_view language) const;
    // Trained on the names read back from Cyrillic against the names as written.
    const SpellingModel& spelling_model() const { return spelling_model_; }
    // Entities with a trap word in `language`: noun -> entities.
    const std::unordered_map<std::string, std::vector<std::size_t>>&
    traps(const std::string& language) const;

private:
    std::vector<Entity> entities_;
    std::vector<std::vector<std::string>> folded_; // per entity, per canonical token
    std::vector<std::vector<std::u32string>> keys_of_, fine_keys_of_;
    // Per entity: the canonical name's tokens, and the Italian spelling's where it has as many.
    std::vector<std::vector<std::string>> tokens_of_, italian_tokens_of_;
    std::unordered_set<std::string> known_tokens_;
    std::unordered_map<std::string, std::vector<KeyedToken>> known_;
    std::unordered_map<std::string, std::vector<Garble>> garbles_;
    // Name keys, and keys less one letter, by hash: sorted flat arrays build and load fast.
    class KeyIndex {
    public:
        // `first` is the first letter of the token's whole key, which `key` may have lost.
        void add(std::string_view key, KeyedToken token, char first);
        void sort();
        // Visits the tokens filed under `key`; with `first`, only those whose key starts so.
        template <typename Visit>
        void find(std::string_view key, Visit visit, char first = 0) const;

    private:
        struct Entry {
            std::size_t hash;
            KeyedToken token;
            char first;
        };
        std::vector<Entry> entries_;
    };
    KeyIndex keys_, deletions_;
    // What BGN makes of the Cyrillic forms: the garbles of one scheme, and every word read back.
    struct ReadBack {
        std::unordered_map<std::string, std::vector<Garble>> garbles;
        std::vector<std::string> words;
    };
    ReadBack read_back(bool ukrainian, const ReadBackTable* table) const;
    // The Cyrillic words to read back with one scheme, each with the name tokens it spells and
    // whether it is a declined form.
    struct CyrillicWords {
        std::unordered_map<std::string, std::vector<Garble>> owners; // token -> its names
        std::vector<std::string> words;
        std::vector<std::pair<const std::vector<Garble>*, bool>> word_owner;
    };
    CyrillicWords cyrillic_words(bool ukrainian) const;
    std::unordered_map<std::string, std::unordered_map<std::string, std::vector<std::size_t>>>
        traps_;
    SpellingModel spelling_model_;
};

// Splits a name into its tokens at spaces and hyphens: "Kim Jong-un" -> {"Kim", "Jong", "un"}.
std::vector<std::string> split_name(std::string_view name);

} // namespace translint::names
