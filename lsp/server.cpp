#include "lsp/server.hpp"

#include "lsp/message_reader.hpp"
#include "lsp/paragraph_checker.hpp"
#include "lsp/text_document.hpp"
#include "translint/config.hpp"
#include "translint/engine.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <signal.h>
#include <thread>

namespace translint::lsp {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// JSON-RPC and LSP error codes.
constexpr int parse_error = -32700, invalid_request = -32600, method_not_found = -32601,
              invalid_params = -32602, internal_error = -32603, server_not_initialized = -32002;

constexpr std::string_view add_word_command = "translint.addToWordList";
constexpr std::string_view disable_rule_command = "translint.disableRule";
// A plain-text document this long is checked paragraph by paragraph as the user types; the
// whole document is checked once the typing settles.
constexpr std::size_t paragraph_mode_bytes = 4096;
constexpr auto settle_delay = std::chrono::milliseconds(1000);

// The protocol's error response, thrown by a handler and sent by the dispatcher.
struct RequestError {
    int code;
    std::string message;
};

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() &&
            std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// The file a URI names; an untitled buffer keeps its URI as its name.
std::string path_of_uri(std::string_view uri) {
    if (uri.starts_with("file://")) return percent_decoded(uri.substr(7));
    return std::string(uri);
}

int severity_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return 1;
    case Severity::warning:
        return 2;
    case Severity::info:
        return 3;
    }
    return 3;
}

// An engine for one .translint.yaml (or for none), rebuilt when the file changes.
struct Project {
    std::string config_path; // empty: the defaults
    fs::file_time_type config_time;
    Config config;
    std::unique_ptr<Engine> engine;
    std::map<std::string, RuleInfo> rules; // by id
};

struct OpenDocument {
    std::string uri;
    std::string path;
    std::string language_id;
    TextDocument text;
    long long version = 0;
    std::set<std::string> disabled_rules; // "disable for this document"
    // The findings published for `checked_version`, offsets into that version's text.
    std::vector<Diagnostic> diagnostics;
    long long checked_version = -1;
    std::string language;
    std::shared_ptr<Project> project;
    std::optional<Clock::time_point> due; // when to check next
    // The check that is due is the whole-document check after paragraph-by-paragraph ones.
    bool settling = false;
    std::shared_ptr<ParagraphChecker> paragraphs = std::make_shared<ParagraphChecker>();
};

class Server {
public:
    Server(std::istream& in, std::ostream& out, ServerOptions options)
        : reader_(in, options.max_message_bytes)
        , out_(out)
        , options_(options) {}

