#include "formats/xliff.hpp"

#include "core/language.hpp"
#include "core/xml_reader.hpp"
#include "formats/disable_comment.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>

namespace translint::formats {
namespace {

constexpr std::string_view code_marker = "\xEF\xBF\xBC"; // U+FFFC
// Expat reports a namespaced name as the namespace, this separator and the local name.
constexpr char namespace_separator = '\x01';

struct Name {
    bool xliff; // in an XLIFF namespace, or in none
    std::string_view local;
};

Name split_name(std::string_view name) {
    const std::size_t separator = name.find(namespace_separator);
    if (separator == std::string_view::npos) return {true, name};
    return {name.substr(0, separator).starts_with("urn:oasis:names:tc:xliff:document:"),
            name.substr(separator + 1)};
}

using xml::attribute;

bool needs_review_state(std::string_view state) {
    static constexpr std::string_view states[] = {"new",
                                                  "needs-translation",
                                                  "needs-adaptation",
                                                  "needs-l10n",
                                                  "needs-review-translation",
                                                  "needs-review-adaptation",
                                                  "needs-review-l10n"};
    return std::find(std::begin(states), std::end(states), state) != std::end(states);
}

// Elements read without looking inside, wherever they are.
bool skipped(std::string_view local) {
    static constexpr std::string_view names[] = {"header",        "alt-trans",  "originalData",
                                                 "ignorable",     "seg-source", "bin-unit",
                                                 "context-group", "prop-group", "count-group"};
    return std::find(std::begin(names), std::end(names), local) != std::end(names);
}

// How an element inside <source> or <target> shows in the text.
enum class Inline {
    marker,     // annotation: adds nothing, its content is text
    paired,     // a code around text: U+FFFC at each tag
    code,       // a code: one U+FFFC, its content is not text
    code_point, // <cp hex="…"/>
};

Inline inline_kind(const Name& name) {
    if (!name.xliff) return Inline::code;
    if (name.local == "mrk" || name.local == "sm" || name.local == "em") return Inline::marker;
    if (name.local == "g" || name.local == "pc") return Inline::paired;
    if (name.local == "cp") return Inline::code_point;
    return Inline::code;
}

// Which part of a segment is being read.
enum class Capture { none, source, target };

// A <trans-unit> (1.2) or <segment> (2.0) being read.
struct Pending {
    std::string_view element; // "trans-unit" or "segment"
    std::size_t depth;
    Segment source = {}, target = {};
    bool has_target = false;
    bool needs_review = false;
    std::size_t empty_at; // where an empty or missing target is reported
    Capture capture = Capture::none;
    std::size_t capture_depth = 0;
    std::size_t target_tag = 0;
    std::vector<std::size_t> paired_depths = {}; // open <g> and <pc> inside the capture

    Segment& captured() { return capture == Capture::source ? source : target; }
};

// A <trans-unit> or <unit>: the span its suppressions cover.
struct Unit {
    std::string_view element; // "trans-unit" or "unit"
    std::size_t depth;
    std::size_t begin;
    std::optional<std::vector<std::string>> disabled;
};

class XliffReader final : public xml::Reader {
public:
    XliffReader(Document& document, std::size_t max_depth)
        : xml::Reader(document.path(),
                      {namespace_separator, max_depth,
                       "elements nested more than " + std::to_string(max_depth) + " deep"})
        , document_(document) {}

    void read() {
        parse(document_.bytes());
        document_.set_segments(std::move(segments_));
    }

private:
    void start(std::string_view qualified_name, const XML_Char** attributes) override {
        const Name name = split_name(qualified_name);
        if (skip_from_ || note_depth_) return; // elements in a note are ignored, not its text
        if (depth() == 1) return root(name, attributes);
        if (Pending* pending = capturing()) return start_inline(*pending, name, attributes);
        if (!name.xliff || skipped(name.local) || attribute(attributes, "translate") == "no") {
            skip_from_ = depth();
            return;
        }
        const std::string_view local = name.local;
        if (local == "file") {
            languages(attribute(attributes, "source-language"),
                      attribute(attributes, "target-language"));
        } else if (local == "trans-unit" || local == "unit") {
            // A unit ends its segments and suppressions: one inside another would end both.
            if (unit_) fail_nested(local, unit_->element);
            const std::string_view element = local == "unit" ? "unit" : "trans-unit";
            unit_ = Unit{element, depth(), event_begin(), std::nullopt};
            if (element == "trans-unit")
                pending_ = Pending{.element = element, .depth = depth(), .empty_at = event_end()};
        } else if (local == "segment") {
            if (!unit_) fail("a <segment> outside a <unit>");
            if (pending_) fail_nested(local, pending_->element);
            pending_ = Pending{.element = "segment",
                               .depth = depth(),
                               .needs_review = attribute(attributes, "state") == "initial",
                               .empty_at = event_end()};
        } else if (local == "note") {
            if (unit_) {
                note_depth_ = depth();
                note_.clear();
            } else {
                skip_from_ = depth(); // a note on a file or a group suppresses nothing
            }
        } else if (local == "source" || local == "target") {
            // Only the source and target of a segment are text to read.
            if (!pending_ || depth() != pending_->depth + 1) {
                skip_from_ = depth();
                return;
            }
            pending_->capture_depth = depth();
            if (local == "source") {
                pending_->capture = Capture::source;
            } else {
                pending_->capture = Capture::target;
                pending_->has_target = true;
                pending_->needs_review =
                    pending_->needs_review || needs_review_state(attribute(attributes, "state"));
                pending_->target_tag = event_begin();
                pending_->empty_at = event_end();
            }
        }
    }

