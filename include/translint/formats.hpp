// Input formats: what a file shows its reader, extracted with an exact map back to the file's
// bytes, so that every finding lands on the right line and column of the original.
#pragma once

#include "translint/document.hpp"

#include <optional>
#include <string>

namespace translint {

enum class InputFormat { text, markdown, html };

// The format named on the command line ("text", "markdown", "html"), or nullopt.
std::optional<InputFormat> parse_input_format(std::string_view name);
// The format a file name implies: .md and .markdown are Markdown, .html and .htm HTML, the rest
// plain text.
InputFormat input_format_for(std::string_view path);
// Reads `bytes` as `format`; throws translint::Error like Document::from_text.
Document read_document(std::string path, std::string bytes, InputFormat format);

} // namespace translint
