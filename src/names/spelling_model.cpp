#include "names/spelling_model.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <limits>
#include <utility>

namespace translint::names {
namespace {

constexpr std::size_t order = 5;
constexpr std::uint64_t boundary = 27;
constexpr double alphabet = 28;    // a-z, other letters, boundary
constexpr double confidence = 5.0; // how many sightings of a context before it is trusted

std::uint64_t symbol(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<std::uint64_t>(c - 'a' + 1) : 0;
}

// The word between boundary marks, as symbols.
std::vector<std::uint64_t> symbols(std::string_view word) {
    std::vector<std::uint64_t> out(order - 1, boundary);
    for (char c : word)
        out.push_back(symbol(c));
    out.push_back(boundary);
    return out;
}

// A context of `length` symbols ending before position `at`, tagged with its length.
std::uint64_t context_key(const std::vector<std::uint64_t>& s, std::size_t at, std::size_t length) {
    std::uint64_t key = length;
    for (std::size_t i = at - length; i < at; ++i)
        key = key << 5 | s[i];
    return key;
}

} // namespace

void SpellingModel::Table::add(std::uint64_t key) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::uint64_t>{}(key * 0x9E3779B97F4A7C15ull) & mask;;
         i = (i + 1) & mask) {
        if (slots_[i].first == key + 1) {
            ++slots_[i].second;
            return;
        }
        if (slots_[i].first == 0) {
            slots_[i] = {key + 1, 1};
            ++used_;
            return;
        }
    }
}

std::uint32_t SpellingModel::Table::count(std::uint64_t key) const {
    if (slots_.empty()) return 0;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::uint64_t>{}(key * 0x9E3779B97F4A7C15ull) & mask;;
         i = (i + 1) & mask) {
        if (slots_[i].first == key + 1) return slots_[i].second;
        if (slots_[i].first == 0) return 0;
    }
}

void SpellingModel::Table::grow() {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> old =
        std::exchange(slots_, std::vector<std::pair<std::uint64_t, std::uint32_t>>(
                                  std::max<std::size_t>(1024, slots_.size() * 2)));
    const std::size_t mask = slots_.size() - 1;
    for (const auto& [key, count] : old)
        if (key != 0)
            for (std::size_t i =
                     std::hash<std::uint64_t>{}((key - 1) * 0x9E3779B97F4A7C15ull) & mask;
                 ; i = (i + 1) & mask)
                if (slots_[i].first == 0) {
                    slots_[i] = {key, count};
                    break;
                }
}

void SpellingModel::Counts::add(std::string_view word) {
    const std::vector<std::uint64_t> s = symbols(word);
    for (std::size_t at = order - 1; at < s.size(); ++at)
        for (std::size_t length = 0; length < order; ++length) {
            const std::uint64_t context = context_key(s, at, length);
            contexts.add(context);
            events.add(context << 5 | s[at]);
        }
}

double SpellingModel::Counts::log_probability(std::string_view word) const {
    double total = 0;
    for (double p : log_probabilities(word))
        total += p;
    return total;
}

// Each order interpolated with the one below it, weighted by how often its context was seen.
std::vector<double> SpellingModel::Counts::log_probabilities(std::string_view word) const {
    const std::vector<std::uint64_t> s = symbols(word);
    std::vector<double> out;
    for (std::size_t at = order - 1; at < s.size(); ++at) {
        double probability = 1 / alphabet;
        for (std::size_t length = 0; length < order; ++length) {
            const std::uint64_t context = context_key(s, at, length);
            const double seen = contexts.count(context);
            if (seen == 0) break; // no longer context was seen either
            const double count = events.count(context << 5 | s[at]);
            const double weight = seen / (seen + confidence);
            probability = weight * count / seen + (1 - weight) * probability;
        }
        out.push_back(std::log(probability));
    }
    return out;
}

void SpellingModel::train(const std::vector<std::string>& transliterated,
                          const std::vector<std::string>& written) {
    // The two models are independent: one is counted on another thread.
    auto counting = std::async(std::launch::async, [&] {
        for (const std::string& word : transliterated)
            transliterated_.add(word);
    });
    for (const std::string& word : written)
        written_.add(word);
    counting.get();
    trained_ = !transliterated.empty() && !written.empty();
}

double SpellingModel::transliteration_score(std::string_view folded) const {
    if (!trained_ || folded.empty()) return 0;
    return (transliterated_.log_probability(folded) - written_.log_probability(folded)) /
           static_cast<double>(folded.size() + 1);
}

double SpellingModel::strongest_fragment(std::string_view folded, std::size_t width) const {
    if (!trained_ || folded.empty()) return 0;
    const std::vector<double> transliterated = transliterated_.log_probabilities(folded),
                              written = written_.log_probabilities(folded);
    double strongest = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + width <= transliterated.size(); ++i) {
        double sum = 0;
        for (std::size_t j = i; j < i + width; ++j)
            sum += transliterated[j] - written[j];
        strongest = std::max(strongest, sum);
    }
    return strongest;
}

} // namespace translint::names
