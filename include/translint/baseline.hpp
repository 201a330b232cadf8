// A baseline records the findings a project has accepted, so that a CI gate reports only new
// ones. Findings are matched by a fingerprint that survives edits elsewhere in the file: the rule,
// the flagged text and the words on either side, never the line number.
#pragma once

#include "translint/diagnostic.hpp"
#include "translint/document.hpp"

#include <map>
#include <string>
#include <vector>

namespace translint {

// 16 hex digits; the same finding in the same context gives the same fingerprint.
std::string fingerprint(const Document& document, const Diagnostic& diagnostic);

class Baseline {
public:
    // Throws translint::Error naming the file (and line, for malformed JSON) and the reason.
    static Baseline load(const std::string& path);

    // Records the findings of one checked file.
    void add(const Document& document, const std::vector<Diagnostic>& diagnostics);
    // The findings of `document` that the baseline does not record. A fingerprint recorded N
    // times absorbs at most N findings, so a second copy of an accepted error is new.
    std::vector<Diagnostic> new_findings(const Document& document,
                                         std::vector<Diagnostic> diagnostics) const;
    // The file format: JSON, sorted by path and fingerprint so that it diffs well.
    std::string to_json() const;
    std::size_t size() const;

private:
    struct Entry {
        std::string rule;
        std::string text;
        std::size_t count = 0;
    };
    // path -> fingerprint -> entry
    std::map<std::string, std::map<std::string, Entry>> files_;
};

} // namespace translint
