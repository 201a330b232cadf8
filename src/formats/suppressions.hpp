// Inline suppressions in formats with comments (Markdown and HTML):
//   <!-- translint-disable -->                  every rule is silent from here
//   <!-- translint-disable it.names.garbled, number -->   these rule ids or categories only
//   <!-- translint-enable -->                   until here (or the end of the file)
// An enable with a list closes the stretch opened with the same rules, in any order.
#pragma once

#include "translint/document.hpp"

#include <string_view>
#include <vector>

namespace translint::formats {

class SuppressionComments {
public:
    // `file` is the whole file, in which a comment may run on past the markup that opens it.
    explicit SuppressionComments(std::string_view file)
        : file_(file) {}

    // Reads the comments that open in `markup`, which starts at byte `origin` of the file.
    void read(std::string_view markup, std::size_t origin);
    // Closes the regions still open at byte `end` and hands every region to the document.
    void finish(std::size_t end, Document& document);

private:
    struct Open {
        std::size_t begin;
        std::vector<std::string> rules;
    };
    std::string_view file_;
    std::size_t read_until_ = 0; // the end of the last comment read
    std::vector<Open> open_;
    std::vector<Suppression> closed_;
};

} // namespace translint::formats
