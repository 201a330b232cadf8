// The Checkstyle XML report, which code-review bots and CI plugins read: a file element for
// every checked file and an error element for every finding, written as the files arrive.
#include "report/sinks.hpp"
#include "report/xml_text.hpp"

namespace translint {
namespace {

using report::write_xml_escaped;

class CheckstyleSink final : public Sink {
public:
    explicit CheckstyleSink(std::ostream& out)
        : out_(out) {
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    }

    void file(const Document& document, const std::string&,
              const std::vector<Diagnostic>& diagnostics) override {
        out_ << "  <file name=\"";
        write_xml_escaped(out_, document.path(), true);
        out_ << '"';
        if (diagnostics.empty()) {
            out_ << "/>\n";
            return;
        }
        out_ << ">\n";
        for (const Diagnostic& d : diagnostics) {
            const Position start = document.position(d.offset);
            out_ << "    <error line=\"" << start.line << "\" column=\"" << start.column
                 << "\" severity=\"" << to_string(d.severity) << "\" message=\"";
            write_xml_escaped(out_, d.message, true);
            out_ << "\" source=\"translint.";
            write_xml_escaped(out_, d.rule, true);
            out_ << "\"/>\n";
        }
        out_ << "  </file>\n";
    }

    void finish(const Summary&) override { out_ << "</checkstyle>\n"; }

private:
    std::ostream& out_;
};

} // namespace

std::unique_ptr<Sink> make_checkstyle_sink(std::ostream& out, SinkOptions) {
    return std::make_unique<CheckstyleSink>(out);
}

} // namespace translint
