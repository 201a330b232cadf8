// The sinks behind make_sink(), one file each.
#pragma once

#include "translint/sink.hpp"

namespace translint {

std::unique_ptr<Sink> make_text_sink(std::ostream& out, SinkOptions options);
std::unique_ptr<Sink> make_json_sink(std::ostream& out, SinkOptions options);
std::unique_ptr<Sink> make_html_sink(std::ostream& out, SinkOptions options);
std::unique_ptr<Sink> make_sarif_sink(std::ostream& out, SinkOptions options);
std::unique_ptr<Sink> make_junit_sink(std::ostream& out, SinkOptions options);
std::unique_ptr<Sink> make_checkstyle_sink(std::ostream& out, SinkOptions options);
std::unique_ptr<Sink> make_github_sink(std::ostream& out, SinkOptions options);

} // namespace translint
