#include "formats/xliff.hpp"

#include "core/xml_reader.hpp"
#include "formats/disable_comment.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>

namespace translint::formats {
namespace {

constexpr std::size_t max_depth = 256;
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

// "it-IT" and "it_IT" are "it".
std::string primary_subtag(std::string_view tag) {
    std::string primary(tag.substr(0, tag.find_first_of("-_")));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return primary;
}

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

// A <trans-unit> (1.2) or <segment> (2.0) being read.
struct Pending {
    std::size_t depth;
    Segment source, target;
    bool has_target = false;
    bool needs_review = false;
    std::size_t empty_at; // where an empty or missing target is reported
};

// A <trans-unit> or <unit>: the span its suppressions cover.
struct Unit {
    std::size_t depth;
    std::size_t begin;
    std::optional<std::vector<std::string>> disabled;
};

class XliffReader final : public xml::Reader {
public:
    explicit XliffReader(Document& document)
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
        if (skip_from_) return;
        if (depth() == 1) return root(name, attributes);
        if (capture_) return start_inline(name, attributes);
        if (!name.xliff || skipped(name.local) || attribute(attributes, "translate") == "no") {
            skip_from_ = depth();
            return;
        }
        const std::string_view local = name.local;
        if (local == "file") {
            languages(attribute(attributes, "source-language"),
                      attribute(attributes, "target-language"));
        } else if (local == "trans-unit" || local == "unit") {
            unit_ = Unit{depth(), event_begin(), std::nullopt};
            if (local == "trans-unit")
                pending_ = Pending{depth(), {}, {}, false, false, event_end()};
        } else if (local == "segment" && unit_) {
            pending_ = Pending{
                depth(), {}, {}, false, attribute(attributes, "state") == "initial", event_end()};
        } else if (local == "note" && unit_) {
            note_depth_ = depth();
            note_.clear();
        } else if ((local == "source" || local == "target") && pending_ &&
                   depth() == pending_->depth + 1) {
            capture_depth_ = depth();
            if (local == "source") {
                capture_ = &pending_->source;
            } else {
                capture_ = &pending_->target;
                pending_->has_target = true;
                pending_->needs_review =
                    pending_->needs_review || needs_review_state(attribute(attributes, "state"));
                target_tag_ = event_begin();
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
        document_.set_languages(primary_subtag(source), primary_subtag(target));
        languages_set_ = true;
    }

    void start_inline(const Name& name, const XML_Char** attributes) {
        switch (inline_kind(name)) {
        case Inline::marker:
            return;
        case Inline::paired:
            paired_depths_.push_back(depth());
            return append(code_marker, event_begin());
        case Inline::code:
            skip_from_ = depth();
            return append(code_marker, event_begin());
        case Inline::code_point:
            skip_from_ = depth();
            return append(code_point(attribute(attributes, "hex")), event_begin());
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

    void end(std::string_view qualified_name) override {
        const Name name = split_name(qualified_name);
        if (skip_from_) {
            if (depth() == skip_from_) skip_from_ = 0;
            return;
        }
        if (capture_ && depth() == capture_depth_) {
            // An empty <target/> is reported at its tag; <target></target> between the tags.
            if (capture_ == &pending_->target && event_end() == event_begin())
                pending_->empty_at = target_tag_;
            if (capture_ == &pending_->source && !pending_->has_target)
                pending_->empty_at = event_end();
            capture_ = nullptr;
        } else if (capture_) {
            if (!paired_depths_.empty() && paired_depths_.back() == depth()) {
                paired_depths_.pop_back();
                append(code_marker, event_begin());
            }
        } else if (note_depth_ == depth()) {
            note_depth_ = 0;
            merge_disabled(unit_->disabled, disabled_rules(note_));
        } else if (pending_ && depth() == pending_->depth) {
            finish_segment();
            if (name.local == "trans-unit") finish_unit();
        } else if (unit_ && depth() == unit_->depth) {
            finish_unit();
        }
    }

    void text(std::string_view piece) override {
        if (skip_from_) return;
        if (capture_) {
            // One run per event: where expat decoded a reference or a CRLF, the whole piece
            // points at its raw start.
            append(piece, event_begin());
        } else if (note_depth_) {
            note_ += piece;
        }
    }

    void append(std::string_view piece, std::size_t original) {
        capture_->map.add_run(capture_->text.size(), original);
        capture_->text += piece;
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
    std::optional<Pending> pending_;
    Segment* capture_ = nullptr; // the source or target whose text is being read
    std::size_t capture_depth_ = 0;
    std::size_t target_tag_ = 0;
    std::vector<std::size_t> paired_depths_; // open <g> and <pc> inside the capture
    std::size_t note_depth_ = 0;
    std::string note_;
};

} // namespace

void extract_xliff(Document& document) {
    XliffReader(document).read();
}

} // namespace translint::formats
