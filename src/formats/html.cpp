// HTML through gumbo, an HTML5 parser: the visible text of the body is checked; scripts, styles,
// code, the head and comments are not. Entities are decoded (&amp; is &) and mapped back to
// where they stand in the file. The tree is walked with an explicit stack, so deep nesting
// cannot exhaust the call stack.
#include "formats/html.hpp"

#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <cctype>
#include <gumbo.h>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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

// True when `code_point` is the second of the two that `reference` decodes to: the HTML5
// references that decode to two code points add a combining mark, a variation selector or a hair
// space to the first, except &fjlig;.
bool second_of_two(std::string_view code_point, std::string_view reference) {
    if (reference.starts_with("&fjlig")) return code_point == "j";
    for (std::string_view second :
         {"\u0331", "\u0333", "\u0338", "\u200A", "\u20D2", "\u20E5", "\uFE00"})
        if (code_point == second) return true;
    return false;
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
    Extractor(std::string_view source, std::size_t origin, SuppressionComments& comments,
              std::size_t max_depth)
        : source_(source)
        , origin_(origin)
        , comments_(comments)
        , max_depth_(max_depth) {}

    // The first element found nested deeper than the limit, or null: the walk stops there.
    const GumboNode* too_deep() const { return too_deep_; }

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
                --depth_;
                if (block(tag)) separate();
                if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP)
                    append("0", last_end_); // stands as a number would, keeping the sentence
                continue;
            }
            if (skipped(tag)) continue;
            // The tags' own count bounded the depth before parsing; the tree may add a few
            // elements the tags imply (html, body, tbody, tr), and a few patterns nest deeper
            // than their tags say (an <li> inside a <section> inside an <li>).
            if (++depth_ > max_depth_ + implied && node->type == GUMBO_NODE_ELEMENT) {
                too_deep_ = node;
                return;
            }
            // A block starts a paragraph of its own: "la città<p>la città" is two.
            if (block(tag)) separate();
            stack.push_back({node, true});
            if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP)
                continue; // the children are code
            for (std::size_t i = children.length; i-- > 0;)
                stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
        }
    }

    Segment take() {
        // Line feeds at the end separate nothing, and the separator after the last block would
        // map past the end of the file.
        while (text_.ends_with('\n'))
            text_.pop_back();
        return {std::move(text_), std::move(map_), std::nullopt};
    }

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
        // Whole code points only, so that the text stays UTF-8 whatever the two sides hold.
        auto code_point_at = [](std::string_view text, std::size_t at) {
            std::size_t end = at;
            text::next_code_point(text, end);
            return text.substr(at, end - at);
        };
        while (i < original.size() && j < decoded.size()) {
            if (const std::size_t reference = reference_length(original.substr(i));
                reference && !bare_ampersand(original.substr(i), decoded[j])) {
                // A reference decodes to one code point, or to two for a few HTML5 names: &nGt;
                // is U+226B U+20D2, &fjlig; is "fj".
                const std::size_t start = i;
                std::size_t next = j + code_point_at(decoded, j).size();
                i += reference;
                if (const std::string_view second = code_point_at(decoded, next);
                    second_of_two(second, original.substr(start, reference)) &&
                    !original.substr(i).starts_with(second))
                    next += second.size();
                append_decoded(decoded.substr(j, next - j), origin_ + at + start, reference);
                j = next;
            } else if (const std::string_view here = code_point_at(original, i);
                       decoded.substr(j).starts_with(here)) {
                // White space runs are one space to the reader, as the browser lays them out.
                const bool space = here == " " || here == "\n" || here == "\t" || here == "\r";
                if (!space || !(text_.empty() || text_.ends_with(' ') || text_.ends_with('\n')))
                    append(space ? " " : here, origin_ + at + i);
                i += here.size();
                j += here.size();
            } else {
                i += here.size(); // a carriage return the parser dropped
            }
        }
    }

    void comment(const GumboText& node) {
        const std::string_view original(node.original_text.data, node.original_text.length);
        if (original.data() >= source_.data() &&
            original.data() + original.size() <= source_.data() + source_.size())
            comments_.read(original, origin_ + std::size_t(original.data() - source_.data()));
    }

    // The file's own bytes at `original`: consecutive ones extend the current run of the map.
    void append(std::string_view piece, std::size_t original) {
        if (text_.empty() || original != last_end_ || !contiguous_)
            map_.add_run(text_.size(), original);
        contiguous_ = true;
        text_ += piece;
        last_end_ = original + piece.size();
    }

    // A reference's decoding, `piece`, for the `length` bytes of the file at `original`. The end
    // of the piece maps to the end of the reference, which a decoding longer than its reference
    // would otherwise pass.
    void append_decoded(std::string_view piece, std::size_t original, std::size_t length) {
        map_.add_run(text_.size(), original);
        text_ += piece;
        last_end_ = original + length;
        map_.add_run(text_.size(), last_end_);
        contiguous_ = true;
    }

    void separate() {
        if (text_.empty() || text_.ends_with("\n\n")) return;
        // The separator takes no room in the file: each of its line feeds maps to where the
        // block ended, which may be the end of the file (the tree's order is not the file's).
        for (std::size_t n = text_.ends_with('\n') ? 1 : 2; n > 0; --n) {
            map_.add_run(text_.size(), last_end_);
            text_ += '\n';
        }
        contiguous_ = false;
    }

    std::string_view source_;
    std::size_t origin_;
    std::string text_;
    OffsetMap map_;
    std::size_t last_end_ = 0;
    bool contiguous_ = false;
    SuppressionComments& comments_;
    std::size_t max_depth_;
    static constexpr std::size_t implied = 8;
    std::size_t depth_ = 0; // nodes open around the node being walked, the document first
    const GumboNode* too_deep_ = nullptr;
};