    void root(const Name& name, const XML_Char** attributes) {
        if (!name.xliff || name.local != "xliff")
            fail("not an XLIFF file (the root element is <" + std::string(name.local) + ">)");
        languages(attribute(attributes, "srcLang"), attribute(attributes, "trgLang"));
    }

    void languages(std::string_view source, std::string_view target) {
        if (languages_set_ || (source.empty() && target.empty())) return;
        document_.set_languages(primary_language(source), primary_language(target));
        languages_set_ = true;
    }

    void start_inline(Pending& pending, const Name& name, const XML_Char** attributes) {
        switch (inline_kind(name)) {
        case Inline::marker:
            return;
        case Inline::paired:
            pending.paired_depths.push_back(depth());
            return append(pending.captured(), code_marker, event_begin());
        case Inline::code:
            skip_from_ = depth();
            return append(pending.captured(), code_marker, event_begin());
        case Inline::code_point:
            skip_from_ = depth();
            return append(pending.captured(), code_point(attribute(attributes, "hex")),
                          event_begin());
        }
    }

    std::string code_point(std::string_view hex) const {
        char32_t value = 0;
        bool valid = !hex.empty() && hex.size() <= 6;
        for (const char c : hex) {
            const char lower = char(c | 0x20);
            if (c >= '0' && c <= '9')
                value = value * 16 + char32_t(c - '0');
            else if (lower >= 'a' && lower <= 'f')
                value = value * 16 + char32_t(lower - 'a' + 10);
            else
                valid = false;
        }
        if (!valid || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            fail("<cp hex=\"" + std::string(hex) + "\"> names no Unicode code point");
        return text::from_u32(std::u32string(1, value));
    }

    void end(std::string_view) override {
        if (skip_from_) {
            if (depth() == skip_from_) skip_from_ = 0;
            return;
        }
        if (note_depth_) {
            if (depth() != note_depth_) return;
            note_depth_ = 0;
            if (unit_) merge_disabled(unit_->disabled, disabled_rules(note_));
            return;
        }
        if (Pending* pending = capturing()) return end_inline(*pending);
        if (pending_ && depth() == pending_->depth) finish_segment();
        if (unit_ && depth() == unit_->depth) finish_unit();
    }

    void end_inline(Pending& pending) {
        if (depth() == pending.capture_depth) {
            // An empty <target/> is reported at its tag; <target></target> between the tags.
            if (pending.capture == Capture::target && event_end() == event_begin())
                pending.empty_at = pending.target_tag;
            if (pending.capture == Capture::source && !pending.has_target)
                pending.empty_at = event_end();
            pending.capture = Capture::none;
        } else if (!pending.paired_depths.empty() && pending.paired_depths.back() == depth()) {
            pending.paired_depths.pop_back();
            append(pending.captured(), code_marker, event_begin());
        }
    }

    void text(std::string_view piece) override {
        if (skip_from_) return;
        if (Pending* pending = capturing()) {
            // One run per event: where expat decoded a reference or a CRLF, the whole piece
            // points at its raw start.
            append(pending->captured(), piece, event_begin());
        } else if (note_depth_) {
            note_ += piece;
        }
    }

    // The segment whose source or target text is being read, or null.
    Pending* capturing() {
        return pending_ && pending_->capture != Capture::none ? &*pending_ : nullptr;
    }

    static void append(Segment& into, std::string_view piece, std::size_t original) {
        into.map.add_run(into.text.size(), original);
        into.text += piece;
    }

    void finish_segment() {
        Pending& pending = *pending_;
        Segment segment;
        if (!pending.target.text.empty())
            segment = std::move(pending.target);
        else
            segment.map = OffsetMap::identity(pending.empty_at);
        segment.source = std::move(pending.source.text);
        segment.needs_review = pending.needs_review;
        segments_.push_back(std::move(segment));
        pending_.reset();
    }

    void finish_unit() {
        if (unit_->disabled)
            document_.add_suppression({unit_->begin, event_end(), std::move(*unit_->disabled)});
        unit_.reset();
    }

    Document& document_;
    std::vector<Segment> segments_;
    bool languages_set_ = false;
    std::size_t skip_from_ = 0; // the depth of the element whose content is being passed over
    std::optional<Unit> unit_;
    std::optional<Pending> pending_; // set only while unit_ is
    std::size_t note_depth_ = 0;     // set only while unit_ is
    std::string note_;
};

} // namespace

void extract_xliff(Document& document, std::size_t max_nesting) {
    XliffReader(document, max_nesting).read();
}

} // namespace translint::formats
