// UTF-8 helpers and the ICU case and character properties the rules need.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace translint::text {

// The byte offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);
std::size_t count_code_points(std::string_view utf8);

// Decodes the code point at `offset` and advances `offset` past it. The input must be valid.
char32_t next_code_point(std::string_view utf8, std::size_t& offset);

bool is_upper(char32_t c);
bool is_letter(char32_t c);
bool is_digit(char32_t c);

// True when every byte is ASCII: the common case, which needs no decoding.
bool is_ascii(std::string_view text);
// True when every letter is upper case and there are at least two of them (NASA, WSJ, COVID-19).
bool is_all_caps(std::string_view word);
// True when the first letter is upper case.
bool is_capitalised(std::string_view word);
// True when an upper-case letter follows a lower-case one (iPhone, SpaceX, McDonald).
bool has_inner_capital(std::string_view word);

std::string to_lower(std::string_view word);
// The word with its first letter in upper case.
std::string capitalise(std::string_view word);

std::u32string to_u32(std::string_view utf8);
std::string from_u32(std::u32string_view text);
// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a
// substring), counted in code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);
// 0 when equal, 1 when one insertion, deletion, substitution or swap of neighbours apart, 2
// otherwise: edit_distance capped at 2, in one pass.
std::size_t edits_up_to_one(std::u32string_view a, std::u32string_view b);

} // namespace translint::text
