// Pattern matching shared by the rule kinds: RE2 only, so no rule can make the linter hang.
#pragma once

#include "text/segmenter.hpp"

#include <functional>
#include <memory>
#include <re2/re2.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace translint {

// Every non-overlapping match of `pattern` in `text`.
std::vector<text::Span> find_all(const RE2& pattern, std::string_view text);

// An opening mark and its closing one; a straight quote is both, with `close` empty.
struct Enclosure {
    std::string_view open, close;
};

// True when, on its line, text before `offset` leaves one of the enclosures open: the offset
// stands inside quotation marks or brackets.
bool enclosed(std::string_view text, std::size_t offset, std::span<const Enclosure> enclosures);

// Calls `visit` with the groups of every non-overlapping match, the whole match first; a group
// that did not take part is empty with a null data pointer.
void for_each_match(const RE2& pattern, std::string_view text,
                    const std::function<void(const std::vector<std::string_view>&)>& visit);

// A list of patterns compiled into one RE2 alternation, matched as whole words: a match must
// not start or end inside a word, judged with Unicode letters, not RE2's ASCII \b.
class PhraseMatcher {
public:
    struct Match {
        text::Span span;
        std::size_t alternative; // index into the patterns
    };

    // Throws translint::Error "file:line: reason" when RE2 rejects a pattern.
    PhraseMatcher(const std::vector<std::string>& patterns, bool ignore_case,
                  const std::string& file, std::size_t line);

    std::vector<Match> find(std::string_view text) const;

private:
    std::unique_ptr<RE2> regex_;
    std::vector<int> group_of_; // capturing group of each alternative
};

} // namespace translint
