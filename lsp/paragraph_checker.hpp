// Checking a long plain-text document paragraph by paragraph, so that after an edit only the
// paragraphs that changed are checked again.
#pragma once

#include "translint/diagnostic.hpp"
#include "translint/engine.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace translint::lsp {

class ParagraphChecker {
public:
    // The findings of `text`, paragraph (block between blank lines) by paragraph, with offsets
    // into `text`. Paragraphs checked before are taken from the cache. Findings that need two
    // paragraphs together (a number split by a blank line) are left to a whole-document check.
    std::vector<Diagnostic> check(const Engine& engine, const std::string& path,
                                  const std::string& text, const std::string& language);
    // How many paragraphs the last check() had to check.
    std::size_t checked() const { return checked_; }
    // How many paragraphs the last check() found.
    std::size_t count() const { return count_; }

private:
    // Paragraph text -> its findings, offsets relative to the paragraph.
    std::unordered_map<std::string, std::vector<Diagnostic>> cache_;
    std::size_t checked_ = 0;
    std::size_t count_ = 0;
};

} // namespace translint::lsp
