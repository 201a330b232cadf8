// One Hunspell dictionary with a per-word memo, safe to share between threads.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace translint::spell {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Dictionary {
public:
    // Finds NAME.aff and NAME.dic in the first directory of `search_paths` that has both. Throws
    // translint::Error naming the dictionary and the directories searched.
    static std::unique_ptr<Dictionary> load(const std::string& name,
                                            const std::vector<std::string>& search_paths);
    ~Dictionary();

    const std::string& name() const { return name_; }
    bool spell(std::string_view word) const;
    // Dictionary words one edit away (accents restored on the last vowel first: piu -> più),
    // best first. A few hundred lookups: cheap enough for every reported word.
    std::vector<std::string> near_words(std::string_view word, std::size_t limit) const;
    // Hunspell's own suggestions, n-gram search included: tens of milliseconds a word.
    std::vector<std::string> suggest(std::string_view word, std::size_t limit) const;
    // The capitalised words of the dictionary file NAME.dic (Brian, Syracuse, Lombardia): the
    // names it knows, read without loading the dictionary. Throws like load().
    static std::vector<std::string> capitalised_words(const std::string& name,
                                                      const std::vector<std::string>& search_paths);
    // Accepts `word` from now on, with Hunspell's usual case variants (a lower-case word is
    // also accepted capitalised and in capitals).
    void add(std::string_view word);

private:
    Dictionary(std::string name, std::unique_ptr<Hunspell> hunspell);
    std::vector<std::string> one_edit_words(std::string_view word) const;
    using Memo =
        std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>;
    std::vector<std::string>
    memoised(Memo& memo, std::string_view word, std::size_t limit,
             std::vector<std::string> (Dictionary::*compute)(std::string_view) const) const;
    std::vector<std::string> hunspell_suggest(std::string_view word) const;

    std::string name_;
    std::unique_ptr<Hunspell> hunspell_;
    mutable std::mutex hunspell_mutex_; // Hunspell keeps per-call state inside the object
    mutable std::shared_mutex memo_mutex_;
    mutable std::unordered_map<std::string, bool, StringHash, std::equal_to<>> spell_memo_;
    mutable Memo near_memo_;
    mutable Memo suggest_memo_;
};

} // namespace translint::spell
