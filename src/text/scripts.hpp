// Unicode scripts of letters, from ICU: which writing system a letter belongs to, and the Latin
// letter a Cyrillic or Greek one can pass for (о for o), from ICU's confusables data.
#pragma once

#include <string>

namespace translint::text {

// True for letters of the Latin blocks below U+0250 and of Latin Extended Additional, and for
// ASCII: the letters of Western European text, known without asking ICU.
inline bool plainly_latin(char32_t c) {
    return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
}

// ICU's script code of a code point; -1 for characters every script shares (digits,
// punctuation) or that take the script of what precedes them (combining marks).
int script_of(char32_t c);
// The script's name in English, as ICU gives it: "Latin", "Cyrillic", "Han".
std::string script_name(int script);
// The Latin letters a letter of another script looks like (Cyrillic о: "o"), or "" when it
// looks like none.
std::string latin_lookalike(char32_t c);

constexpr int latin_script = 25; // USCRIPT_LATIN

} // namespace translint::text
