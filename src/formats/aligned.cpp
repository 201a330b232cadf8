#include "formats/aligned.hpp"

#include "core/language.hpp"
#include "text/languages.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"

#include <algorithm>

namespace translint::formats {
namespace {

struct Paragraph {
    std::size_t begin, end; // byte offsets of the text, without the line break after it
};

bool blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Paragraphs of a plain-text document: runs of non-blank lines.
std::vector<Paragraph> paragraphs(const Document& document) {
    const std::string_view bytes = document.bytes();
    std::vector<Paragraph> found;
    std::size_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::optional<Paragraph> open;
    while (start <= bytes.size()) {
        std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        std::string_view line = bytes.substr(start, end - start);
        if (blank(line)) {
            if (open) found.push_back(*open);
            open.reset();
        } else {
            while (line.ends_with('\r'))
                line.remove_suffix(1);
            if (!open) open = Paragraph{start, start};
            open->end = start + line.size();
        }
        start = end + 1;
    }
    if (open) found.push_back(*open);
    return found;
}

std::size_t line_of(const Document& document, std::size_t offset) {
    return document.position(offset).line;
}

} // namespace

void extract_tsv(Document& document) {
    const std::string_view bytes = document.bytes();
    std::vector<Segment> segments;
    std::size_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (std::size_t line = 1; start < bytes.size(); ++line) {
        const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        std::string_view row = bytes.substr(start, end - start);
        if (row.ends_with('\r')) row.remove_suffix(1);
        const std::size_t tab = row.find('\t');
        if (!blank(row)) {
            if (tab == std::string_view::npos || row.find('\t', tab + 1) != std::string_view::npos)
                throw Error(document.path() + ":" + std::to_string(line) +
                            ": expected two columns, source and target, separated by one tab");
            const std::string_view source = row.substr(0, tab), target = row.substr(tab + 1);
            // A first row of two different language codes is a header: "uk<TAB>it".
            if (segments.empty() && document.source_language().empty() && source != target &&
                text::is_language_tag(source) && text::is_language_tag(target))
                document.set_languages(primary_language(source), primary_language(target));
            else
                segments.push_back({std::string(target), OffsetMap::identity(start + tab + 1),
                                    std::string(source)});
        }
        start = end + 1;
    }
    document.set_segments(std::move(segments));
}

} // namespace translint::formats

namespace translint {

void align_with_source(Document& target, const Document& source) {
    const std::vector<formats::Paragraph> translated = formats::paragraphs(target);
    const std::vector<formats::Paragraph> original = formats::paragraphs(source);
    if (translated.size() != original.size()) {
        const std::size_t paired = std::min(translated.size(), original.size());
        const bool target_longer = translated.size() > original.size();
        const Document& longer = target_longer ? target : source;
        const auto& extra = target_longer ? translated : original;
        throw Error(target.path() + " has " + std::to_string(translated.size()) +
                    " paragraphs and its source " + source.path() + " has " +
                    std::to_string(original.size()) + "; the first without a partner is at " +
                    longer.path() + ":" +
                    std::to_string(formats::line_of(longer, extra[paired].begin)));
    }
    std::vector<Segment> segments;
    for (std::size_t i = 0; i < translated.size(); ++i) {
        const auto& [begin, end] = translated[i];
        segments.push_back(
            {target.bytes().substr(begin, end - begin), OffsetMap::identity(begin),
             source.bytes().substr(original[i].begin, original[i].end - original[i].begin)});
    }
    target.set_segments(std::move(segments));
}

} // namespace translint
