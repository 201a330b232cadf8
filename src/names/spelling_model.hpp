// How much a word reads like a Latin spelling that ICU's BGN schemes give back from Cyrillic
// (Seynsberi, Tryudell) rather than a name as Latin-script languages spell it (Sainsbury,
// Trudell): two character n-gram models, one trained on the gazetteer's names read back from
// their Russian and Ukrainian forms, one on the names as they are written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace translint::names {

class SpellingModel {
public:
    // Both lists hold lower-case ASCII words.
    void train(const std::vector<std::string>& transliterated,
               const std::vector<std::string>& written);
    // The mean log-likelihood ratio per letter, boundaries included: above 0 the word reads more
    // like a transliteration than a written name. 0 before training.
    double transliteration_score(std::string_view folded) const;

    // The strongest run of `width` letters: a fragment such as "ryu" marks a transliteration that
    // the mean over a long word dilutes.
    double strongest_fragment(std::string_view folded, std::size_t width = 3) const;

private:
    // An open-addressing table of counts: a million small entries build far faster than in a
    // node-based map.
    class Table {
    public:
        void add(std::uint64_t key);
        std::uint32_t count(std::uint64_t key) const;

    private:
        std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_; // key + 1, 0 when empty
        std::size_t used_ = 0;
        void grow();
    };
    // Counts of a letter after a context of up to `order - 1` letters, and of each context.
    struct Counts {
        Table events, contexts;
        void add(std::string_view word);
        double log_probability(std::string_view word) const;
        std::vector<double> log_probabilities(std::string_view word) const;
    };
    Counts transliterated_, written_;
    bool trained_ = false;
};

} // namespace translint::names
