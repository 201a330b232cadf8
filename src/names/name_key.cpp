#include "names/name_key.hpp"

#include <array>
#include <utility>

namespace translint::names {
namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

} // namespace

std::string name_key(std::string_view word, bool merge_vowels) {
    // Longest spellings first, so "dzh" is read before "zh" and "shch" before "sh".
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 21> folds{{
        {"shch", "s"}, {"dzh", "j"}, {"sch", "s"}, {"tch", "c"}, {"zh", "j"}, {"dj", "j"},
        {"kh", "h"},   {"gh", "h"},  {"ch", "c"},  {"sh", "s"},  {"ts", "s"}, {"tz", "s"},
        {"ph", "f"},   {"th", "t"},  {"ck", "k"},  {"x", "ks"},  {"q", "k"},  {"w", "v"},
        {"z", "s"},    {"y", "i"},   {"'", ""},
    }};
    std::string folded;
    for (std::size_t i = 0; i < word.size();) {
        bool matched = false;
        for (const auto& [from, to] : folds)
            if (word.substr(i).starts_with(from)) {
                folded += to;
                i += from.size();
                matched = true;
                break;
            }
        if (matched) continue;
        const char c = word[i++];
        // g before e, i or y sounds like j in the languages these names come from (Farage, Gerard).
        if (c == 'g')
            folded += (i < word.size() && (word[i] == 'e' || word[i] == 'i' || word[i] == 'y'))
                          ? 'j'
                          : 'h';
        else if (c == 'c')
            folded += (i < word.size() && (word[i] == 'e' || word[i] == 'i' || word[i] == 'y'))
                          ? 's'
                          : 'k';
        else if (c >= 'a' && c <= 'z')
            folded += c;
    }
    // A silent h after a consonant (Bethesda, Rahm) and the vowel classes.
    std::string key;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        char c = folded[i];
        if (c == 'h' && i > 0 && !is_vowel(folded[i - 1]) && folded[i - 1] != 'h') continue;
        if (merge_vowels && is_vowel(c)) c = 'a';
        if (!key.empty() && key.back() == c) continue;
        key += c;
    }
    return key;
}

std::vector<std::string> sound_spellings(std::string_view word) {
    std::vector<std::string> spellings{std::string(word)};
    if (word.size() > 2 && word[0] == 'j' && is_vowel(word[1]))
        spellings.push_back("i" + std::string(word.substr(1)));
    return spellings;
}

std::vector<std::string> strip_case_endings(std::string_view word) {
    // Genitive, dative, accusative, instrumental and locative endings of Russian and Ukrainian
    // nouns, as BGN writes them; the longest that fits is tried first.
    static constexpr std::array<std::string_view, 22> endings{
        "iyey", "iyeyu", "iyi", "iyu", "iya", "ovi", "oyu", "eyu", "omu", "ogo", "oho",
        "om",   "em",    "ym",  "oy",  "ey",  "ya",  "yu",  "ii",  "a",   "u",   "e"};
    std::vector<std::string> stems;
    for (std::string_view ending : endings)
        if (word.size() > ending.size() + 2 && word.ends_with(ending))
            stems.emplace_back(word.substr(0, word.size() - ending.size()));
    if (word.size() > 4 && (word.ends_with('i') || word.ends_with('y')))
        stems.emplace_back(word.substr(0, word.size() - 1));
    return stems;
}

std::vector<std::string> cyrillic_declensions(std::string_view token, bool ukrainian) {
    std::vector<std::string> forms{std::string(token)};
    auto ends = [&](std::string_view ending) { return token.ends_with(ending); };
    auto stem = [&](std::string_view ending) {
        return std::string(token.substr(0, token.size() - ending.size()));
    };
    auto add = [&](const std::string& base, std::initializer_list<std::string_view> endings) {
        for (std::string_view e : endings)
            forms.push_back(base + std::string(e));
    };
    if (ends("ия"))
        add(stem("ия"), ukrainian ? std::initializer_list<std::string_view>{"ії", "ію", "ією"}
                                  : std::initializer_list<std::string_view>{"ии", "ию", "ией"});
    else if (ends("ія"))
        add(stem("ія"), {"ії", "ію", "ією"});
    else if (ends("а"))
        add(stem("а"), ukrainian
                           ? std::initializer_list<std::string_view>{"и", "і", "у", "ою"}
                           : std::initializer_list<std::string_view>{"ы", "и", "е", "у", "ой"});
    else if (ends("я"))
        add(stem("я"), ukrainian ? std::initializer_list<std::string_view>{"і", "ю", "ею"}
                                 : std::initializer_list<std::string_view>{"и", "е", "ю", "ей"});
    else if (ends("ь"))
        add(stem("ь"), ukrainian ? std::initializer_list<std::string_view>{"я", "ю", "ем", "і"}
                                 : std::initializer_list<std::string_view>{"я", "ю", "ем", "е"});
    else if (ends("й"))
        add(stem("й"), ukrainian ? std::initializer_list<std::string_view>{"я", "ю", "єм", "ї"}
                                 : std::initializer_list<std::string_view>{"я", "ю", "ем", "е"});
    else if (ends("о") || ends("е") || ends("и") || ends("і") || ends("у") || ends("ю")) {
        // Names ending in these vowels do not decline (Болсонару, Мілей aside).
    } else {
        add(std::string(token),
            ukrainian ? std::initializer_list<std::string_view>{"а", "у", "ові", "ом", "і"}
                      : std::initializer_list<std::string_view>{"а", "у", "ом", "е"});
    }
    return forms;
}

} // namespace translint::names