// gumbo's time grows faster than the square of the depth (10,000 nested elements take seconds,
// 30,000 most of a minute), and it frees its tree recursively. So the depth is bounded before
// gumbo sees the file, by counting the elements that the tags leave open: a start tag opens its
// element until an end tag of the same name closes it, and a <p>, <li>, <td>... closes the open
// one of its kind. The count never falls far short of what gumbo builds, whatever the tags:
// formatting elements that gumbo opens again (<b>, <i>) stay counted until their own end tag,
// and "/>" closes an element only in SVG and MathML, as in HTML5; the walk checks the tree's own
// depth after parsing. Text that gumbo does not read as tags (comments, scripts, styles, text
// areas) is skipped.
class DepthBound {
public:
    explicit DepthBound(std::string_view html)
        : html_(html) {}

    // The offset of the start tag that first opens more than `most` elements, if one does.
    std::optional<std::size_t> first_beyond(std::size_t most) {
        std::size_t at = 0;
        while ((at = html_.find('<', at)) != std::string_view::npos) {
            const std::size_t tag = at;
            if (html_.substr(at).starts_with("<!--")) {
                at = skip_past("-->", at + 4);
            } else if (at + 1 < html_.size() && (html_[at + 1] == '!' || html_[at + 1] == '?')) {
                at = skip_past(">", at + 2);
            } else if (at + 1 < html_.size() && html_[at + 1] == '/') {
                std::string name = name_at(at + 2);
                at = skip_past(">", at + 2);
                if (!name.empty()) close(name);
            } else if (std::string name = name_at(at + 1); !name.empty()) {
                const std::size_t end = skip_past(">", at + 1);
                const bool self_closing =
                    end >= 2 && end - 2 > tag && html_[end - 2] == '/' && html_[end - 1] == '>';
                at = end;
                if (open(name, self_closing) > most) return tag;
                if (const std::string_view until = raw_text_end(name); !until.empty())
                    at = skip_raw_text(until, at);
                if (!foreign() && name == "plaintext") break; // the rest is text
            } else {
                ++at;
            }
        }
        return std::nullopt;
    }

private:
    static bool is_void(std::string_view name) {
        for (std::string_view v :
             {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
              "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"})
            if (name == v) return true;
        return false;
    }

