#include "translint/formats.hpp"

#include "formats/html.hpp"
#include "formats/markdown.hpp"

namespace translint {

std::optional<InputFormat> parse_input_format(std::string_view name) {
    if (name == "text") return InputFormat::text;
    if (name == "markdown") return InputFormat::markdown;
    if (name == "html") return InputFormat::html;
    return std::nullopt;
}

InputFormat input_format_for(std::string_view path) {
    auto has = [&](std::string_view extension) {
        return path.size() > extension.size() && path.ends_with(extension);
    };
    if (has(".md") || has(".markdown")) return InputFormat::markdown;
    if (has(".html") || has(".htm")) return InputFormat::html;
    return InputFormat::text;
}

Document read_document(std::string path, std::string bytes, InputFormat format) {
    Document document = Document::from_text(std::move(path), std::move(bytes));
    if (format == InputFormat::text) return document;
    const std::string& all = document.bytes();
    const std::size_t bom = all.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::string_view body = std::string_view(all).substr(bom);
    std::vector<Segment> segments;
    segments.push_back(format == InputFormat::markdown ? formats::extract_markdown(body, bom)
                                                       : formats::extract_html(body, bom));
    document.set_segments(std::move(segments));
    return document;
}

} // namespace translint
