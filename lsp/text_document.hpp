// An open document's text as the editor sees it, with LSP positions (line and character, in
// UTF-16 code units or UTF-8 bytes, as negotiated) converted to and from byte offsets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace translint::lsp {

enum class PositionEncoding { utf8, utf16 };

struct Position {
    std::size_t line = 0;
    std::size_t character = 0;
    bool operator==(const Position&) const = default;
};

class TextDocument {
public:
    explicit TextDocument(std::string text = {});

    const std::string& text() const { return text_; }
    // The byte offset of `position`. As the protocol asks, a character past the end of its line
    // means the line's end, and a line past the last means the end of the text; a position
    // inside a UTF-8 sequence or a surrogate pair moves to the next character.
    std::size_t offset(Position position, PositionEncoding encoding) const;
    Position position(std::size_t offset, PositionEncoding encoding) const;
    // Replaces bytes [begin, end) with `replacement` (an incremental change).
    void replace(std::size_t begin, std::size_t end, std::string_view replacement);

private:
    void index_lines();
    // Where line `line` ends, before its terminator (\n, \r\n or \r, as LSP counts lines).
    std::size_t line_end(std::size_t line) const;

    std::string text_;
    std::vector<std::size_t> line_starts_;
};

} // namespace translint::lsp
