#include "lsp/text_document.hpp"

#include <algorithm>

namespace translint::lsp {
namespace {

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

} // namespace

TextDocument::TextDocument(std::string text)
    : text_(std::move(text)) {
    index_lines();
}

void TextDocument::index_lines() {
    line_starts_.assign(1, 0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        if (text_[i] == '\n' || text_[i] == '\r') line_starts_.push_back(i + 1);
    }
}

std::size_t TextDocument::line_end(std::size_t line) const {
    const std::size_t begin = line_starts_[line];
    std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : text_.size();
    if (end > begin && text_[end - 1] == '\n') --end;
    if (end > begin && text_[end - 1] == '\r') --end;
    return end;
}

std::size_t TextDocument::offset(Position position, PositionEncoding encoding) const {
    if (position.line >= line_starts_.size()) return text_.size();
    const std::size_t begin = line_starts_[position.line], end = line_end(position.line);
    std::size_t at = begin, units = 0;
    while (at < end && units < position.character) {
        const std::size_t length =
            std::min(sequence_length(static_cast<unsigned char>(text_[at])), end - at);
        units += encoding == PositionEncoding::utf8 ? length : (length == 4 ? 2 : 1);
        at += length;
    }
    return at;
}

Position TextDocument::position(std::size_t offset, PositionEncoding encoding) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    Position position;
    position.line = static_cast<std::size_t>(next - line_starts_.begin()) - 1;
    const std::size_t begin = line_starts_[position.line];
    if (encoding == PositionEncoding::utf8) {
        position.character = offset - begin;
        return position;
    }
    for (std::size_t at = begin; at < offset;) {
        const std::size_t length = sequence_length(static_cast<unsigned char>(text_[at]));
        position.character += length == 4 ? 2 : 1;
        at += length;
    }
    return position;
}

void TextDocument::replace(std::size_t begin, std::size_t end, std::string_view replacement) {
    begin = std::min(begin, text_.size());
    end = std::clamp(end, begin, text_.size());
    text_.replace(begin, end - begin, replacement);
    index_lines();
}

} // namespace translint::lsp