    int run() {
        std::thread worker([this] { check_loop(); });
        for (;;) {
            Message message = reader_.next();
            if (message.kind == Message::Kind::end) break;
            if (message.kind != Message::Kind::body) {
                log(2, "translint: ignored a message: " + message.problem);
                if (message.kind == Message::Kind::too_large)
                    respond_error(nullptr, invalid_request, message.problem);
                continue;
            }
            if (!handle(message.body)) break;
        }
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        worker.join();
        return shutdown_ ? 0 : 1;
    }

private:
    // Returns false after "exit".
    bool handle(const std::string& body) {
        json message;
        try {
            message = json::parse(body);
        } catch (const json::exception& e) {
            respond_error(nullptr, parse_error, std::string("invalid JSON: ") + e.what());
            return true;
        }
        if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
            // A response to a request of ours (workspace/applyEdit) needs no answer.
            if (message.is_object() && message.contains("id") &&
                (message.contains("result") || message.contains("error")))
                return true;
            respond_error(message.is_object() && message.contains("id") ? message["id"]
                                                                        : json(nullptr),
                          invalid_request, "not a JSON-RPC request or notification");
            return true;
        }
        const std::string method = message["method"];
        const bool is_request = message.contains("id");
        const json id = is_request ? message["id"] : json(nullptr);
        const json params = message.value("params", json::object());
        if (method == "exit") return false;
        try {
            if (!initialized_ && method != "initialize") {
                if (is_request) throw RequestError{server_not_initialized, "initialize first"};
                return true;
            }
            if (shutdown_ && is_request)
                throw RequestError{invalid_request, "the server is shutting down"};
            const json result = dispatch(method, params, is_request);
            if (is_request) respond(id, result);
        } catch (const RequestError& e) {
            if (is_request)
                respond_error(id, e.code, e.message);
            else
                log(2, "translint: " + method + ": " + e.message);
        } catch (const json::exception& e) {
            if (is_request)
                respond_error(id, invalid_params, method + ": " + e.what());
            else
                log(2, "translint: " + method + ": " + e.what());
        } catch (const std::exception& e) {
            if (is_request)
                respond_error(id, internal_error, method + ": " + e.what());
            else
                log(1, "translint: " + method + ": " + e.what());
        }
        return true;
    }

    json dispatch(const std::string& method, const json& params, bool is_request) {
        if (method == "initialize") return initialize(params);
        if (method == "shutdown") {
            std::lock_guard lock(mutex_);
            shutdown_ = true;
            return nullptr;
        }
        // `params` is const: a missing key must throw (at), not be read past the end ([]).
        if (method == "textDocument/didOpen")
            did_open(params.at("textDocument"));
        else if (method == "textDocument/didChange")
            did_change(params);
        else if (method == "textDocument/didSave")
            did_save(params);
        else if (method == "textDocument/didClose")
            did_close(params.at("textDocument").at("uri"));
        else if (method == "workspace/didChangeWatchedFiles")
            reload_projects();
        else if (method == "textDocument/codeAction")
            return code_actions(params);
        else if (method == "textDocument/hover")
            return hover(params);
        else if (method == "workspace/executeCommand")
            return execute(params);
        else if (is_request)
            throw RequestError{method_not_found, "unknown method " + method};
        return nullptr; // notifications translint does not use ($/cancelRequest, initialized…)
    }

    json initialize(const json& params) {
        if (initialized_) throw RequestError{invalid_request, "initialize was already called"};
        const json encodings = params.value("capabilities", json::object())
                                   .value("general", json::object())
                                   .value("positionEncodings", json::array());
        for (const json& encoding : encodings)
            if (encoding == "utf-8") encoding_ = PositionEncoding::utf8;
        const json options = params.value("initializationOptions", json::object());
        if (options.is_object() && options.contains("debounceMs") &&
            options["debounceMs"].is_number_unsigned())
            options_.debounce = std::chrono::milliseconds(options["debounceMs"].get<unsigned>());
        if (params.contains("processId") && params["processId"].is_number_integer())
            client_process_ = params["processId"].get<int>();
        if (params.contains("rootUri") && params["rootUri"].is_string())
            root_ = path_of_uri(params["rootUri"].get<std::string>());
        initialized_ = true;
        return {{"capabilities",
                 {{"positionEncoding", encoding_ == PositionEncoding::utf8 ? "utf-8" : "utf-16"},
                  {"textDocumentSync",
                   {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
                  {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
                  {"hoverProvider", true},
                  {"executeCommandProvider",
                   {{"commands", {add_word_command, disable_rule_command}}}}}},
                {"serverInfo", {{"name", "translint"}, {"version", TRANSLINT_VERSION}}}};
    }

    void did_open(const json& item) {
        const std::string uri = item.at("uri");
        std::string text = item.at("text");
        std::lock_guard lock(mutex_);
        OpenDocument& document = documents_[uri];
        document.uri = uri;
        document.path = path_of_uri(uri);
        document.language_id = item.value("languageId", "");
        document.version = item.value("version", 0LL);
        document.text = TextDocument(std::move(text));
        document.checked_version = -1;
        schedule(document, Clock::now());
    }

    void did_change(const json& params) {
        const std::string uri = params.at("textDocument").at("uri");
        std::lock_guard lock(mutex_);
        const auto found = documents_.find(uri);
        if (found == documents_.end()) return; // never opened: nothing to change
        OpenDocument& document = found->second;
        for (const json& change : params.at("contentChanges")) {
            const std::string text = change.at("text");
            if (!change.contains("range")) {
                document.text = TextDocument(text);
                continue;
            }
            const json& range = change["range"];
            const std::size_t begin =
                document.text.offset(position_of(range.at("start")), encoding_);
            const std::size_t end = document.text.offset(position_of(range.at("end")), encoding_);
            document.text.replace(begin, std::max(begin, end), text);
        }
        document.version = params["textDocument"].value("version", document.version + 1);
        schedule(document, Clock::now() + options_.debounce);
    }

    void did_save(const json& params) {
        const std::string path =
            path_of_uri(params.at("textDocument").at("uri").get<std::string>());
        if (fs::path(path).filename() == ".translint.yaml") {
            reload_projects();
            return;
        }
        std::lock_guard lock(mutex_);
        const auto found = documents_.find(params["textDocument"]["uri"]);
        if (found != documents_.end()) schedule(found->second, Clock::now());
    }

    void did_close(const std::string& uri) {
        {
            std::lock_guard lock(mutex_);
            documents_.erase(uri);
        }
        publish(uri, std::nullopt, json::array());
    }

    // Forgets every engine, so that the next check reads the configs again, and checks every
    // open document again.
    void reload_projects() {
        std::lock_guard lock(mutex_);
        projects_.clear();
        for (auto& [uri, document] : documents_) {
            document.project.reset();
            document.paragraphs = std::make_shared<ParagraphChecker>();
            schedule(document, Clock::now());
        }
    }

    void schedule(OpenDocument& document, Clock::time_point when) {
        document.due = when;
        document.settling = false;
        wake_.notify_all();
    }

    static Position position_of(const json& position) {
        return {count_at(position, "line"), count_at(position, "character")};
    }

    // A line or a character is a whole number from 0; nlohmann's conversion of a fraction or a
    // number out of range would not be defined.
    static std::size_t count_at(const json& object, const char* key) {
        const json& value = object.at(key);
        if (!value.is_number_unsigned())
            throw RequestError{invalid_params,
                               std::string("'") + key + "' must be a whole number from 0"};
        return value.get<std::size_t>();
    }

    json range_of(const TextDocument& text, std::size_t offset, std::size_t length) const {
        const Position start = text.position(offset, encoding_);
        const Position end = text.position(offset + length, encoding_);
        return {{"start", {{"line", start.line}, {"character", start.character}}},
                {"end", {{"line", end.line}, {"character", end.character}}}};
    }

    // The engine for the config that governs `path`: the nearest .translint.yaml upward from
    // the file (or from the workspace root for an untitled buffer).
    std::shared_ptr<Project> project_for(const std::string& path) {
        std::error_code error;
        const fs::path directory =
            fs::path(path).is_absolute() ? fs::path(path).parent_path() : fs::path(root_);
        const std::optional<fs::path> found =
            directory.empty() ? std::nullopt : Config::find(directory);
        const std::string key = found ? found->string() : "";
        std::shared_ptr<Project>& project = projects_[key];
        const fs::file_time_type time =
            found ? fs::last_write_time(*found, error) : fs::file_time_type{};
        if (!project || project->config_time != time) {
            auto fresh = std::make_shared<Project>();
            fresh->config_path = key;
            fresh->config_time = time;
            if (found) {
                fresh->config = Config::load(*found);
            } else {
                fresh->config.dictionary_paths = default_dictionary_paths();
            }
            fresh->engine = std::make_unique<Engine>(fresh->config);
            project = std::move(fresh);
        }
        return project;
    }

    // The language from the document (XLIFF, PO), the config, or the file name, as the CLI
    // finds it.
    static std::string language_of(const Document& document, const Project& project) {
        if (!document.target_language().empty()) return document.target_language();
        if (!project.config.language.empty()) return project.config.language;
        return language_in_file_name(document.path(), project.engine->languages());
    }

    InputFormat format_of(const OpenDocument& document) const {
        if (has_known_extension(document.path)) return input_format_for(document.path);
        static const std::map<std::string, InputFormat, std::less<>> by_language_id = {
            {"markdown", InputFormat::markdown},
            {"html", InputFormat::html},
            {"po", InputFormat::po},
            {"xliff", InputFormat::xliff},
            {"xml", InputFormat::xliff},
            {"cpp", InputFormat::cpp},
            {"c", InputFormat::cpp}};
        const auto found = by_language_id.find(document.language_id);
        return found == by_language_id.end() ? InputFormat::text : found->second;
    }

    // The worker: checks each document once it has stayed unchanged for the debounce time.
    void check_loop() {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            OpenDocument* next = nullptr;
            for (auto& [uri, document] : documents_)
                if (document.due && (!next || *document.due < *next->due)) next = &document;
            if (!next || *next->due > Clock::now()) {
                const auto until = next ? *next->due : Clock::now() + std::chrono::seconds(2);
                wake_.wait_until(lock, until);
                if (client_process_ && ::kill(client_process_, 0) != 0 && errno == ESRCH) {
                    // The editor is gone without saying so: stop, as the protocol asks.
                    std::_Exit(shutdown_ ? 0 : 1);
                }
                continue;
            }
            check_now(*next, lock);
        }
    }

    void check_now(OpenDocument& document, std::unique_lock<std::mutex>& lock) {
        const std::string uri = document.uri, path = document.path;
        const std::string text = document.text.text();
        const long long version = document.version;
        const InputFormat format = format_of(document);
        const bool paragraph_mode = !document.settling && format == InputFormat::text &&
                                    text.size() >= paragraph_mode_bytes;
        document.due.reset();
        std::shared_ptr<ParagraphChecker> paragraphs = document.paragraphs;
        std::vector<Diagnostic> found;
        std::string language, problem;
        std::shared_ptr<Project> project;
        try {
            project = project_for(path);
            lock.unlock();
            if (text.size() > options_.max_document_bytes)
                throw Error(path + ": " + std::to_string(text.size()) +
                            " bytes is more than translint checks as you type (" +
                            std::to_string(options_.max_document_bytes) + ")");
            Document checked =
                read_document(path, text, format, FormatOptions::from(project->config));
            language = language_of(checked, *project);
            if (language.empty())
                throw Error(path + ": no language: set 'language' in .translint.yaml or name the "
                                   "file like article.it.txt");
            checked.set_languages(checked.source_language().empty()
                                      ? project->config.source_language
                                      : checked.source_language(),
                                  language);
            const auto started = Clock::now();
            found = paragraph_mode ? paragraphs->check(*project->engine, path, text, language)
                                   : project->engine->check(checked, language);
            const std::chrono::duration<double, std::milli> took = Clock::now() - started;
            char timing[32];
            std::snprintf(timing, sizeof timing, "%.2f ms", took.count());
            // For the editor's log and the benchmark: what the check cost.
            log(4, "translint: checked " + uri + " version " + std::to_string(version) + ": " +
                       (paragraph_mode ? std::to_string(paragraphs->checked()) + " of " +
                                             std::to_string(paragraphs->count()) + " paragraphs"
                                       : std::string("whole document")) +
                       " in " + timing);
        } catch (const std::exception& e) {
            problem = e.what();
        }
        if (!lock.owns_lock()) lock.lock();
        const auto still = documents_.find(uri);
        if (still == documents_.end() || still->second.version != version) return; // stale
        OpenDocument& current = still->second;
        current.project = project;
        current.language = language;
        std::erase_if(found,
                      [&](const Diagnostic& d) { return current.disabled_rules.count(d.rule); });
        current.diagnostics = std::move(found);
        current.checked_version = version;
        if (paragraph_mode && !current.due) {
            current.due = Clock::now() + settle_delay;
            current.settling = true;
        }
        json diagnostics = json::array();
        for (const Diagnostic& d : current.diagnostics)
            diagnostics.push_back(to_lsp(current, d));
        if (!problem.empty()) diagnostics.push_back(problem_diagnostic(current, problem));
        lock.unlock();
        publish(uri, version, std::move(diagnostics));
        lock.lock();
    }

    json to_lsp(const OpenDocument& document, const Diagnostic& d) const {
        json range = range_of(document.text, d.offset, d.length);
        std::string message = d.message;
        if (!d.suggestions.empty()) {
            message += " (";
            for (std::size_t i = 0; i < d.suggestions.size(); ++i)
                message += (i ? ", " : "→ ") + d.suggestions[i];
            message += ')';
        }
        return {{"range", range},
                {"severity", severity_of(d.severity)},
                {"code", d.rule},
                {"source", "translint"},
                {"message", message},
                // The exact span, for clients that send back ranges counted in other units.
                {"data",
                 {{"rule", d.rule},
                  {"category", to_string(d.category)},
                  {"suggestions", d.suggestions},
                  {"offset", d.offset},
                  {"length", d.length},
                  {"range", range}}}};
    }

    // A file translint cannot read (malformed XML, no language) shows as one diagnostic at the
    // line the message names, so the user sees why nothing else is reported.
    json problem_diagnostic(const OpenDocument& document, const std::string& problem) const {
        std::size_t line = 0;
        const std::string prefix = document.path + ":";
        if (problem.starts_with(prefix)) {
            std::size_t at = prefix.size(), value = 0;
            while (at < problem.size() && std::isdigit(static_cast<unsigned char>(problem[at])))
                value = value * 10 + static_cast<std::size_t>(problem[at++] - '0');
            if (value > 0 && at < problem.size() && problem[at] == ':') line = value - 1;
        }
        return {{"range",
                 {{"start", {{"line", line}, {"character", 0}}},
                  {"end", {{"line", line}, {"character", 0}}}}},
                {"severity", 1},
                {"code", "input"},
                {"source", "translint"},
                {"message", problem}};
    }

    // The findings under `range` of the checked version of the document.
    std::vector<const Diagnostic*> diagnostics_in(const OpenDocument& document,
                                                  const json& range) const {
        std::vector<const Diagnostic*> found;
        if (document.checked_version != document.version) return found; // edits since: stale
        const std::size_t begin = document.text.offset(position_of(range.at("start")), encoding_);
        const std::size_t end = document.text.offset(position_of(range.at("end")), encoding_);
        for (const Diagnostic& d : document.diagnostics)
            if (d.offset <= end && begin <= d.offset + d.length) found.push_back(&d);
        return found;
    }

    OpenDocument& open_document(const json& params) {
        const std::string uri = params.at("textDocument").at("uri");
        const auto found = documents_.find(uri);
        if (found == documents_.end()) throw RequestError{invalid_params, uri + " is not open"};
        return found->second;
    }

    json code_actions(const json& params) {
        std::lock_guard lock(mutex_);
        OpenDocument& document = open_document(params);
        json actions = json::array();
        for (const Diagnostic* d : diagnostics_in(document, params.at("range"))) {
            const json diagnostic = to_lsp(document, *d);
            const json range = diagnostic["range"];
            for (std::size_t i = 0; i < d->suggestions.size(); ++i) {
                json edit = json::object();
                edit["range"] = range;
                edit["newText"] = d->suggestions[i];
                json changes = json::object();
                changes[document.uri] = json::array({edit});
                json action = json::object();
                action["title"] = "Replace with '" + d->suggestions[i] + "'";
                action["kind"] = "quickfix";
                action["diagnostics"] = json::array({diagnostic});
                action["isPreferred"] = i == 0;
                action["edit"] = {{"changes", changes}};
                actions.push_back(std::move(action));
            }
            const std::string word = document.text.text().substr(d->offset, d->length);
            const bool word_like =
                (d->category == Category::spelling || d->category == Category::name) &&
                !word.empty() && word.find_first_of(" \t\r\n") == std::string::npos;
            if (word_like && document.project && !document.project->config.word_lists.empty())
                actions.push_back({{"title", "Add '" + word + "' to the project word list"},
                                   {"kind", "quickfix"},
                                   {"diagnostics", {diagnostic}},
                                   {"command",
                                    {{"title", "Add to the project word list"},
                                     {"command", add_word_command},
                                     {"arguments", {document.uri, word}}}}});
            actions.push_back({{"title", "Disable " + d->rule + " in this document"},
                               {"kind", "quickfix"},
                               {"diagnostics", {diagnostic}},
                               {"command",
                                {{"title", "Disable the rule in this document"},
                                 {"command", disable_rule_command},
                                 {"arguments", {document.uri, d->rule}}}}});
        }
        return actions;
    }

    json hover(const json& params) {
        std::lock_guard lock(mutex_);
        OpenDocument& document = open_document(params);
        const json at = params.at("position");
        const std::vector<const Diagnostic*> found =
            diagnostics_in(document, {{"start", at}, {"end", at}});
        if (found.empty()) return nullptr;
        std::string text;
        for (const Diagnostic* d : found) {
            if (!text.empty()) text += "\n\n---\n\n";
            text += "**translint** `" + d->rule + "` (" + std::string(to_string(d->category)) +
                    ", " + std::string(to_string(d->severity)) + ")\n\n" + d->message;
            if (!d->suggestions.empty()) {
                text += "\n\nSuggested: ";
                for (std::size_t i = 0; i < d->suggestions.size(); ++i)
                    text += (i ? ", " : "") + ("**" + d->suggestions[i] + "**");
            }
            const std::string description = rule_description(document, d->rule);
            if (!description.empty()) text += "\n\n" + description;
        }
        return {{"contents", {{"kind", "markdown"}, {"value", text}}},
                {"range", range_of(document.text, found.front()->offset, found.front()->length)}};
    }

    std::string rule_description(OpenDocument& document, const std::string& rule) {
        if (!document.project) return {};
        Project& project = *document.project;
        if (project.rules.empty())
            for (RuleInfo& info : project.engine->rules(document.language))
                project.rules.emplace(info.id, std::move(info));
        const auto found = project.rules.find(rule);
        return found == project.rules.end() ? "" : found->second.description;
    }

    json execute(const json& params) {
        const std::string command = params.at("command");
        const json arguments = params.value("arguments", json::array());
        if (!arguments.is_array() || arguments.size() != 2 || !arguments[0].is_string() ||
            !arguments[1].is_string())
            throw RequestError{invalid_params,
                               command + " takes a document URI and a word or rule"};
        const std::string uri = arguments[0], value = arguments[1];
        std::lock_guard lock(mutex_);
        const auto found = documents_.find(uri);
        if (found == documents_.end()) throw RequestError{invalid_params, uri + " is not open"};
        OpenDocument& document = found->second;
        // The re-check follows the reply after a debounce, not at once: some clients (Emacs 28's
        // jsonrpc) stop reading after the reply to a synchronous request, and would miss
        // diagnostics that arrive with it.
        const Clock::time_point after_reply = Clock::now() + options_.debounce;
        if (command == disable_rule_command) {
            document.disabled_rules.insert(value);
            schedule(document, after_reply);
            return nullptr;
        }
        if (command != add_word_command)
            throw RequestError{invalid_params, "unknown command " + command};
        if (!document.project || document.project->config.word_lists.empty())
            throw RequestError{invalid_params,
                               "no word list: name one under 'word_lists' in .translint.yaml"};
        add_to_word_list(document.project->config.word_lists.front(), value);
        // The engine read the word list when it was made: make it again, and check again.
        projects_.erase(document.project->config_path);
        for (auto& [other_uri, other] : documents_) {
            if (other.project == document.project) {
                other.project.reset();
                other.paragraphs = std::make_shared<ParagraphChecker>();
                schedule(other, after_reply);
            }
        }
        return nullptr;
    }

    static void add_to_word_list(const std::string& path, const std::string& word) {
        if (word.find_first_of("\r\n") != std::string::npos)
            throw RequestError{invalid_params, "a word is one line"};
        // The version read is the one replaced: an edit made in between (by the user, in
        // another editor) is refused rather than lost.
        std::string text;
        FileStamp read;
        std::error_code error;
        if (fs::exists(path, error)) text = read_file(path, Document::default_max_bytes, &read);
        std::size_t line = 0;
        while (line < text.size()) {
            std::size_t end = text.find('\n', line);
            if (end == std::string::npos) end = text.size();
            if (std::string_view(text).substr(line, end - line) == word) return; // already there
            line = end + 1;
        }
        if (!text.empty() && text.back() != '\n') text += '\n';
        write_file_atomically(path, text + word + '\n', read);
    }

    void respond(const json& id, const json& result) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
    }

    void respond_error(const json& id, int code, const std::string& message) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
    }

    void publish(const std::string& uri, std::optional<long long> version, json diagnostics) {
        json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
        if (version) params["version"] = *version;
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/publishDiagnostics"},
              {"params", std::move(params)}});
    }

    // window/logMessage: 1 error, 2 warning, 3 info.
    void log(int type, const std::string& message) {
        send({{"jsonrpc", "2.0"},
              {"method", "window/logMessage"},
              {"params", {{"type", type}, {"message", message}}}});
    }

    void send(const json& message) {
        const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
        std::lock_guard lock(output_mutex_);
        out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
        out_.flush();
    }

    MessageReader reader_;
    std::ostream& out_;
    ServerOptions options_;
    std::mutex output_mutex_; // one message at a time on the output
    std::mutex mutex_;        // everything below
    std::condition_variable wake_;
    bool initialized_ = false, shutdown_ = false, stopping_ = false;
    PositionEncoding encoding_ = PositionEncoding::utf16;
    int client_process_ = 0;
    std::string root_;
    std::map<std::string, OpenDocument> documents_;
    std::map<std::string, std::shared_ptr<Project>> projects_;
};

} // namespace

int serve(std::istream& in, std::ostream& out, ServerOptions options) {
    // A tied input flushes the output before each read, from the reading thread, while the
    // checking thread may be writing a message: untie them, and every write goes through send().
    in.tie(nullptr);
    return Server(in, out, options).run();
}

} // namespace translint::lsp
