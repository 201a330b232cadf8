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
    // Hunspell keeps per-call state inside the object, so each caller borrows an instance of its
    // own: threads that check files side by side never wait for each other. Instances are made
    // on demand, so there are never more than the callers at the busiest moment.
    struct HunspellDeleter {
        void operator()(Hunspell* hunspell) const; // where Hunspell is a complete type
    };
    struct Instance {
        std::unique_ptr<Hunspell, HunspellDeleter> hunspell;
        std::size_t words_added = 0; // how much of added_ this instance has taken in
    };
    class Lease {
    public:
        Lease(const Dictionary& owner, Instance instance)
            : owner_(owner)
            , instance_(std::move(instance)) {}
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Hunspell& operator*() { return *instance_.hunspell; }
        Hunspell* operator->() { return instance_.hunspell.get(); }

    private:
        const Dictionary& owner_;
        Instance instance_;
    };
    Lease borrow() const;
    std::unique_ptr<Hunspell, HunspellDeleter> new_hunspell() const;

    Dictionary(std::string name, std::string aff_path, std::string dic_path);
    std::vector<std::string> one_edit_words(std::string_view word) const;
    using Memo =
        std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>;
    std::vector<std::string>
    memoised(Memo& memo, std::string_view word, std::size_t limit,
             std::vector<std::string> (Dictionary::*compute)(std::string_view) const) const;
    std::vector<std::string> hunspell_suggest(std::string_view word) const;

    std::string name_;
    std::string aff_path_, dic_path_;
    mutable std::mutex pool_mutex_; // guards idle_ and added_
    mutable std::vector<Instance> idle_;
    std::vector<std::string> added_; // replayed on every instance, whenever it was made
    mutable std::shared_mutex memo_mutex_;
    mutable std::unordered_map<std::string, bool, StringHash, std::equal_to<>> spell_memo_;
    mutable Memo near_memo_;
    mutable Memo suggest_memo_;
};

} // namespace translint::spell
