// The engine: loads rule packs for a language and checks documents. Safe to share between
// threads once built.
#pragma once

#include "translint/config.hpp"
#include "translint/diagnostic.hpp"
#include "translint/document.hpp"

#include <memory>
#include <string>
#include <vector>

namespace translint {

struct RuleInfo {
    std::string id;
    std::string kind;
    Category category;
    Severity severity;
    std::string language; // empty for rules that apply to every language
    std::string message;
    std::string description;
    bool enabled;
    std::size_t examples;
    std::string file;
};

struct ExampleResult {
    std::string rule;
    std::string file;
    std::size_t line;
    bool passed;
    std::string reason; // why it failed
};

class Engine {
public:
    // Reads the project's word lists now; rule packs and dictionaries load on first use of a
    // language. Throws translint::Error for unreadable word lists.
    explicit Engine(Config config);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Throws translint::Error for an unknown language, a missing dictionary or a malformed rule.
    std::vector<Diagnostic> check(const Document& document, const std::string& language) const;

    // Every rule of the language (with the common rules), enabled or not, sorted by id.
    std::vector<RuleInfo> rules(const std::string& language) const;
    // The languages that have a rule pack, built in or from the config's rule paths.
    std::vector<std::string> languages() const;
    // Runs every example of every rule of the given languages (all when empty).
    std::vector<ExampleResult> test_examples(const std::vector<std::string>& languages) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace translint
