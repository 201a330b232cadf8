// Markdown through md4c, a CommonMark parser: the text of paragraphs, headings, list items,
// quotes and table cells is checked; code blocks, inline code, raw HTML (comments included),
// link destinations and YAML front matter are not. md4c hands out text as pointers into the
// source, so every piece keeps its exact offset in the file.
#include "formats/markdown.hpp"

#include <md4c.h>

namespace translint::formats {
namespace {

// The entities Markdown writers use, decoded; others are kept as written.
std::string decode_entity(std::string_view entity) {
    static constexpr std::pair<std::string_view, std::string_view> named[] = {
        {"&amp;", "&"},    {"&lt;", "<"},        {"&gt;", ">"},    {"&quot;", "\""},
        {"&apos;", "'"},   {"&nbsp;", "\u00A0"}, {"&laquo;", "«"}, {"&raquo;", "»"},
        {"&ldquo;", "“"},  {"&rdquo;", "”"},     {"&lsquo;", "‘"}, {"&rsquo;", "’"},
        {"&hellip;", "…"}, {"&ndash;", "–"},     {"&mdash;", "—"}, {"&euro;", "€"}};
    for (const auto& [name, value] : named)
        if (entity == name) return std::string(value);
    return std::string(entity);
}

class Extractor {
public:
    Extractor(std::string_view source, std::size_t origin, SuppressionComments& comments)
        : source_(source)
        , origin_(origin)
        , comments_(comments) {}

    Segment take() {
        // Line feeds at the end separate nothing, and the separator after the last block would
        // map past the end of the file.
        while (text_.ends_with('\n'))
            text_.pop_back();
        return {std::move(text_), std::move(map_), std::nullopt};
    }

    static int enter_block(MD_BLOCKTYPE type, void*, void* self) {
        auto& e = *static_cast<Extractor*>(self);
        // A block that opens inside another (a list nested in an item, a quote's paragraph) starts
        // a paragraph of its own: "- voce\n  - voce" is two items, not "vocevoce".
        if (type != MD_BLOCK_DOC) e.separate("\n\n");
        if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) ++e.skipping_;
        if (type == MD_BLOCK_CODE) ++e.code_;
        return 0;
    }
    static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
        auto& e = *static_cast<Extractor*>(self);
        if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) --e.skipping_;
        if (type == MD_BLOCK_CODE) --e.code_;
        e.in_code_ = false;
        // Blocks are paragraphs to the rules: they end with a blank line, as in plain text.
        if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_LI ||
            type == MD_BLOCK_TD || type == MD_BLOCK_TH)
            e.separate("\n\n");
        return 0;
    }
    static int enter_span(MD_SPANTYPE, void*, void*) { return 0; }
    static int leave_span(MD_SPANTYPE, void*, void*) { return 0; }

    static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
        auto& e = *static_cast<Extractor*>(self);
        const std::string_view piece(text, size);
        const bool inside =
            text >= e.source_.data() && text + size <= e.source_.data() + e.source_.size();
        if (type == MD_TEXT_HTML && e.code_ == 0 && inside)
            e.comments_.read(piece, e.offset_of(text));
        if (e.skipping_ > 0 || type == MD_TEXT_HTML) return 0;
        switch (type) {
        case MD_TEXT_NORMAL:
            if (inside) {
                // A space before and a space after a skipped comment are one space to the
                // reader ("Musk, <!-- nota --> quarto").
                std::string_view rest = piece;
                if (e.text_.ends_with(' '))
                    rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
                if (!rest.empty()) e.append(rest, e.offset_of(rest.data()));
            }
            break;
        case MD_TEXT_ENTITY:
            if (inside) e.append(decode_entity(piece), e.offset_of(text));
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            e.append(" ", e.last_end_);
            break;
        case MD_TEXT_CODE:
            // Inline code stands as a number would: a word the rules leave alone, which keeps
            // the sentence around it whole ("usa `git` per" is not "usa  per").
            if (!e.in_code_) e.append("0", inside ? e.offset_of(text) : e.last_end_);
            e.in_code_ = true;
            return 0;
        default:
            break;
        }
        e.in_code_ = false;
        return 0;
    }

private:
    std::size_t offset_of(const MD_CHAR* text) const {
        return origin_ + static_cast<std::size_t>(text - source_.data());
    }

    void append(std::string_view piece, std::size_t original) {
        map_.add_run(text_.size(), original);
        text_ += piece;
        last_end_ = original + piece.size();
    }

    void separate(std::string_view separator) {
        if (text_.empty() || text_.ends_with("\n\n")) return;
        append(separator, last_end_);
    }

    std::string_view source_;
    std::size_t origin_;
    std::string text_;
    OffsetMap map_;
    std::size_t last_end_ = 0;
    int skipping_ = 0;
    int code_ = 0; // inside a code block, where a comment is code too
    bool in_code_ = false;
    SuppressionComments& comments_;
};

// The length of a YAML front matter block ("---" lines) at the start of the file, or 0.
std::size_t front_matter(std::string_view text) {
    if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return 0;
    for (std::size_t at = text.find('\n') + 1; at < text.size();) {
        const std::size_t end = text.find('\n', at);
        std::string_view line = text.substr(at, end == std::string_view::npos ? end : end - at);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line == "---" || line == "...")
            return end == std::string_view::npos ? text.size() : end + 1;
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return 0;
}

} // namespace

Segment extract_markdown(std::string_view bytes, std::size_t origin,
                         SuppressionComments& comments) {
    const std::size_t skipped = front_matter(bytes);
    const std::string_view body = bytes.substr(skipped);
    Extractor extractor(body, origin + skipped, comments);
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = Extractor::enter_block;
    parser.leave_block = Extractor::leave_block;
    parser.enter_span = Extractor::enter_span;
    parser.leave_span = Extractor::leave_span;
    parser.text = Extractor::text;
    md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &extractor);
    return extractor.take();
}

} // namespace translint::formats
