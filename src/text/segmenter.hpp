// Paragraphs, sentences and words, found with ICU's break iterators over UTF-8 in place, so
// every span is a byte span into the text that was passed in.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace translint::text {

struct Span {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::size_t end() const { return offset + length; }
};

enum class TokenKind { word, number, ideograph };

struct Token {
    Span span;
    TokenKind kind;
};

// Lines that hold text, without their terminators (LF or CRLF). News text puts one paragraph on
// each line, with or without blank lines between them.
std::vector<Span> paragraphs(std::string_view text);
// Sentences per ICU's sentence rules, without trailing white space.
std::vector<Span> sentences(std::string_view text);
// Words and numbers per ICU's word rules; spaces and punctuation are left out. An apostrophe
// between letters stays inside the word (dell'attuale), as ICU's rules say.
std::vector<Token> words(std::string_view text);

} // namespace translint::text
