#include "spell/hunspell_backend.hpp"

#include "translint/error.hpp"

#include <filesystem>
#include <hunspell/hunspell.hxx>

namespace translint::spell {

Dictionary::Dictionary(std::string name, std::unique_ptr<Hunspell> hunspell)
    : name_(std::move(name))
    , hunspell_(std::move(hunspell)) {}

Dictionary::~Dictionary() = default;

std::unique_ptr<Dictionary> Dictionary::load(const std::string& name,
                                             const std::vector<std::string>& search_paths) {
    std::string searched;
    for (const std::string& directory : search_paths) {
        const auto aff = std::filesystem::path(directory) / (name + ".aff");
        const auto dic = std::filesystem::path(directory) / (name + ".dic");
        std::error_code ignored;
        if (std::filesystem::is_regular_file(aff, ignored) &&
            std::filesystem::is_regular_file(dic, ignored)) {
            return std::unique_ptr<Dictionary>(
                new Dictionary(name, std::make_unique<Hunspell>(aff.c_str(), dic.c_str())));
        }
        searched += (searched.empty() ? "" : ", ") + directory;
    }
    throw Error("Hunspell dictionary '" + name +
                "' not found (searched: " + (searched.empty() ? "no directories" : searched) + ")");
}

bool Dictionary::spell(std::string_view word) const {
    {
        std::shared_lock lock(memo_mutex_);
        if (auto it = spell_memo_.find(word); it != spell_memo_.end()) return it->second;
    }
    bool correct;
    {
        std::lock_guard lock(hunspell_mutex_);
        correct = hunspell_->spell(std::string(word));
    }
    std::unique_lock lock(memo_mutex_);
    spell_memo_.emplace(word, correct);
    return correct;
}

std::vector<std::string> Dictionary::suggest(std::string_view word, std::size_t limit) const {
    {
        std::shared_lock lock(memo_mutex_);
        if (auto it = suggest_memo_.find(word); it != suggest_memo_.end()) return it->second;
    }
    std::vector<std::string> suggestions;
    {
        std::lock_guard lock(hunspell_mutex_);
        suggestions = hunspell_->suggest(std::string(word));
    }
    if (suggestions.size() > limit) suggestions.resize(limit);
    std::unique_lock lock(memo_mutex_);
    suggest_memo_.emplace(word, suggestions);
    return suggestions;
}

void Dictionary::add(std::string_view word) {
    std::lock_guard lock(hunspell_mutex_);
    hunspell_->add(std::string(word));
    std::unique_lock memo_lock(memo_mutex_);
    spell_memo_.clear();
}

} // namespace translint::spell
