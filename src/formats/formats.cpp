#include "translint/formats.hpp"

#include "formats/aligned.hpp"
#include "formats/cpp.hpp"
#include "formats/html.hpp"
#include "formats/markdown.hpp"
#include "formats/po.hpp"
#include "formats/xliff.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>

namespace translint {
namespace {

constexpr std::array<std::pair<std::string_view, InputFormat>, 7> format_names{{
    {"text", InputFormat::text},
    {"markdown", InputFormat::markdown},
    {"html", InputFormat::html},
    {"xliff", InputFormat::xliff},
    {"po", InputFormat::po},
    {"cpp", InputFormat::cpp},
    {"tsv", InputFormat::tsv},
}};

constexpr std::array<std::pair<std::string_view, InputFormat>, 19> extensions{{
    {".md", InputFormat::markdown},    {".markdown", InputFormat::markdown},
    {".html", InputFormat::html},      {".htm", InputFormat::html},
    {".xlf", InputFormat::xliff},      {".xliff", InputFormat::xliff},
    {".sdlxliff", InputFormat::xliff}, {".po", InputFormat::po},
    {".pot", InputFormat::po},         {".c", InputFormat::cpp},
    {".cc", InputFormat::cpp},         {".cpp", InputFormat::cpp},
    {".cxx", InputFormat::cpp},        {".h", InputFormat::cpp},
    {".hh", InputFormat::cpp},         {".hpp", InputFormat::cpp},
    {".hxx", InputFormat::cpp},        {".tsv", InputFormat::tsv},
    {".txt", InputFormat::text},
}};

std::optional<InputFormat> format_of_extension(std::string_view path) {
    for (const auto& [extension, format] : extensions)
        if (path.size() > extension.size() && path.ends_with(extension)) return format;
    return std::nullopt;
}

} // namespace

std::optional<InputFormat> parse_input_format(std::string_view name) {
    for (const auto& [known, format] : format_names)
        if (known == name) return format;
    return std::nullopt;
}

InputFormat input_format_for(std::string_view path) {
    return format_of_extension(path).value_or(InputFormat::text);
}

bool has_known_extension(std::string_view path) {
    return format_of_extension(path).has_value();
}

std::string language_in_file_name(std::string_view path, const std::vector<std::string>& known) {
    const std::string tag = std::filesystem::path(path).stem().extension().string();
    if (tag.size() > 1 && std::find(known.begin(), known.end(), tag.substr(1)) != known.end())
        return tag.substr(1);
    return {};
}

FormatOptions FormatOptions::from(const Config& config) {
    FormatOptions options;
    if (config.translation_functions) options.translation_functions = *config.translation_functions;
    options.max_bytes = config.limits.max_file_mb << 20;
    options.max_nesting = config.limits.max_nesting;
    return options;
}

Document read_document(std::string path, std::string bytes, InputFormat format,
                       const FormatOptions& options) {
    Document document = Document::from_text(std::move(path), std::move(bytes), options.max_bytes);
    const std::string& all = document.bytes();
    const std::size_t bom = all.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::string_view body = std::string_view(all).substr(bom);
    switch (format) {
    case InputFormat::text:
        break;
    case InputFormat::markdown:
    case InputFormat::html: {
        formats::SuppressionComments comments(all);
        document.set_segments({format == InputFormat::markdown
                                   ? formats::extract_markdown(body, bom, comments)
                                   : formats::extract_html(body, bom, comments, document.path(),
                                                           options.max_nesting)});
        comments.finish(all.size(), document);
        break;
    }
    case InputFormat::xliff:
        formats::extract_xliff(document, options.max_nesting);
        break;
    case InputFormat::po:
        formats::extract_po(document);
        break;
    case InputFormat::cpp:
        formats::extract_cpp(document, options);
        break;
    case InputFormat::tsv:
        formats::extract_tsv(document);
        break;
    }
    return document;
}

} // namespace translint
