#include "names/name_key.hpp"

#include <array>

namespace translint::names {
namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

} // namespace

std::string name_key(std::string_view word, bool merge_vowels) {
    // Spellings folded to one letter each, the longest first (dzh before zh, shch before sh).
    auto at = [&](std::size_t i, std::string_view s) { return word.substr(i).starts_with(s); };
    auto soft = [&](std::size_t i) {
        return i < word.size() && (word[i] == 'e' || word[i] == 'i' || word[i] == 'y');
    };
    std::string folded;
    folded.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        const char c = word[i];
        std::size_t used = 1;
        char out = c;
        switch (c) {
        case 's':
            used = at(i, "shch") ? 4 : at(i, "sch") ? 3 : at(i, "sh") ? 2 : 1;
            break;
        case 'd':
            if (at(i, "dzh"))
                used = 3, out = 'j';
            else if (at(i, "dj"))
                used = 2, out = 'j';
            break;
        case 't':
            if (at(i, "tch"))
                used = 3, out = 'c';
            else if (at(i, "ts") || at(i, "tz"))
                used = 2, out = 's';
            else if (at(i, "th"))
                used = 2;
            break;
        case 'z':
            out = at(i, "zh") ? (used = 2, 'j') : 's';
            break;
        case 'k':
            if (at(i, "kh")) used = 2, out = 'h';
            break;
        case 'g':
            out = at(i, "gh") ? (used = 2, 'h') : soft(i + 1) ? 'j' : 'h';
            break;
        case 'c':
            if (at(i, "ch"))
                used = 2, out = 'c';
            else if (at(i, "ck"))
                used = 2, out = 'k';
            else
                out = soft(i + 1) ? 's' : 'k';
            break;
        case 'p':
            if (at(i, "ph")) used = 2, out = 'f';
            break;
        case 'x':
            folded += 'k', out = 's';
            break;
        case 'q':
            out = 'k';
            break;
        case 'w':
            out = 'v';
            break;
        case 'y':
            out = 'i';
            break;
        default:
            if (c < 'a' || c > 'z') out = 0;
        }
        if (out) folded += out;
        i += used;
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
    // Greek ch before a consonant is a K (Christian, Chloe); Polish cz is a Ch (Czeisler).
    if (word.starts_with("chr") || word.starts_with("chl"))
        spellings.push_back("k" + std::string(word.substr(2)));
    if (const auto cz = word.find("cz"); cz != std::string_view::npos)
        spellings.push_back(std::string(word.substr(0, cz)) + "ch" +
                            std::string(word.substr(cz + 2)));
    return spellings;
}

std::vector<std::string> strip_case_endings(std::string_view word) {
    // Genitive, dative, accusative, instrumental and locative endings of Russian and Ukrainian
    // nouns, as BGN writes them; the longest that fits is tried first.
    // Adjectives made of a place name (Гарвардскому, Сиракузском) lose their -sk- suffix too,
    // and a family named in the genitive plural (Клинтонов, "the Clintons") its -ov.
    static constexpr std::array<std::string_view, 33> endings{
        "skogo", "skomu", "skaya", "skoye", "skiy", "skyy", "skoy", "skom", "skim", "iyey", "iyeyu",
        "iyi",   "iyu",   "iya",   "ovi",   "oyu",  "eyu",  "omu",  "ogo",  "oho",  "om",   "em",
        "ym",    "oy",    "ey",    "ya",    "yu",   "ii",   "ov",   "ev",   "a",    "u",    "e"};
    std::vector<std::string> stems;
    for (std::string_view ending : endings)
        // Most surnames in -ov are Russian names: only a long stem is read as a plural.
        if (word.size() > ending.size() + (ending == "ov" || ending == "ev" ? 4 : 2) &&
            word.ends_with(ending))
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
