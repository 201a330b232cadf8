// HTML through gumbo, an HTML5 parser: the visible text of the body is checked; scripts, styles,
// code, the head and comments are not. Entities are decoded (&amp; is &) and mapped back to
// where they stand in the file. The tree is walked with an explicit stack, so deep nesting
// cannot exhaust the call stack.
#include "formats/html.hpp"

#include "text/unicode.hpp"

#include <gumbo.h>
#include <memory>

namespace translint::formats {
namespace {

bool skipped(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEXTAREA:
        return true;
    default:
        return false;
    }
}

// Elements a reader sees as separate blocks: paragraphs to the rules.
bool block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
        return true;
    default:
        return false;
    }
}

// The length of a character reference at the start of `text` ("&amp;", "&#8217;"), or 0.
std::size_t reference_length(std::string_view text) {
    if (text.size() < 3 || text[0] != '&') return 0;
    std::size_t i = 1;
    if (text[i] == '#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        const std::size_t digits = i;
        while (i < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[i]))
                                       : std::isdigit(static_cast<unsigned char>(text[i]))))
            ++i;
        if (i == digits) return 0;
    } else {
        while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == 1) return 0;
    }
    return i < text.size() && text[i] == ';' ? i + 1 : i;
}

// True when the '&' that starts `original` stands for itself: the parser kept it ("AT&T"), so
// the decoded text has '&' where no reference to '&' was written.
bool bare_ampersand(std::string_view original, char decoded) {
    if (decoded != '&') return false;
    for (std::string_view reference : {"&amp", "&AMP", "&#38", "&#x26", "&#X26"})
        if (original.starts_with(reference)) return false;
    return true;
}

class Extractor {
public:
    Extractor(std::string_view source, std::size_t origin, SuppressionComments& comments)
        : source_(source)
        , origin_(origin)
        , comments_(comments) {}

    void walk(const GumboNode* root) {
        // Each entry is a node to enter, or (with `leave`) an element to close.
        struct Step {
            const GumboNode* node;
            bool leave;
        };
        std::vector<Step> stack{{root, false}};
        while (!stack.empty()) {
            const Step step = stack.back();
            stack.pop_back();
            const GumboNode* node = step.node;
            if (node->type == GUMBO_NODE_WHITESPACE) {
                // Between blocks, the layout of the source is no text.
                if (!text_.empty() && !text_.ends_with('\n') && !text_.ends_with(' '))
                    text(node->v.text);
                continue;
            }
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
                text(node->v.text);
                continue;
            }
            if (node->type == GUMBO_NODE_COMMENT) {
                comment(node->v.text);
                continue;
            }
            if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
                node->type != GUMBO_NODE_TEMPLATE)
                continue;
            const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT
                                              ? node->v.document.children
                                              : node->v.element.children;
            const GumboTag tag =
                node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
            if (step.leave) {
                if (block(tag)) separate();
                if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP)
                    append("0", last_end_); // stands as a number would, keeping the sentence
                continue;
            }
            if (skipped(tag)) continue;
            // A block starts a paragraph of its own: "la città<p>la città" is two.
            if (block(tag)) separate();
            stack.push_back({node, true});
            if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP)
                continue; // the children are code
            for (std::size_t i = children.length; i-- > 0;)
                stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
        }
    }

    Segment take() { return {std::move(text_), std::move(map_), std::nullopt}; }

private:
    // A text node, its entities decoded: gumbo's decoded text walked beside the original.
    void text(const GumboText& node) {
        const std::string_view original(node.original_text.data, node.original_text.length);
        const std::string_view decoded(node.text);
        if (original.data() < source_.data() ||
            original.data() + original.size() > source_.data() + source_.size())
            return;
        std::size_t at = static_cast<std::size_t>(original.data() - source_.data());
        std::size_t i = 0, j = 0;
        while (i < original.size() && j < decoded.size()) {
            if (const std::size_t reference = reference_length(original.substr(i));
                reference && !bare_ampersand(original.substr(i), decoded[j])) {
                std::size_t next = j;
                text::next_code_point(decoded, next);
                const std::size_t length = next - j;
                append(decoded.substr(j, length), origin_ + at + i);
                i += reference;
                j += length;
            } else if (original[i] == decoded[j]) {
                // White space runs are one space to the reader, as the browser lays them out.
                const bool space = original[i] == ' ' || original[i] == '\n' ||
                                   original[i] == '\t' || original[i] == '\r';
                if (!space || !(text_.empty() || text_.ends_with(' ') || text_.ends_with('\n')))
                    append(space ? " " : std::string_view(&original[i], 1), origin_ + at + i);
                ++i;
                ++j;
            } else {
                ++i; // a carriage return the parser dropped
            }
        }
    }

    void comment(const GumboText& node) {
        const std::string_view original(node.original_text.data, node.original_text.length);
        if (original.data() >= source_.data() &&
            original.data() + original.size() <= source_.data() + source_.size())
            comments_.read(original, origin_ + std::size_t(original.data() - source_.data()));
    }

    void append(std::string_view piece, std::size_t original) {
        // Consecutive bytes extend the current run of the map.
        if (text_.empty() || original != last_end_ || !contiguous_)
            map_.add_run(text_.size(), original);
        contiguous_ = piece.size() == 1;
        text_ += piece;
        last_end_ = original + (piece.size() == 1 ? 1 : piece.size());
    }

    void separate() {
        if (text_.empty() || text_.ends_with("\n\n")) return;
        map_.add_run(text_.size(), last_end_);
        text_ += text_.ends_with('\n') ? "\n" : "\n\n";
        contiguous_ = false;
    }

    std::string_view source_;
    std::size_t origin_;
    std::string text_;
    OffsetMap map_;
    std::size_t last_end_ = 0;
    bool contiguous_ = false;
    SuppressionComments& comments_;
};

} // namespace

Segment extract_html(std::string_view bytes, std::size_t origin, SuppressionComments& comments) {
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    Extractor extractor(bytes, origin, comments);
    extractor.walk(output->document);
    return extractor.take();
}

} // namespace translint::formats
