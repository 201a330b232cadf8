// A file to check: its original bytes and the segments of text that rules look at.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace translint {

// Maps byte offsets in a segment's text back to byte offsets in the original file. The map is a
// list of runs; inside a run both sides advance together.
class OffsetMap {
public:
    // A map where segment offset N is original offset `origin + N`.
    static OffsetMap identity(std::size_t origin);
    // Declares that segment text from `segment_offset` on comes from `original_offset` on.
    void add_run(std::size_t segment_offset, std::size_t original_offset);
    std::size_t to_original(std::size_t segment_offset) const;

private:
    struct Run {
        std::size_t segment_offset;
        std::size_t original_offset;
    };
    std::vector<Run> runs_;
};

struct Segment {
    std::string text; // UTF-8, what the rules read
    OffsetMap map;
    // Bilingual formats (XLIFF, PO, aligned text, TSV): the text `text` translates. Bilingual
    // rules compare the two; the others read only `text`.
    std::optional<std::string> source;
    // The translator or the tool marked the translation unverified (a fuzzy PO entry, an XLIFF
    // unit that needs review).
    bool needs_review = false;
};

// Findings of `rules` (rule ids or categories; all rules when empty) between two byte offsets
// of the original file are not reported: the file asked for silence there.
struct Suppression {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::vector<std::string> rules;
};

struct Position {
    std::size_t line = 1;   // 1-based
    std::size_t column = 1; // 1-based, in Unicode code points
};

class Document {
public:
    // ICU indexes text with 32-bit integers; far below that, a file this large is not an article.
    static constexpr std::size_t default_max_bytes = std::size_t(1) << 30;

    // Validates UTF-8 and rejects binary content; throws translint::Error naming the path and the
    // byte offset of the first bad byte, and files over `max_bytes`. A leading UTF-8 byte-order
    // mark is kept in the bytes but left out of the text.
    static Document from_text(std::string path, std::string bytes,
                              std::size_t max_bytes = default_max_bytes);

    const std::string& path() const { return path_; }
    const std::string& bytes() const { return bytes_; }
    const std::vector<Segment>& segments() const { return segments_; }

    // An input adapter replaces the default view (the whole text, one segment) with what the
    // format shows its reader; each segment's map leads back into bytes().
    void set_segments(std::vector<Segment> segments) { segments_ = std::move(segments); }

    // Languages the file declares (XLIFF and PO headers); empty when it does not.
    const std::string& source_language() const { return source_language_; }
    const std::string& target_language() const { return target_language_; }
    void set_languages(std::string source, std::string target) {
        source_language_ = std::move(source);
        target_language_ = std::move(target);
    }

    // Sorted by where they begin.
    const std::vector<Suppression>& suppressions() const { return suppressions_; }
    void add_suppression(Suppression suppression);
    // True when a suppression covers the byte at `offset` for this rule or category.
    bool suppressed(std::size_t offset, std::string_view rule, std::string_view category) const;

    Position position(std::size_t offset) const;
    // The line's text without its line terminator.
    std::string_view line_text(std::size_t line) const;

private:
    Document(std::string path, std::string bytes);

    std::string path_;
    std::string bytes_;
    std::vector<Segment> segments_;
    std::string source_language_;
    std::string target_language_;
    std::vector<Suppression> suppressions_;
    // The furthest end among suppressions_[0..i]: a lookup walks back only while it can hit.
    std::vector<std::size_t> furthest_end_;
    std::vector<std::size_t> line_starts_;
    // The code points before every `checkpoint`-th byte, so that the column of an offset far into
    // a long line (a file that is one line) costs no more than one near its start.
    static constexpr std::size_t checkpoint = 4096;
    std::vector<std::size_t> code_points_before_;
    std::size_t code_points_before(std::size_t offset) const;
};

} // namespace translint