    // HTML elements that end SVG or MathML content where they stand.
    static bool breaks_out(std::string_view name) {
        for (std::string_view b :
             {"b",       "big",   "blockquote", "body",   "br",     "center", "code", "dd",
              "div",     "dl",    "dt",         "em",     "embed",  "h1",     "h2",   "h3",
              "h4",      "h5",    "h6",         "head",   "hr",     "i",      "img",  "li",
              "listing", "menu",  "meta",       "nobr",   "ol",     "p",      "pre",  "ruby",
              "s",       "small", "span",       "strong", "strike", "sub",    "sup",  "table",
              "tt",      "u",     "ul",         "var",    "font"})
            if (name == b) return true;
        return false;
    }

    static bool closes_its_kind(std::string_view name) {
        for (std::string_view c : {"p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody",
                                   "thead", "tfoot", "html", "head", "body"})
            if (name == c) return true;
        return false;
    }

    // Elements inside SVG or MathML whose content is read as HTML.
    static bool integration_point(std::string_view name) {
        for (std::string_view i :
             {"foreignobject", "desc", "title", "annotation-xml", "mi", "mo", "mn", "ms", "mtext"})
            if (name == i) return true;
        return false;
    }

    bool foreign() const { return !modes_.empty() && modes_.back().second; }

    // Counts the element open; returns how many are.
    std::size_t open(const std::string& name, bool self_closing) {
        if (foreign() && breaks_out(name))
            while (foreign())
                modes_.pop_back();
        if (is_void(name) || (self_closing && foreign())) return open_;
        // Another of these closes the open one (or, for html, head and body, joins it); where
        // something stops that (an <li> in a <section> in an <li>), the something is counted.
        if (!foreign() && closes_its_kind(name) && counts_[name] > 0) return open_;
        if (name == "svg" || name == "math")
            modes_.emplace_back(name, true);
        else if (foreign() && integration_point(name))
            modes_.emplace_back(name, false);
        ++counts_[name];
        return ++open_;
    }

    void close(const std::string& name) {
        if (!modes_.empty() && modes_.back().first == name) modes_.pop_back();
        auto it = counts_.find(name);
        if (it == counts_.end() || it->second == 0) return;
        --it->second;
        --open_;
    }

    // Where the text of a script, a style or a text area ends: gumbo reads no tags in it.
    std::string_view raw_text_end(const std::string& name) const {
        if (foreign()) return {};
        for (std::string_view raw :
             {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
            if (name == raw) return raw;
        return {};
    }

    std::size_t skip_raw_text(std::string_view name, std::size_t at) {
        for (; (at = html_.find("</", at)) != std::string_view::npos; at += 2)
            if (name_at(at + 2) == name) return at; // its end tag is read as one
        return html_.size();
    }

    std::size_t skip_past(std::string_view end, std::size_t at) const {
        const std::size_t found = html_.find(end, at);
        return found == std::string_view::npos ? html_.size() : found + end.size();
    }

    // The tag name at `at`, in lower case; empty when no letter starts one there.
    std::string name_at(std::size_t at) const {
        std::string name;
        if (at >= html_.size() || !std::isalpha(static_cast<unsigned char>(html_[at]))) return name;
        for (; at < html_.size(); ++at) {
            const char c = html_[at];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' ||
                c == '>')
                break;
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return name;
    }

    std::string_view html_;
    std::unordered_map<std::string, std::size_t> counts_;
    std::size_t open_ = 0;
    // SVG or MathML (true) and the HTML inside them (false), innermost last.
    std::vector<std::pair<std::string, bool>> modes_;
};

std::size_t line_at(std::string_view bytes, std::size_t offset) {
    return std::size_t(std::count(bytes.begin(), bytes.begin() + offset, '\n')) + 1;
}

} // namespace

Segment extract_html(std::string_view bytes, std::size_t origin, SuppressionComments& comments,
                     const std::string& path, std::size_t max_nesting) {
    const std::string too_deep =
        "elements nested more than " + std::to_string(max_nesting) + " deep";
    if (auto at = DepthBound(bytes).first_beyond(max_nesting))
        throw error_at(path, line_at(bytes, *at), too_deep);
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    Extractor extractor(bytes, origin, comments, max_nesting);
    extractor.walk(output->document);
    if (const GumboNode* deep = extractor.too_deep())
        throw error_at(path, deep->v.element.start_pos.line, too_deep);
    return extractor.take();
}

} // namespace translint::formats
