// Term bases: what a project calls each concept in each language, and the renderings it
// forbids. Read from CSV (a row per concept, a column per language) or TBX (ISO 30042 XML).
#pragma once

#include "core/language.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace translint::terms {

struct Term {
    std::string language; // as the term base writes it: "en", "it-IT"
    std::string text;
    // A rendering to avoid: CSV's `forbidden` column, TBX's deprecated and superseded terms.
    bool forbidden = false;
};

// One concept and its terms in every language the term base gives.
struct Concept {
    std::vector<Term> terms;
    std::string note; // for the translator, shown with the findings
};

struct TermBase {
    std::vector<Concept> concepts;
};

// Both throw translint::Error "path:line: reason" when the bytes are not a term base.
TermBase parse_csv(const std::string& path, std::string_view bytes);
TermBase parse_tbx(const std::string& path, std::string_view bytes);
// Chooses the parser by the file's extension: .csv, or .tbx and .xml.
TermBase parse_term_base(const std::string& path, std::string_view bytes);

// Renderings in one cell: "server|servers" gives both, trimmed; empty ones are dropped.
std::vector<std::string> split_alternatives(std::string_view cell);

// True when a term base's language tag serves a segment's: the same tag, or the same language
// when one of them names no region (en and en-GB, but not en-US and en-GB). Case and "_" against
// "-" do not matter. A private-use tag (it-x-example) serves and is served only by itself.
bool language_serves(std::string_view term_language, std::string_view segment_language);
// "it" for "it-IT", shared with the formats that declare languages.
using translint::primary_language;

} // namespace translint::terms
