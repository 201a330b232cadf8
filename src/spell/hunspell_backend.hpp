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
    std::vector<std::string> suggest(std::string_view word, std::size_t limit) const;
    // Accepts `word` from now on, with Hunspell's usual case variants (a lower-case word is
    // also accepted capitalised and in capitals).
    void add(std::string_view word);

private:
    Dictionary(std::string name, std::unique_ptr<Hunspell> hunspell);
    // Dictionary words one edit away from `word`, best first.
    std::vector<std::string> near_words(std::string_view word) const;

    std::string name_;
    std::unique_ptr<Hunspell> hunspell_;
    mutable std::mutex hunspell_mutex_; // Hunspell keeps per-call state inside the object
    mutable std::shared_mutex memo_mutex_;
    mutable std::unordered_map<std::string, bool, StringHash, std::equal_to<>> spell_memo_;
    mutable std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>
        suggest_memo_;
};

} // namespace translint::spell
