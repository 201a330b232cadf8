#include "text/segmenter.hpp"

#include <memory>
#include <stdexcept>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace translint::text {
namespace {

enum class Unit { word, sentence };

// Creating a break iterator loads and compiles its rules, so each thread keeps one of each.
icu::BreakIterator& iterator(Unit unit) {
    thread_local std::unique_ptr<icu::BreakIterator> word, sentence;
    auto& slot = unit == Unit::word ? word : sentence;
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale = icu::Locale::getRoot();
        slot.reset(unit == Unit::word ? icu::BreakIterator::createWordInstance(locale, status)
                                      : icu::BreakIterator::createSentenceInstance(locale, status));
        if (U_FAILURE(status))
            throw std::runtime_error("ICU break iterator: " + std::string(u_errorName(status)));
    }
    return *slot;
}

// Points `it` at `text` through a UTF-8 UText, whose native indices are byte offsets.
class Utf8Text {
public:
    Utf8Text(icu::BreakIterator& it, std::string_view text) {
        UErrorCode status = U_ZERO_ERROR;
        utext_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        it.setText(utext_, status);
        if (U_FAILURE(status))
            throw std::runtime_error("ICU text: " + std::string(u_errorName(status)));
    }
    ~Utf8Text() { utext_close(utext_); }
    Utf8Text(const Utf8Text&) = delete;
    Utf8Text& operator=(const Utf8Text&) = delete;

private:
    UText* utext_ = nullptr;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::vector<Span> paragraphs(std::string_view text) {
    std::vector<Span> spans;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::size_t stop = end;
        if (stop > start && text[stop - 1] == '\r') --stop;
        std::string_view line = text.substr(start, stop - start);
        if (line.find_first_not_of(" \t\f\v") != std::string_view::npos)
            spans.push_back({start, stop - start});
        start = end + 1;
    }
    return spans;
}

std::vector<Span> sentences(std::string_view text) {
    std::vector<Span> spans;
    icu::BreakIterator& it = iterator(Unit::sentence);
    Utf8Text utext(it, text);
    for (int32_t start = it.first(), end = it.next(); end != icu::BreakIterator::DONE;
         start = end, end = it.next()) {
        std::size_t stop = static_cast<std::size_t>(end);
        while (stop > static_cast<std::size_t>(start) && is_space(text[stop - 1]))
            --stop;
        if (stop > static_cast<std::size_t>(start))
            spans.push_back(
                {static_cast<std::size_t>(start), stop - static_cast<std::size_t>(start)});
    }
    return spans;
}

std::vector<Token> words(std::string_view text) {
    // ICU's break iterator over a UTF-8 UText converts it chunk by chunk and runs several times
    // slower than over UTF-16, so convert once and walk the two encodings in step.
    const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::BreakIterator& it = iterator(Unit::word);
    it.setText(utf16);
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 6); // about one word in six bytes of prose
    std::size_t byte = 0;            // the UTF-8 offset of UTF-16 index `unit`
    int32_t unit = 0;
    auto advance_to = [&](int32_t target) {
        while (unit < target) {
            const auto lead = static_cast<unsigned char>(text[byte]);
            const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            byte += length;
            unit += length == 4 ? 2 : 1;
        }
        return byte;
    };
    for (int32_t start = it.first(), end = it.next(); end != icu::BreakIterator::DONE;
         start = end, end = it.next()) {
        const int32_t status = it.getRuleStatus();
        TokenKind kind;
        if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT)
            kind = status >= UBRK_WORD_KANA ? TokenKind::ideograph : TokenKind::word;
        else if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
            kind = TokenKind::number;
        else
            continue;
        const std::size_t from = advance_to(start);
        tokens.push_back({{from, advance_to(end) - from}, kind});
    }
    return tokens;
}

} // namespace translint::text
