// The JSON report: one document, exactly the contract in README.md.
#include "report/sinks.hpp"

#include <nlohmann/json.hpp>

namespace translint {
namespace {

using Json = nlohmann::ordered_json;

class JsonSink final : public Sink {
public:
    explicit JsonSink(std::ostream& out)
        : out_(out) {}

    void file(const Document& document, const std::string& language,
              const std::vector<Diagnostic>& diagnostics) override {
        Json list = Json::array();
        for (const Diagnostic& d : diagnostics) {
            const Position start = document.position(d.offset);
            const Position end = document.position(d.offset + d.length);
            Json item{{"rule", d.rule},
                      {"category", to_string(d.category)},
                      {"severity", to_string(d.severity)},
                      {"message", d.message},
                      {"offset", d.offset},
                      {"length", d.length},
                      {"line", start.line},
                      {"column", start.column},
                      {"end_line", end.line},
                      {"end_column", end.column},
                      {"text", document.bytes().substr(d.offset, d.length)},
                      {"suggestions", d.suggestions}};
            if (!d.fixes.empty()) {
                Json fixes = Json::array();
                for (const Edit& e : d.fixes)
                    fixes.push_back({{"offset", e.offset},
                                     {"length", e.length},
                                     {"replacement", e.replacement}});
                item["fixes"] = std::move(fixes);
            }
            list.push_back(std::move(item));
        }
        files_.push_back(
            {{"path", document.path()}, {"language", language}, {"diagnostics", std::move(list)}});
    }

    void finish(const Summary& summary) override {
        const Json report{{"tool", {{"name", "translint"}, {"version", TRANSLINT_VERSION}}},
                          {"files", std::move(files_)},
                          {"summary",
                           {{"files", summary.files},
                            {"errors", summary.errors},
                            {"warnings", summary.warnings},
                            {"infos", summary.infos}}}};
        out_ << report.dump(2, ' ', false, Json::error_handler_t::strict) << '\n';
    }

private:
    std::ostream& out_;
    Json files_ = Json::array();
};

} // namespace

std::unique_ptr<Sink> make_json_sink(std::ostream& out) {
    return std::make_unique<JsonSink>(out);
}

} // namespace translint
