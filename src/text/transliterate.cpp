#include "text/transliterate.hpp"

#include "text/unicode.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace translint::text {
namespace {

const char* icu_id(Scheme scheme) {
    switch (scheme) {
    case Scheme::russian_bgn:
        return "Russian-Latin/BGN";
    case Scheme::ukrainian_bgn:
        return "Ukrainian-Latin/BGN";
    case Scheme::ascii_lower:
        return "Any-Latin; Latin-ASCII; Lower";
    }
    return "Any-Latin";
}

// Building a transliterator compiles its rules, so each is built once; ICU's transliterate()
// is const but not documented as thread-safe, so each thread works on its own clone.
icu::Transliterator& prototype(const std::string& id) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<icu::Transliterator>> by_id;
    std::lock_guard lock(mutex);
    auto& slot = by_id[id];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        slot.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id),
                                                       UTRANS_FORWARD, status));
        if (U_FAILURE(status))
            throw std::runtime_error("ICU transliterator " + id + ": " + u_errorName(status));
    }
    return *slot;
}

icu::Transliterator& for_this_thread(const std::string& id) {
    thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> clones;
    auto& slot = clones[id];
    if (!slot) {
        icu::Transliterator& original = prototype(id);
        static std::mutex cloning; // clone() reads the prototype
        std::lock_guard lock(cloning);
        slot.reset(original.clone());
    }
    return *slot;
}

std::string run(const std::string& id, std::string_view text) {
    icu::UnicodeString buffer = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for_this_thread(id).transliterate(buffer);
    std::string out;
    buffer.toUTF8String(out);
    return out;
}

} // namespace

std::vector<std::string> transliterate(const std::vector<std::string>& words, Scheme scheme) {
    // ICU rewrites its buffer in place, moving the rest of the text at every change of length,
    // so one call per few kilobytes is the fast middle between a call per word and one for all.
    constexpr std::size_t chunk_bytes = 4096;
    std::vector<std::string> out;
    out.reserve(words.size());
    std::string joined;
    auto flush = [&] {
        const std::string latin = run(icu_id(scheme), joined);
        joined.clear();
        std::string current;
        for (std::size_t i = 0; i < latin.size(); ++i) {
            if (latin[i] == '\n') {
                out.push_back(std::move(current));
                current.clear();
            } else if (latin.compare(i, 2, "\u02B9") == 0 || latin.compare(i, 2, "\u02BA") == 0 ||
                       latin.compare(i, 2, "\u00B7") == 0) {
                ++i; // ʹ, ʺ and the separating dot of t·s: two bytes each
            } else {
                current += latin[i];
            }
        }
    };
    for (const std::string& word : words) {
        (joined += word) += '\n';
        if (joined.size() >= chunk_bytes) flush();
    }
    if (!joined.empty()) flush();
    return out;
}

std::string fold_to_ascii(std::string_view word) {
    // Most words are plain ASCII already, and ICU's compound transliterator is slow.
    if (is_ascii(word)) {
        return ascii_lower(word);
    }
    return transliterate({std::string(word)}, Scheme::ascii_lower).front();
}

std::string ascii_lower(std::string_view word) {
    std::string lower(word);
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

} // namespace translint::text
