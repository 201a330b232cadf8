#include "rules/matching.hpp"

#include "text/unicode.hpp"
#include "translint/error.hpp"

namespace translint {
namespace {

bool is_word_char(char32_t c) {
    return text::is_letter(c) || text::is_digit(c);
}

char32_t code_point_before(std::string_view text, std::size_t offset) {
    if (offset == 0) return U' ';
    std::size_t start = offset - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    return text::next_code_point(text, start);
}

char32_t code_point_at(std::string_view text, std::size_t offset) {
    return offset >= text.size() ? U' ' : text::next_code_point(text, offset);
}

// True when a match cuts no word in two: a word character at an edge of the match must not
// touch a word character outside it.
bool whole_words(std::string_view text, text::Span span) {
    if (span.length == 0) return false;
    if (is_word_char(code_point_at(text, span.offset)) &&
        is_word_char(code_point_before(text, span.offset)))
        return false;
    return !(is_word_char(code_point_before(text, span.end())) &&
             is_word_char(code_point_at(text, span.end())));
}

RE2::Options options(bool ignore_case) {
    RE2::Options o;
    o.set_case_sensitive(!ignore_case);
    o.set_log_errors(false);
    return o;
}

} // namespace

std::vector<text::Span> find_all(const RE2& pattern, std::string_view text) {
    std::vector<text::Span> spans;
    const re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    std::size_t position = 0;
    while (position <= text.size() &&
           pattern.Match(input, position, text.size(), RE2::UNANCHORED, &match, 1)) {
        const std::size_t start = match.data() - text.data();
        if (match.size()) spans.push_back({start, match.size()});
        position = start + std::max<std::size_t>(match.size(), 1);
    }
    return spans;
}

bool enclosed(std::string_view text, std::size_t offset, std::span<const Enclosure> enclosures) {
    const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    const std::string_view before = text.substr(line_start, offset - line_start);
    auto count = [&](std::string_view mark) {
        std::size_t n = 0;
        for (std::size_t at = before.find(mark); at != std::string_view::npos;
             at = before.find(mark, at + mark.size()))
            ++n;
        return n;
    };
    return std::any_of(enclosures.begin(), enclosures.end(), [&](const Enclosure& e) {
        return e.close.empty() ? count(e.open) % 2 == 1 : count(e.open) > count(e.close);
    });
}

void for_each_match(const RE2& pattern, std::string_view text,
                    const std::function<void(const std::vector<std::string_view>&)>& visit) {
    const re2::StringPiece input(text.data(), text.size());
    std::vector<re2::StringPiece> groups(1 + pattern.NumberOfCapturingGroups());
    std::vector<std::string_view> views(groups.size());
    std::size_t position = 0;
    while (position <= text.size() &&
           pattern.Match(input, position, text.size(), RE2::UNANCHORED, groups.data(),
                         static_cast<int>(groups.size()))) {
        for (std::size_t g = 0; g < groups.size(); ++g)
            views[g] = std::string_view(groups[g].data(), groups[g].size());
        visit(views);
        const std::size_t start = static_cast<std::size_t>(groups[0].data() - text.data());
        position = start + std::max<std::size_t>(groups[0].size(), 1);
    }
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& patterns, bool ignore_case,
                             const std::string& file, std::size_t line) {
    std::string combined;
    int group = 1;
    for (const std::string& pattern : patterns) {
        const RE2 alone(pattern, options(ignore_case));
        if (!alone.ok())
            throw error_at(file, line, "bad pattern '" + pattern + "': " + alone.error());
        combined += (combined.empty() ? "(" : "|(") + pattern + ")";
        group_of_.push_back(group);
        group += 1 + alone.NumberOfCapturingGroups();
    }
    regex_ = std::make_unique<RE2>(combined.empty() ? "[^\\x00-\\x{10FFFF}]" : combined,
                                   options(ignore_case));
    if (!regex_->ok()) throw error_at(file, line, "bad patterns: " + regex_->error());
}

std::vector<PhraseMatcher::Match> PhraseMatcher::find(std::string_view text) const {
    std::vector<Match> matches;
    const re2::StringPiece input(text.data(), text.size());
    std::vector<re2::StringPiece> groups(1 + regex_->NumberOfCapturingGroups());
    std::size_t position = 0;
    while (position < text.size() &&
           regex_->Match(input, position, text.size(), RE2::UNANCHORED, groups.data(),
                         static_cast<int>(groups.size()))) {
        const text::Span span{static_cast<std::size_t>(groups[0].data() - text.data()),
                              groups[0].size()};
        if (whole_words(text, span)) {
            std::size_t alternative = 0;
            while (alternative + 1 < group_of_.size() &&
                   groups[group_of_[alternative]].data() == nullptr)
                ++alternative;
            matches.push_back({span, alternative});
            position = span.end();
        } else {
            // Retry one code point later, so a shorter match inside the same stretch is found.
            position = span.offset + 1;
            while (position < text.size() &&
                   (static_cast<unsigned char>(text[position]) & 0xC0) == 0x80)
                ++position;
        }
    }
    return matches;
}

} // namespace translint
