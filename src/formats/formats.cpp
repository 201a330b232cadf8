#include "translint/formats.hpp"

#include "formats/markdown.hpp"

namespace translint {

std::optional<InputFormat> parse_input_format(std::string_view name) {
    if (name == "text") return InputFormat::text;
    if (name == "markdown") return InputFormat::markdown;
    return std::nullopt;
}

InputFormat input_format_for(std::string_view path) {
    for (std::string_view extension : {".md", ".markdown"})
        if (path.size() > extension.size() && path.ends_with(extension))
            return InputFormat::markdown;
    return InputFormat::text;
}

Document read_document(std::string path, std::string bytes, InputFormat format) {
    Document document = Document::from_text(std::move(path), std::move(bytes));
    if (format == InputFormat::markdown) {
        const std::string& all = document.bytes();
        const std::size_t bom = all.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        std::vector<Segment> segments;
        segments.push_back(formats::extract_markdown(std::string_view(all).substr(bom), bom));
        document.set_segments(std::move(segments));
    }
    return document;
}

} // namespace translint
