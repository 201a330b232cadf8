// A rule is data (a YAML entry that picks a kind and sets its options); its kind is code. Every
// kind implements `Rule` and is listed in registry.cpp.
#pragma once

#include "text/segmenter.hpp"
#include "translint/diagnostic.hpp"
#include "translint/document.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace translint {

namespace spell {
class Dictionary;
}
namespace names {
class Gazetteer;
}
namespace terms {
struct TermBase;
}

// An example that travels with its rule and runs as a test. Bad examples mark the expected
// span with [[ and ]]; `fix` is the text once the first suggestion replaces that span.
struct RuleExample {
    bool bad = false;
    std::string text; // without the markers
    text::Span expected;
    std::optional<std::string> fix;
    std::size_t line = 0;
    // For bilingual rules: the source the text translates, and the two languages when the
    // rule's own language does not say (common rules).
    std::optional<std::string> source;
    std::string source_language;
    std::string language;
    bool needs_review = false; // the unit is marked fuzzy
};

struct RuleSpec {
    std::string id;
    std::string kind;
    Category category = Category::spelling;
    Severity severity = Severity::warning;
    std::string message;     // may use {match} and {suggestion}
    std::string description; // longer explanation, for `rules list` and editors
    std::string language;    // "it", "en", or empty for rules/common
    bool enabled_by_default = true;
    YAML::Node options;
    std::vector<RuleExample> examples;
    std::string file;
    std::size_t line = 0;
};

// One segment, analysed once and shared by every rule.
class SegmentContext {
public:
    SegmentContext(const Segment& segment, std::string language, std::string source_language = {});

    std::string_view text() const { return segment_.text; }
    const Segment& segment() const { return segment_; }
    const std::string& language() const { return language_; }
    // The text this segment translates, in source_language() (empty when unknown).
    const std::optional<std::string>& source() const { return segment_.source; }
    const std::string& source_language() const { return source_language_; }
    const std::vector<text::Token>& words() const { return words_; }
    // True when only white space, quotes and opening punctuation stand between the start of a
    // sentence (or line) and `offset`.
    bool starts_sentence(std::size_t offset) const;

private:
    const Segment& segment_;
    std::string language_;
    std::string source_language_;
    std::vector<text::Token> words_;
    std::vector<std::size_t> line_starts_; // where each line of the text begins, the first at 0
    // Sentence starts by line start, computed for the lines that are asked about.
    mutable std::map<std::size_t, std::vector<std::size_t>> sentence_starts_;
    mutable std::mutex sentence_mutex_; // rules may ask from several threads
};

// What rules may load while they are built: dictionaries and word lists.
class RuleResources {
public:
    virtual ~RuleResources() = default;
    virtual spell::Dictionary& dictionary(const std::string& name) = 0;
    // Words of a list shipped in dictionaries/ (by its path there) or of a project file.
    virtual std::vector<std::string> word_list(const std::string& path) = 0;
    // The project's own word lists from the config.
    virtual const std::vector<std::string>& project_words() = 0;
    // The names gazetteer: the shipped files and the config's own, built on first use.
    virtual const names::Gazetteer& gazetteer() = 0;
    // The config's term bases (`glossaries:`), merged and read on first use; none by default.
    virtual const terms::TermBase& glossary();
};

// How many of a document's findings may still use the slowest suggestion search.
struct SuggestionBudget {
    std::size_t thorough = 3;
    bool take_thorough() { return thorough > 0 && thorough-- > 0; }
};

class Rule {
public:
    explicit Rule(RuleSpec spec)
        : spec_(std::move(spec)) {}
    virtual ~Rule() = default;

    const RuleSpec& spec() const { return spec_; }

    virtual void check(const SegmentContext& context, std::vector<Diagnostic>& out) const = 0;
    // Adds what is costly to compute, such as spelling suggestions, given the flagged text. The
    // engine calls it only for diagnostics that will be reported.
    virtual void complete(Diagnostic&, std::string_view /*flagged*/, SuggestionBudget&) const {}

protected:
    // A diagnostic for `span` of the segment, mapped to the original file. {match} in the
    // rule's message becomes the flagged text, and {suggestion} the first suggestion. With
    // `with_fix`, the fix is an edit that puts the first suggestion in place.
    Diagnostic diagnose(const SegmentContext& context, text::Span span,
                        std::vector<std::string> suggestions = {}, bool with_fix = false) const;

private:
    RuleSpec spec_;
};

// Replaces {match} and {suggestion} in a message template.
std::string format_message(const std::string& message, std::string_view match,
                           std::string_view suggestion);

} // namespace translint
