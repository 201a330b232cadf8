#include "translint/document.hpp"

#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>

namespace translint {

OffsetMap OffsetMap::identity(std::size_t origin) {
    OffsetMap map;
    map.add_run(0, origin);
    return map;
}

void OffsetMap::add_run(std::size_t segment_offset, std::size_t original_offset) {
    runs_.push_back({segment_offset, original_offset});
}

std::size_t OffsetMap::to_original(std::size_t segment_offset) const {
    auto after = std::upper_bound(
        runs_.begin(), runs_.end(), segment_offset,
        [](std::size_t offset, const Run& run) { return offset < run.segment_offset; });
    if (after == runs_.begin()) return segment_offset;
    const Run& run = *std::prev(after);
    return run.original_offset + (segment_offset - run.segment_offset);
}

Document::Document(std::string path, std::string bytes)
    : path_(std::move(path))
    , bytes_(std::move(bytes)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < bytes_.size(); ++i)
        if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
}

Document Document::from_text(std::string path, std::string bytes) {
    // ICU indexes text with 32-bit integers; far below that, a file this large is not an article.
    constexpr std::size_t max_bytes = std::size_t(1) << 30;
    if (bytes.size() > max_bytes)
        throw Error(path + ": file too large (" + std::to_string(bytes.size()) +
                    " bytes; the limit is 1 GiB)");
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        throw Error(path + ": UTF-16 text (byte-order mark at byte offset 0); convert it to UTF-8");
    }
    if (auto bad = text::find_invalid_utf8(bytes)) {
        throw Error(path + ": invalid UTF-8 at byte offset " + std::to_string(*bad) + " (line " +
                    std::to_string(std::count(bytes.begin(), bytes.begin() + *bad, '\n') + 1) +
                    "); translint reads UTF-8 text only");
    }
    if (auto nul = bytes.find('\0'); nul != std::string::npos) {
        throw Error(path + ": binary file (NUL byte at byte offset " + std::to_string(nul) +
                    "); translint reads UTF-8 text only");
    }
    Document document(std::move(path), std::move(bytes));
    const std::size_t bom = document.bytes_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    document.segments_.push_back(
        {document.bytes_.substr(bom), OffsetMap::identity(bom), std::nullopt});
    return document;
}

void Document::add_suppression(Suppression suppression) {
    // Adapters add them in file order, so this is an append but for a few.
    const auto at =
        std::upper_bound(suppressions_.begin(), suppressions_.end(), suppression.begin,
                         [](std::size_t begin, const Suppression& s) { return begin < s.begin; });
    const std::size_t index = std::size_t(at - suppressions_.begin());
    suppressions_.insert(at, std::move(suppression));
    furthest_end_.resize(suppressions_.size());
    for (std::size_t i = index; i < suppressions_.size(); ++i)
        furthest_end_[i] = std::max(i == 0 ? 0 : furthest_end_[i - 1], suppressions_[i].end);
}

bool Document::suppressed(std::size_t offset, std::string_view rule,
                          std::string_view category) const {
    auto applies = [&](const Suppression& s) {
        return offset < s.end &&
               (s.rules.empty() ||
                std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& name) {
                    return name == rule || name == category;
                }));
    };
    // The suppressions that begin at or before the offset, latest first, while one may reach it.
    std::size_t i = std::size_t(
        std::upper_bound(suppressions_.begin(), suppressions_.end(), offset,
                         [](std::size_t at, const Suppression& s) { return at < s.begin; }) -
        suppressions_.begin());
    for (; i > 0 && furthest_end_[i - 1] > offset; --i)
        if (applies(suppressions_[i - 1])) return true;
    return false;
}

Position Document::position(std::size_t offset) const {
    offset = std::min(offset, bytes_.size());
    auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = next_line - line_starts_.begin();
    std::size_t start = line_starts_[line - 1];
    if (line == 1 && bytes_.starts_with("\xEF\xBB\xBF")) start = std::min<std::size_t>(3, offset);
    return {line,
            text::count_code_points(std::string_view(bytes_).substr(start, offset - start)) + 1};
}

std::string_view Document::line_text(std::size_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    const std::size_t start = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] : bytes_.size();
    std::string_view text = std::string_view(bytes_).substr(start, end - start);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

} // namespace translint
