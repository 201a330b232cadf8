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

namespace {

using SinkFactory = std::unique_ptr<Sink> (*)(std::ostream&, SinkOptions);

struct NamedSink {
    std::string_view name;
    SinkFactory make;
};

constexpr NamedSink named_sinks[] = {
    {"text", make_text_sink},     {"json", make_json_sink},   {"html", make_html_sink},
    {"sarif", make_sarif_sink},   {"junit", make_junit_sink}, {"checkstyle", make_checkstyle_sink},
    {"github", make_github_sink},
};

} // namespace

std::vector<std::string_view> sink_formats() {
    std::vector<std::string_view> names;
    for (const NamedSink& sink : named_sinks)
        names.push_back(sink.name);
    return names;
}

std::unique_ptr<Sink> make_sink(std::string_view format, std::ostream& out, SinkOptions options) {
    for (const NamedSink& sink : named_sinks)
        if (sink.name == format) return sink.make(out, std::move(options));
    return nullptr;
}

} // namespace translint
