#include "names/spelling_model.hpp"

#include <algorithm>
#include <cmath>

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

void SpellingModel::Counts::add(std::string_view word) {
    const std::vector<std::uint64_t> s = symbols(word);
    for (std::size_t at = order - 1; at < s.size(); ++at)
        for (std::size_t length = 0; length < order; ++length) {
            const std::uint64_t context = context_key(s, at, length);
            ++contexts[context];
            ++events[context << 5 | s[at]];
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
            const auto seen = contexts.find(context);
            if (seen == contexts.end()) break; // no longer context was seen either
            const auto event = events.find(context << 5 | s[at]);
            const double count = event == events.end() ? 0 : event->second;
            const double weight = seen->second / (seen->second + confidence);
            probability = weight * count / seen->second + (1 - weight) * probability;
        }
        out.push_back(std::log(probability));
    }
    return out;
}

void SpellingModel::train(const std::vector<std::string>& transliterated,
                          const std::vector<std::string>& written) {
    for (const std::string& word : transliterated)
        transliterated_.add(word);
    for (const std::string& word : written)
        written_.add(word);
    trained_ = !transliterated.empty() && !written.empty();
}

double SpellingModel::transliteration_score(std::string_view folded) const {
    if (!trained_ || folded.empty()) return 0;
    return (transliterated_.log_probability(folded) - written_.log_probability(folded)) /
           static_cast<double>(folded.size() + 1);
}

} // namespace translint::names

namespace translint::names {
double SpellingModel::strongest_fragment(std::string_view folded, std::size_t width) const {
    if (!trained_ || folded.empty()) return 0;
    const std::vector<double> a = transliterated_.log_probabilities(folded),
                              b = written_.log_probabilities(folded);
    double best = -1e9;
    for (std::size_t i = 0; i + width <= a.size(); ++i) {
        double sum = 0;
        for (std::size_t j = i; j < i + width; ++j)
            sum += a[j] - b[j];
        best = std::max(best, sum);
    }
    return best;
}
} // namespace translint::names
