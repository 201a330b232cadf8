// The JUnit XML report, which CI servers show as test results: one test case per checked file,
// failed when the file has a finding at or above warning. The root element carries the counts,
// so the test cases wait in memory until the last file.
#include "report/sinks.hpp"
#include "report/xml_text.hpp"

#include <sstream>

namespace translint {
namespace {

using report::write_xml_escaped;

// "path:line:col: severity: message [rule]", the way the text report begins a finding.
void write_finding(std::ostream& out, const Document& document, const Diagnostic& d) {
    const Position start = document.position(d.offset);
    std::ostringstream line;
    line << document.path() << ':' << start.line << ':' << start.column << ": "
         << to_string(d.severity) << ": " << d.message << " [" << d.rule << "]\n";
    write_xml_escaped(out, line.str(), false);
}

class JunitSink final : public Sink {
public:
    explicit JunitSink(std::ostream& out)
        : out_(out) {}

    void file(const Document& document, const std::string&,
              const std::vector<Diagnostic>& diagnostics) override {
        ++tests_;
        std::size_t failing = 0, infos = 0;
        for (const Diagnostic& d : diagnostics)
            ++(d.severity == Severity::info ? infos : failing);
        cases_ << "    <testcase name=\"";
        write_xml_escaped(cases_, document.path(), true);
        cases_ << "\" classname=\"translint\"";
        if (!failing && !infos) {
            cases_ << "/>\n";
            return;
        }
        cases_ << ">\n";
        if (failing) {
            ++failures_;
            cases_ << "      <failure message=\"" << failing
                   << (failing == 1 ? " finding" : " findings") << "\" type=\"translint\">";
            for (const Diagnostic& d : diagnostics)
                if (d.severity != Severity::info) write_finding(cases_, document, d);
            cases_ << "</failure>\n";
        }
        if (infos) {
            cases_ << "      <system-out>";
            for (const Diagnostic& d : diagnostics)
                if (d.severity == Severity::info) write_finding(cases_, document, d);
            cases_ << "</system-out>\n";
        }
        cases_ << "    </testcase>\n";
    }

    void finish(const Summary&) override {
        const std::string counts = " tests=\"" + std::to_string(tests_) + "\" failures=\"" +
                                   std::to_string(failures_) + "\" errors=\"0\"";
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             << "<testsuites name=\"translint\"" << counts << ">\n"
             << "  <testsuite name=\"translint\"" << counts << " skipped=\"0\">\n"
             << cases_.str() << "  </testsuite>\n</testsuites>\n";
    }

private:
    std::ostream& out_;
    std::ostringstream cases_;
    std::size_t tests_ = 0;
    std::size_t failures_ = 0;
};

} // namespace

std::unique_ptr<Sink> make_junit_sink(std::ostream& out, SinkOptions) {
    return std::make_unique<JunitSink>(out);
}

} // namespace translint
