// Output formats. A sink receives the diagnostics file by file; the CLI, the editor plugin and
// the LSP server all report through sinks, so every front end gives the same results.
#pragma once

#include "translint/diagnostic.hpp"
#include "translint/document.hpp"
#include "translint/engine.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace translint {

struct Summary {
    std::size_t files = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t in_baseline = 0; // findings not reported because the baseline records them

    void add(const std::vector<Diagnostic>& diagnostics);
};

class Sink {
public:
    virtual ~Sink() = default;
    virtual void file(const Document& document, const std::string& language,
                      const std::vector<Diagnostic>& diagnostics) = 0;
    // Called once after the last file.
    virtual void finish(const Summary& summary) = 0;
};

struct SinkOptions {
    bool color = false; // ANSI colours, for a terminal
    // The rules that may report, for the formats that describe them (SARIF, HTML).
    std::vector<RuleInfo> rules;
};

// The formats this library writes (text, json, sarif, ...). Returns null for an unknown format.
std::unique_ptr<Sink> make_sink(std::string_view format, std::ostream& out,
                                SinkOptions options = {});
std::vector<std::string_view> sink_formats();

} // namespace translint
