#include "spell/hunspell_backend.hpp"

#include "core/lines.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"
#include "translint/io.hpp"

#include <algorithm>
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <utility>

namespace translint::spell {

Dictionary::Dictionary(std::string name, std::string aff_path, std::string dic_path)
    : name_(std::move(name))
    , aff_path_(std::move(aff_path))
    , dic_path_(std::move(dic_path)) {
    idle_.push_back({new_hunspell()});
}

Dictionary::~Dictionary() = default;

void Dictionary::HunspellDeleter::operator()(Hunspell* hunspell) const {
    delete hunspell;
}

std::unique_ptr<Hunspell, Dictionary::HunspellDeleter> Dictionary::new_hunspell() const {
    return std::unique_ptr<Hunspell, HunspellDeleter>(
        new Hunspell(aff_path_.c_str(), dic_path_.c_str()));
}

Dictionary::Lease Dictionary::borrow() const {
    std::unique_lock lock(pool_mutex_);
    Instance instance;
    if (!idle_.empty()) {
        instance = std::move(idle_.back());
        idle_.pop_back();
    } else {
        lock.unlock(); // loading takes a while; the others go on meanwhile
        instance.hunspell = new_hunspell();
        lock.lock();
    }
    for (; instance.words_added < added_.size(); ++instance.words_added)
        instance.hunspell->add(added_[instance.words_added]);
    return Lease(*this, std::move(instance));
}

Dictionary::Lease::~Lease() {
    std::lock_guard lock(owner_.pool_mutex_);
    owner_.idle_.push_back(std::move(instance_));
}

namespace {

// NAME.aff and NAME.dic in the first directory of `search_paths` that has both.
std::pair<std::filesystem::path, std::filesystem::path>
find_files(const std::string& name, const std::vector<std::string>& search_paths) {
    std::string searched;
    for (const std::string& directory : search_paths) {
        const auto aff = std::filesystem::path(directory) / (name + ".aff");
        const auto dic = std::filesystem::path(directory) / (name + ".dic");
        std::error_code ignored;
        if (std::filesystem::is_regular_file(aff, ignored) &&
            std::filesystem::is_regular_file(dic, ignored))
            return {aff, dic};
        searched += (searched.empty() ? "" : ", ") + directory;
    }
    throw Error("Hunspell dictionary '" + name +
                "' not found (searched: " + (searched.empty() ? "no directories" : searched) + ")");
}

} // namespace

std::unique_ptr<Dictionary> Dictionary::load(const std::string& name,
                                             const std::vector<std::string>& search_paths) {
    const auto [aff, dic] = find_files(name, search_paths);
    return std::unique_ptr<Dictionary>(new Dictionary(name, aff.string(), dic.string()));
}

std::vector<std::string>
Dictionary::capitalised_words(const std::string& name,
                              const std::vector<std::string>& search_paths) {
    std::vector<std::string> words;
    const std::string text = read_file(find_files(name, search_paths).second);
    bool count_line = true; // the first line holds the number of entries
    for_each_line(text, [&](std::size_t, std::string_view line) {
        if (std::exchange(count_line, false)) return;
        const std::string_view word = line.substr(0, line.find_first_of("/\t "));
        // Only plain names: letters alone, so no abbreviations (Dr.), digits or escapes.
        if (text::find_invalid_utf8(word) || !text::is_capitalised(word) ||
            text::is_all_caps(word) || !std::all_of(word.begin(), word.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80 ||
                       std::isalpha(static_cast<unsigned char>(c));
            }))
            return;
        words.emplace_back(word);
    });
    return words;
}

bool Dictionary::spell(std::string_view word) const {
    {
        std::shared_lock lock(memo_mutex_);
        if (auto it = spell_memo_.find(word); it != spell_memo_.end()) return it->second;
    }
    const bool correct = borrow()->spell(std::string(word));
    std::unique_lock lock(memo_mutex_);
    spell_memo_.emplace(word, correct);
    return correct;
}

std::vector<std::string> Dictionary::one_edit_words(std::string_view word) const {
    // Accents restored on the last vowel come first, then single edits in the order typists
    // make them: swapped, dropped, wrong and extra letters.
    static constexpr std::u32string_view letters = U"aeioubcdfghlmnpqrstvzjkwxyàèéìòù";
    const std::u32string original = text::to_u32(word);
    // Hunspell knows no word this long, and the candidates grow with the square of the length.
    if (original.size() > MAXWORDLEN) return {};
    std::vector<std::u32string> candidates;
    if (!original.empty()) {
        static constexpr std::u32string_view plain = U"aeeiou", accented = U"àèéìòù";
        for (std::size_t i = 0; i < plain.size(); ++i)
            if (original.back() == plain[i]) {
                candidates.push_back(original);
                candidates.back().back() = accented[i];
            }
    }
    for (std::size_t i = 0; i + 1 < original.size(); ++i) {
        candidates.push_back(original);
        std::swap(candidates.back()[i], candidates.back()[i + 1]);
    }
    for (std::size_t i = 0; i < original.size(); ++i)
        candidates.push_back(original.substr(0, i) + original.substr(i + 1));
    for (std::size_t i = 0; i < original.size(); ++i)
        for (char32_t c : letters)
            if (c != original[i]) {
                candidates.push_back(original);
                candidates.back()[i] = c;
            }
    for (std::size_t i = 0; i <= original.size(); ++i)
        for (char32_t c : letters)
            candidates.push_back(original.substr(0, i) + c + original.substr(i));
    std::vector<std::string> found;
    Lease hunspell = borrow();
    for (const std::u32string& candidate : candidates) {
        std::string utf8 = text::from_u32(candidate);
        if (std::find(found.begin(), found.end(), utf8) == found.end() && hunspell->spell(utf8))
            found.push_back(std::move(utf8));
    }
    return found;
}

std::vector<std::string> Dictionary::hunspell_suggest(std::string_view word) const {
    return borrow()->suggest(std::string(word));
}

std::vector<std::string>
Dictionary::memoised(Memo& memo, std::string_view word, std::size_t limit,
                     std::vector<std::string> (Dictionary::*compute)(std::string_view)
                         const) const {
    {
        std::shared_lock lock(memo_mutex_);
        if (auto it = memo.find(word); it != memo.end())
            return {it->second.begin(), it->second.begin() + std::min(limit, it->second.size())};
    }
    std::vector<std::string> words = (this->*compute)(word);
    std::unique_lock lock(memo_mutex_);
    memo.emplace(word, words);
    if (words.size() > limit) words.resize(limit);
    return words;
}

std::vector<std::string> Dictionary::near_words(std::string_view word, std::size_t limit) const {
    return memoised(near_memo_, word, limit, &Dictionary::one_edit_words);
}

std::vector<std::string> Dictionary::suggest(std::string_view word, std::size_t limit) const {
    return memoised(suggest_memo_, word, limit, &Dictionary::hunspell_suggest);
}

void Dictionary::add(std::string_view word) {
    {
        std::lock_guard lock(pool_mutex_);
        added_.emplace_back(word); // instances take it in when next borrowed
    }
    std::unique_lock memo_lock(memo_mutex_);
    spell_memo_.clear();
}

} // namespace translint::spell
