// A finding: what is wrong, where in the original bytes, and how to fix it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace translint {

enum class Severity { info, warning, error };

// The categories are a contract: other tools and the evaluation group results by them.
enum class Category {
    spelling,
    name,
    mistranslation,
    terminology,
    number,
    locale,
    typography,
    consistency,
    untranslated,
    script,
    grammar,
    markup,
};

std::string_view to_string(Severity severity);
std::string_view to_string(Category category);
std::optional<Severity> parse_severity(std::string_view text);
std::optional<Category> parse_category(std::string_view text);

// Replaces `length` bytes at `offset` of the original file with `replacement`.
struct Edit {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string replacement;
};

struct Diagnostic {
    std::string rule;
    Category category = Category::spelling;
    Severity severity = Severity::warning;
    std::string message;
    std::size_t offset = 0; // UTF-8 byte offset into the original file
    std::size_t length = 0; // in bytes
    std::vector<std::string> suggestions;
    std::vector<Edit> fixes;
};

} // namespace translint
