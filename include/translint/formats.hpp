// Input formats: what a file shows its reader, extracted with an exact map back to the file's
// bytes, so that every finding lands on the right line and column of the original.
#pragma once

#include "translint/config.hpp"
#include "translint/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace translint {

enum class InputFormat { text, markdown, html, xliff, po, cpp, tsv };

// How adapters read what the file alone does not say.
struct FormatOptions {
    // C and C++: the functions whose string arguments are translated text.
    std::vector<std::string> translation_functions = {
        "_",        "N_", "gettext",     "ngettext",
        "pgettext", "tr", "QObject::tr", "QCoreApplication::translate",
        "i18n"};
    // Files longer than this are refused (limits.max_file_mb in .translint.yaml).
    std::size_t max_bytes = Document::default_max_bytes;
    // HTML and XLIFF elements nested deeper than this are refused (limits.max_nesting).
    std::size_t max_nesting = 256;

    // From a config's translation_functions and limits, the defaults where it says nothing.
    static FormatOptions from(const Config& config);
};

// The format named on the command line ("text", "markdown", "html", "xliff", "po", "cpp",
// "tsv"), or nullopt.
std::optional<InputFormat> parse_input_format(std::string_view name);
// The format a file name implies: .md and .markdown are Markdown, .html and .htm HTML, .xlf,
// .xliff and .sdlxliff XLIFF, .po and .pot gettext PO, .c .cc .cpp .cxx .h .hh .hpp .hxx C or
// C++, .tsv two-column source and target; the rest plain text.
InputFormat input_format_for(std::string_view path);
// True when the file name has one of the extensions above (or .txt): a directory walk checks it.
bool has_known_extension(std::string_view path);
// The language tag a file name carries before its extension (article.it.txt: "it") when it is
// one of `known`; empty otherwise.
std::string language_in_file_name(std::string_view path, const std::vector<std::string>& known);
// Reads `bytes` as `format`; throws translint::Error naming the file, the line and the reason
// when the bytes are not valid in that format.
Document read_document(std::string path, std::string bytes, InputFormat format,
                       const FormatOptions& options = {});
// Pairs a plain-text translation with its source, paragraph by paragraph (paragraphs are
// separated by blank lines); throws translint::Error when the counts differ.
void align_with_source(Document& target, const Document& source);

} // namespace translint
