#include "rules/rule.hpp"

#include "text/unicode.hpp"

#include <algorithm>

namespace translint {

SegmentContext::SegmentContext(const Segment& segment, std::string language,
                               std::string source_language)
    : segment_(segment)
    , language_(std::move(language))
    , source_language_(std::move(source_language))
    , words_(text::words(segment.text)) {
    line_starts_.push_back(0);
    for (std::size_t at = 0; (at = segment.text.find('\n', at)) != std::string::npos; ++at)
        line_starts_.push_back(at + 1);
}

bool SegmentContext::starts_sentence(std::size_t offset) const {
    std::string_view text = segment_.text;
    // Walk back over white space and opening quotes or brackets.
    std::size_t i = offset;
    while (i > 0) {
        const char c = text[i - 1];
        if (c == '\n') return true;
        if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '(' || c == '[' || c == '\'') {
            --i;
            continue;
        }
        if ((c & 0xC0) == 0x80 || (c & 0xC0) == 0xC0) { // a multi-byte character: quote or dash?
            std::size_t start = i - 1;
            while (start > 0 && (text[start] & 0xC0) == 0x80)
                --start;
            std::size_t cursor = start;
            const char32_t cp = text::next_code_point(text, cursor);
            if (cp == U'«' || cp == U'“' || cp == U'‘' || cp == U'„' || cp == U'—' || cp == U'–' ||
                cp == U'\u00A0') {
                i = start;
                continue;
            }
        }
        break;
    }
    if (i == 0) return true;
    // Sentences never cross a line here, so segment only the line that holds the offset. It is
    // looked up, not searched for: a file may be one long line.
    const std::size_t line_start =
        *std::prev(std::upper_bound(line_starts_.begin(), line_starts_.end(), i - 1));
    std::lock_guard lock(sentence_mutex_);
    auto [entry, added] = sentence_starts_.try_emplace(line_start);
    if (added) {
        const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
        for (const text::Span& sentence :
             text::sentences(text.substr(line_start, line_end - line_start)))
            entry->second.push_back(line_start + sentence.offset);
    }
    // ICU starts a sentence after the spaces that end the last one, before an opening quote.
    const auto start = std::lower_bound(entry->second.begin(), entry->second.end(), i);
    return start != entry->second.end() && *start <= offset;
}

std::string format_message(const std::string& message, std::string_view match,
                           std::string_view suggestion) {
    std::string out;
    for (std::size_t i = 0; i < message.size();) {
        if (message.compare(i, 7, "{match}") == 0) {
            out += match;
            i += 7;
        } else if (message.compare(i, 12, "{suggestion}") == 0) {
            out += suggestion;
            i += 12;
        } else {
            out += message[i++];
        }
    }
    return out;
}

Diagnostic Rule::diagnose(const SegmentContext& context, text::Span span,
                          std::vector<std::string> suggestions, bool with_fix) const {
    Diagnostic d;
    d.rule = spec_.id;
    d.category = spec_.category;
    d.severity = spec_.severity;
    const std::string_view match = context.text().substr(span.offset, span.length);
    d.message =
        format_message(spec_.message, match, suggestions.empty() ? "" : suggestions.front());
    const OffsetMap& map = context.segment().map;
    d.offset = map.to_original(span.offset);
    // The end is the byte after the last one flagged: mapped through that last byte, it cannot
    // land past markup that follows the text ("**Ilon** Musk").
    d.length = span.length == 0 ? 0 : map.to_original(span.end() - 1) + 1 - d.offset;
    if (with_fix && !suggestions.empty())
        d.fixes.push_back({d.offset, d.length, suggestions.front()});
    d.suggestions = std::move(suggestions);
    return d;
}

} // namespace translint
