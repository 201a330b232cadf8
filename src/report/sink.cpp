#include "report/sinks.hpp"

namespace translint {

void Summary::add(const std::vector<Diagnostic>& diagnostics) {
    ++files;
    for (const Diagnostic& d : diagnostics) {
        switch (d.severity) {
        case Severity::error:
            ++errors;
            break;
        case Severity::warning:
            ++warnings;
            break;
        case Severity::info:
            ++infos;
            break;
        }
    }
}

std::vector<std::string_view> sink_formats() {
    return {"text", "json"};
}

std::unique_ptr<Sink> make_sink(std::string_view format, std::ostream& out, SinkOptions options) {
    if (format == "text") return make_text_sink(out, options);
    if (format == "json") return make_json_sink(out);
    return nullptr;
}

} // namespace translint
