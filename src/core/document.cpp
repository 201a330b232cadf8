#include "translint/document.hpp"

#include "text/unicode.hpp"
#include "translint/error.hpp"
#include "translint/io.hpp"

#include <algorithm>
#include <utility>

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
    code_points_before_.reserve(bytes_.size() / checkpoint + 1);
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        if (i % checkpoint == 0) code_points_before_.push_back(code_points);
        const unsigned char byte = static_cast<unsigned char>(bytes_[i]);
        if (byte == '\n') line_starts_.push_back(i + 1);
        if ((byte & 0xC0) != 0x80) ++code_points;
    }
    // The end of the file has its checkpoint too when it ends a block.
    if (bytes_.size() % checkpoint == 0) code_points_before_.push_back(code_points);
}

std::size_t Document::code_points_before(std::size_t offset) const {
    const std::size_t block = offset / checkpoint;
    return code_points_before_[block] + text::count_code_points(std::string_view(bytes_).substr(
                                            block * checkpoint, offset - block * checkpoint));
}

Document Document::from_text(std::string path, std::string bytes, std::size_t max_bytes) {
    if (bytes.size() > max_bytes)
        throw file_too_large(path, std::to_string(bytes.size()), max_bytes);
    // UTF-32's marks begin like UTF-16's little-endian one, so they are looked for first.
    for (const auto& [mark, encoding] :
         {std::pair<std::string_view, const char*>{std::string_view("\xFF\xFE\0\0", 4),
                                                   "UTF-32 (little-endian)"},
          {std::string_view("\0\0\xFE\xFF", 4), "UTF-32 (big-endian)"},
          {"\xFF\xFE", "UTF-16 (little-endian)"},
          {"\xFE\xFF", "UTF-16 (big-endian)"}}) {
        if (bytes.starts_with(mark))
            throw Error(path + ": " + encoding +
                        " text (byte-order mark at byte offset 0); translint reads UTF-8 only: "
                        "convert it to UTF-8, e.g. with iconv -f " +
                        std::string(encoding).substr(0, 6) + " -t UTF-8");
    }
    // A NUL early on marks a binary file (an image, an executable) better than its first byte
    // that is not UTF-8, as git and grep judge; a NUL later is still refused, below.
    constexpr std::size_t sniffed = 8000;
    const std::size_t nul = bytes.find('\0');
    auto binary = [&] {
        return Error(path + ": binary file (NUL byte at byte offset " + std::to_string(nul) +
                     "); translint reads UTF-8 text only");
    };
    if (nul < sniffed) throw binary();
    if (auto bad = text::find_invalid_utf8(bytes)) {
        throw Error(path + ": invalid UTF-8 at byte offset " + std::to_string(*bad) + " (line " +
                    std::to_string(std::count(bytes.begin(), bytes.begin() + *bad, '\n') + 1) +
                    "); translint reads UTF-8 text only");
    }
    if (nul != std::string::npos) throw binary();
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
    if (offset - start < 2 * checkpoint)
        return {line,
                text::count_code_points(std::string_view(bytes_).substr(start, offset - start)) +
                    1};
    return {line, code_points_before(offset) - code_points_before(start) + 1};
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
