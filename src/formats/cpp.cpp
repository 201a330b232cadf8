// C and C++ through libclang. The text of a program is the string literals it passes to its
// translation functions (FormatOptions::translation_functions). Two readings find them:
// - the file's own tokens, as written: a listed name (`_`, or `QObject :: tr`) before `(`, then
//   each argument made only of adjacent string literals. This works on code that does not
//   compile, where a missing <libintl.h> leaves `_("...")` an undeclared name and no call in the
//   syntax tree, and it sees the names of macros;
// - the syntax tree, for what the tokens cannot show: a listed function reached through a macro
//   from a header (`T("...")` expanding to gettext), or a call whose declaration has a listed
//   qualified name (`tr("...")` in a method of a QObject, when Qt's headers are found).
// A literal found by both is taken once. Only literals written in the file are taken, never
// those of headers, and only the arguments that are text: the context of pgettext and
// QCoreApplication::translate, the domain of dgettext and Qt's disambiguation notes are not.
//
// The compiler's arguments come from the nearest compile_commands.json upward from the file (or
// in a build/ directory beside it) when it has a command for the file; otherwise the file is C
// when it ends in .c, C++20 otherwise. Of a command only macros, include directories and the
// language are kept: the rest could load code, write files or read other files. Compile errors
// (missing headers, unknown names, types) do not stop the reading. A lexer error about a string
// literal in the file does: a missing closing quote or a raw string without its closing delimiter
// leaves the literals after it unknowable. So does text that is not UTF-8; a literal whose
// escapes cannot be decoded is not text someone wrote for a reader, and is skipped.
//
// The file is untrusted, and libclang opens whatever an #include names: /dev/stdin or a FIFO
// blocks it forever, /dev/zero never ends. So libclang sees the disk through a virtual file system
// that does not fall through to the real one (-ivfsoverlay): the directories of the compiler's
// own headers, and, one by one, the other files the preprocessor can reach by the names that the
// file's #include lines and __has_include expressions spell, then those of the headers found, and
// so on. Each is checked first: a name that finds a device, a FIFO, a socket or a file in /dev,
// /proc or /sys is an error. A header reached only through a name that a macro builds is not
// there, whatever it is. The #pragma clang __debug commands that crash or hang are disabled.
#include "formats/cpp.hpp"

#include "formats/escapes.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace translint::formats {
namespace {

namespace fs = std::filesystem;

using IndexHandle = std::unique_ptr<void, decltype(&clang_disposeIndex)>;
using UnitHandle = std::unique_ptr<CXTranslationUnitImpl, decltype(&clang_disposeTranslationUnit)>;
using DatabaseHandle = std::unique_ptr<void, decltype(&clang_CompilationDatabase_dispose)>;
using CommandsHandle = std::unique_ptr<void, decltype(&clang_CompileCommands_dispose)>;
using DiagnosticHandle = std::unique_ptr<void, decltype(&clang_disposeDiagnostic)>;

std::string take(CXString string) {
    const char* chars = clang_getCString(string);
    std::string out = chars ? chars : "";
    clang_disposeString(string);
    return out;
}

// Which arguments of a translation function are text: after `skipped` ones (a domain, a
// context), at most `count`.
struct TextArguments {
    std::size_t skipped = 0;
    std::size_t count = std::numeric_limits<std::size_t>::max();
};

TextArguments text_arguments(std::string_view function) {
    if (const std::size_t colons = function.rfind("::"); colons != std::string_view::npos)
        function.remove_prefix(colons + 2);
    static constexpr std::array<std::pair<std::string_view, TextArguments>, 10> known{{
        {"pgettext", {1}},
        {"npgettext", {1}},
        {"dgettext", {1}},
        {"dngettext", {1}},
        {"dcgettext", {1}},
        {"dcngettext", {1}},
        {"i18nc", {1}},
        {"i18ncp", {1}},
        {"tr", {0, 1}},        // tr(text, disambiguation, n)
        {"translate", {1, 1}}, // translate(context, text, disambiguation, n)
    }};
    for (const auto& [name, arguments] : known)
        if (name == function) return arguments;
    return {};
}

// A name from the list, split at its `::`.
struct FunctionName {
    std::string full;
    std::vector<std::string> parts;
    TextArguments arguments;
};

std::vector<FunctionName> function_names(const std::vector<std::string>& list) {
    std::vector<FunctionName> names;
    for (const std::string& full : list) {
        FunctionName name{full, {}, text_arguments(full)};
        for (std::size_t start = 0;;) {
            const std::size_t colons = full.find("::", start);
            name.parts.push_back(full.substr(start, colons - start));
            if (colons == std::string::npos) break;
            start = colons + 2;
        }
        if (std::ranges::none_of(name.parts, &std::string::empty)) names.push_back(std::move(name));
    }
    return names;
}

// The arguments of `command` that change what a file says to the preprocessor and the parser,
// and name no file but a directory to search: macros, include directories (made absolute: they
// are relative to the command's directory), the language and its standard, a few language
// switches. The others are dropped: they write files (-o, -MF), load code (plugins), read other
// files (-include, response files, sysroots, modules, file system overlays), pass anything on to
// the compiler proper (-Xclang) or change the target, and with it the system's headers.
std::vector<std::string> parse_arguments(CXCompileCommand command, const fs::path& directory) {
    static constexpr std::array<std::string_view, 4> directories{"-iquote", "-isystem",
                                                                 "-idirafter", "-I"};
    static constexpr std::array<std::string_view, 2> macros{"-D", "-U"};
    static constexpr std::array<std::string_view, 4> languages{"c", "c++", "c-header",
                                                               "c++-header"};
    static constexpr std::array<std::string_view, 11> flags{
        "-ansi",     "-pthread",     "-fexceptions",  "-fno-exceptions", "-frtti",  "-fno-rtti",
        "-fchar8_t", "-fno-char8_t", "-fsigned-char", "-funsigned-char", "-fopenmp"};
    std::vector<std::string> arguments;
    const unsigned count = clang_CompileCommand_getNumArgs(command);
    for (unsigned i = 1; i < count; ++i) {
        const std::string argument = take(clang_CompileCommand_getArg(command, i));
        // The value of option `name`, in the next argument or joined to the name.
        const auto value = [&](std::string_view name) -> std::optional<std::string> {
            if (argument == name)
                return i + 1 < count
                           ? std::optional(take(clang_CompileCommand_getArg(command, ++i)))
                           : std::nullopt;
            if (argument.starts_with(name)) return argument.substr(name.size());
            return std::nullopt;
        };
        bool matched = false;
        for (std::string_view name : directories)
            if (const std::optional<std::string> path = value(name)) {
                if (!path->empty() && *path != "-")
                    arguments.insert(arguments.end(),
                                     {std::string(name), (directory / *path).lexically_normal()});
                matched = true;
                break;
            }
        if (matched) continue;
        for (std::string_view name : macros)
            if (const std::optional<std::string> macro = value(name)) {
                if (!macro->empty()) arguments.insert(arguments.end(), {std::string(name), *macro});
                matched = true;
                break;
            }
        if (matched) continue;
        if (const std::optional<std::string> language = value("-x")) {
            if (std::ranges::find(languages, *language) != languages.end())
                arguments.insert(arguments.end(), {"-x", *language});
        } else if (argument.starts_with("-std=") || argument.starts_with("--std=")) {
            arguments.push_back(argument.starts_with("--") ? argument.substr(1) : argument);
        } else if (std::ranges::find(flags, argument) != flags.end()) {
            arguments.push_back(argument);
        }
    }
    return arguments;
}

// The commands of one compile_commands.json, by the path of their file.
using Database = std::unordered_map<std::string, std::vector<std::string>>;

// The database in `directory`, read once per process: every file of a run may ask for it.
std::shared_ptr<const Database> load_database(const fs::path& directory) {
    static std::mutex mutex;
    static std::map<fs::path, std::shared_ptr<const Database>> loaded;
    const std::lock_guard lock(mutex);
    if (const auto found = loaded.find(directory); found != loaded.end()) return found->second;
    CXCompilationDatabase_Error error = CXCompilationDatabase_NoError;
    const DatabaseHandle handle(clang_CompilationDatabase_fromDirectory(directory.c_str(), &error),
                                clang_CompilationDatabase_dispose);
    if (error != CXCompilationDatabase_NoError || !handle)
        throw Error((directory / "compile_commands.json").string() +
                    ": libclang could not read the compilation database");
    // All commands, by path: asked for one file, libclang would guess a command for a file the
    // database does not list. The first command for a file is the one used.
    const CommandsHandle commands(clang_CompilationDatabase_getAllCompileCommands(handle.get()),
                                  clang_CompileCommands_dispose);
    auto database = std::make_shared<Database>();
    const unsigned count = commands ? clang_CompileCommands_getSize(commands.get()) : 0;
    for (unsigned i = 0; i < count; ++i) {
        const CXCompileCommand command = clang_CompileCommands_getCommand(commands.get(), i);
        const fs::path command_directory = take(clang_CompileCommand_getDirectory(command));
        const fs::path source = take(clang_CompileCommand_getFilename(command));
        const std::string path = (command_directory / source).lexically_normal().string();
        if (!database->contains(path))
            database->emplace(path, parse_arguments(command, command_directory));
    }
    return loaded[directory] = std::move(database);
}

// The command for `file` in the nearest compile_commands.json upward from it.
std::optional<std::vector<std::string>> compile_command(const fs::path& file) {
    std::error_code ignored;
    for (fs::path directory = file.parent_path();; directory = directory.parent_path()) {
        for (const fs::path& candidate : {directory, directory / "build"})
            if (fs::is_regular_file(candidate / "compile_commands.json", ignored)) {
                const std::shared_ptr<const Database> database = load_database(candidate);
                const auto found = database->find(file.string());
                if (found == database->end()) return std::nullopt;
                return found->second;
            }
        if (directory == directory.parent_path()) return std::nullopt;
    }
}

// A directory of the compiler's own headers, as the preprocessor spells it (`name`, the virtual
// file system matches it with `..` taken out) and where it is (`real`).
struct SystemDirectory {
    fs::path name, real;
};

std::vector<SystemDirectory> find_system_directories(bool cxx) {
    // Where libclang finds the standard headers tells where it looks: a header found under
    // `<dir>/<name as written>` was found in <dir>.
    const std::string name = cxx ? "/translint-probe.cpp" : "/translint-probe.c";
    const std::string_view probe = cxx ? "#include <cstddef>\n#include <stdio.h>\n"
                                       : "#include <stddef.h>\n#include <stdio.h>\n";
    const std::array<const char*, 2> argv{"-x", cxx ? "c++" : "c"};
    CXUnsavedFile unsaved{name.c_str(), probe.data(), static_cast<unsigned long>(probe.size())};
    const IndexHandle index(clang_createIndex(0, 0), clang_disposeIndex);
    CXTranslationUnit parsed = nullptr;
    clang_parseTranslationUnit2(
        index.get(), name.c_str(), argv.data(), static_cast<int>(argv.size()), &unsaved, 1,
        CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing, &parsed);
    const UnitHandle unit(parsed, clang_disposeTranslationUnit);
    // Searched too, but no standard header comes from it.
    std::set<std::string> found{"/usr/local/include"};
    if (unit)
        clang_visitChildren(
            clang_getTranslationUnitCursor(unit.get()),
            [](CXCursor cursor, CXCursor, CXClientData data) {
                if (clang_getCursorKind(cursor) != CXCursor_InclusionDirective)
                    return CXChildVisit_Continue;
                const std::string written = take(clang_getCursorSpelling(cursor));
                const std::string path = take(clang_getFileName(clang_getIncludedFile(cursor)));
                if (!written.empty() && written.find("..") == std::string::npos &&
                    path.ends_with("/" + written))
                    static_cast<std::set<std::string>*>(data)->insert(
                        path.substr(0, path.size() - written.size() - 1));
                return CXChildVisit_Continue;
            },
            &found);
    std::vector<SystemDirectory> directories;
    for (const fs::path directory : found) {
        std::error_code error;
        const fs::path real = fs::canonical(directory, error);
        if (error || !fs::is_directory(real, error)) continue;
        directories.push_back({directory.lexically_normal(), real});
        if (real != directories.back().name) directories.push_back({real, real});
    }
    return directories;
}

// Learnt once per process and language.
const std::vector<SystemDirectory>& system_directories(bool cxx) {
    static std::array<std::once_flag, 2> once;
    static std::array<std::vector<SystemDirectory>, 2> directories;
    std::call_once(once[cxx], [&] { directories[cxx] = find_system_directories(cxx); });
    return directories[cxx];
}

bool is_within(const fs::path& path, const fs::path& directory) {
    return std::mismatch(directory.begin(), directory.end(), path.begin(), path.end()).first ==
           directory.end();
}

// A header name that a preprocessor line or a __has_include spells, and the offset of its line.
struct HeaderName {
    std::string name;
    bool quoted;
    std::size_t offset;
};

// The name in quotes or angle brackets at `i`, if there is one.
std::optional<HeaderName> header_name(std::string_view line, std::size_t i, std::size_t offset) {
    if (i >= line.size() || (line[i] != '"' && line[i] != '<')) return std::nullopt;
    const std::size_t close = line.find(line[i] == '"' ? '"' : '>', i + 1);
    if (close == std::string_view::npos || close == i + 1) return std::nullopt;
    return HeaderName{std::string(line.substr(i + 1, close - i - 1)), line[i] == '"', offset};
}

// The names of `text`'s #include, #include_next and #import lines and of its __has_include and
// __has_include_next, in every branch of its conditionals; names that macros build are not seen.
std::vector<HeaderName> header_names(std::string_view text) {
    std::vector<HeaderName> names;
    const auto blank = [](std::string_view line, std::size_t i) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        return i;
    };
    for (std::size_t begin = 0; begin < text.size();) {
        // A logical line: physical lines joined where one ends with a backslash.
        std::string line;
        std::size_t end = begin;
        while (true) {
            const std::size_t newline = std::min(text.find('\n', end), text.size());
            std::string_view physical = text.substr(end, newline - end);
            if (physical.ends_with('\r')) physical.remove_suffix(1);
            end = std::min(newline + 1, text.size());
            if (!physical.ends_with('\\') || end == text.size()) {
                line += physical;
                break;
            }
            line += physical.substr(0, physical.size() - 1);
        }
        std::size_t i = blank(line, 0);
        const bool directive = line.compare(i, 1, "#") == 0 || line.compare(i, 2, "%:") == 0;
        if (directive) {
            i = blank(line, i + (line[i] == '#' ? 1 : 2));
            const std::size_t word = i;
            while (i < line.size() &&
                   (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_'))
                ++i;
            const std::string_view keyword = std::string_view(line).substr(word, i - word);
            if (keyword == "include" || keyword == "include_next" || keyword == "import")
                if (auto name = header_name(line, blank(line, i), begin))
                    names.push_back(std::move(*name));
        }
        for (std::size_t at = line.find("__has_include"); at != std::string::npos;
             at = line.find("__has_include", at + 1)) {
            std::size_t after = at + std::string_view("__has_include").size();
            if (line.compare(after, 5, "_next") == 0) after += 5;
            after = blank(line, after);
            if (after < line.size() && line[after] == '(')
                if (auto name = header_name(line, blank(line, after + 1), begin))
                    names.push_back(std::move(*name));
        }
        begin = end;
    }
    return names;
}

// Whether the compiler's arguments make the file C++: the last -x tells.
bool is_cxx(const std::vector<std::string>& arguments) {
    std::string_view language;
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i)
        if (arguments[i] == "-x") language = arguments[i + 1];
    return language.starts_with("c++");
}

// The directories the preprocessor searches, from the compiler's arguments.
struct SearchPath {
    std::vector<fs::path> quoted; // -iquote: for "name" only
    std::vector<fs::path> both;   // -I, -isystem, -idirafter
};

SearchPath search_path(const std::vector<std::string>& arguments) {
    SearchPath path;
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == "-iquote")
            path.quoted.emplace_back(arguments[++i]);
        else if (arguments[i] == "-I" || arguments[i] == "-isystem" || arguments[i] == "-idirafter")
            path.both.emplace_back(arguments[++i]);
    }
    return path;
}

// The files outside the system's header directories that the parse may read: those the file
// names, found where the preprocessor may look for each name (every directory, not only the
// first that has it, for #include_next), then those that these headers name, and so on. Throws
// when a name finds a device, a FIFO, a socket or a file of /dev, /proc or /sys.
class Readable {
public:
    Readable(const Document& document, const fs::path& file, SearchPath search,
             const std::vector<SystemDirectory>& system)
        : search_(std::move(search))
        , system_(system) {
        add_names(document.path(), file, document.bytes(),
                  [&](std::size_t offset) { return document.position(offset).line; });
        while (!unread_.empty()) {
            const fs::path header = std::move(unread_.back());
            unread_.pop_back();
            std::ifstream in(header, std::ios::binary);
            const std::string text{std::istreambuf_iterator<char>(in), {}};
            add_names(header.string(), header, text, [&](std::size_t offset) {
                return static_cast<std::size_t>(
                           std::count(text.begin(), text.begin() + offset, '\n')) +
                       1;
            });
        }
    }

    const std::vector<fs::path>& files() const { return files_; }

private:
    // Headers bigger than this are left out rather than read whole.
    static constexpr std::uintmax_t largest = 64 << 20;

    template <class LineOf>
    void add_names(const std::string& shown, const fs::path& path, std::string_view text,
                   LineOf line_of) {
        for (const HeaderName& header : header_names(text)) {
            std::vector<fs::path> candidates;
            const fs::path name = header.name;
            if (name.is_absolute()) {
                candidates.push_back(name);
            } else {
                if (header.quoted) {
                    candidates.push_back(path.parent_path() / name);
                    for (const fs::path& directory : search_.quoted)
                        candidates.push_back(directory / name);
                }
                for (const fs::path& directory : search_.both)
                    candidates.push_back(directory / name);
            }
            for (const fs::path& candidate : candidates)
                if (!check(candidate.lexically_normal()))
                    throw error_at(shown, line_of(header.offset),
                                   "#include of a device or special file");
        }
    }

    // False when `path` may not be read; a file that may is added once.
    bool check(const fs::path& path) {
        if (std::ranges::any_of(system_, [&](const SystemDirectory& directory) {
                return is_within(path, directory.name);
            }))
            return true;
        if (!seen_.insert(path).second) return true;
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (error || status.type() == fs::file_type::directory) return true;
        if (status.type() != fs::file_type::regular) return false;
        const fs::path real = fs::canonical(path, error);
        for (const char* pseudo : {"/dev", "/proc", "/sys"})
            if (!error && is_within(real, pseudo)) return false;
        if (error) return true;
        if (const std::uintmax_t size = fs::file_size(path, error); error || size > largest)
            return true;
        files_.push_back(path);
        unread_.push_back(path);
        return true;
    }

    SearchPath search_;
    const std::vector<SystemDirectory>& system_;
    std::set<fs::path> seen_;
    std::vector<fs::path> files_, unread_;
};

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr std::string_view hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[static_cast<unsigned char>(c) >> 4];
            out += hex[c & 0xF];
        } else {
            out += c;
        }
    }
    return out + '"';
}

// The virtual file system libclang parses with, in a temporary file removed with the object.
class Overlay {
public:
    Overlay(const std::vector<SystemDirectory>& system, const std::vector<fs::path>& files) {
        std::string yaml = R"({"version": 0, "fallthrough": false, "roots": [)";
        const char* separator = "\n";
        for (const SystemDirectory& directory : system) {
            yaml += separator + std::string(R"({"type": "directory-remap", "name": )") +
                    json_string(directory.name.string()) +
                    ", \"external-contents\": " + json_string(directory.real.string()) + "}";
            separator = ",\n";
        }
        for (const fs::path& file : files) {
            yaml += separator + std::string(R"({"type": "file", "name": )") +
                    json_string(file.string()) +
                    ", \"external-contents\": " + json_string(file.string()) + "}";
            separator = ",\n";
        }
        yaml += "]}\n";

        std::error_code error;
        const fs::path directory = fs::temp_directory_path(error);
        path_ = ((error ? fs::path("/tmp") : directory) / "translint-overlay-XXXXXX").string();
        const int fd = ::mkstemp(path_.data());
        if (fd < 0)
            throw Error(path_ + ": cannot create a temporary file: " + std::strerror(errno));
        std::size_t written = 0;
        while (written < yaml.size()) {
            const ssize_t n = ::write(fd, yaml.data() + written, yaml.size() - written);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int code = errno;
                ::close(fd);
                ::unlink(path_.c_str());
                throw Error(path_ + ": cannot write a temporary file: " + std::strerror(code));
            }
            written += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }
    Overlay(const Overlay&) = delete;
    Overlay& operator=(const Overlay&) = delete;
    ~Overlay() { ::unlink(path_.c_str()); }

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Lexer errors about a string literal, after which the file's literals cannot be trusted.
bool breaks_literals(std::string_view message) {
    return message.starts_with("missing terminating '\"' character") ||
           message.starts_with("raw string missing terminating delimiter") ||
           message.find("in raw string delimiter") != std::string_view::npos ||
           message.starts_with("raw string delimiter longer than");
}

void reject_broken_literals(CXTranslationUnit unit, const Document& document) {
    for (unsigned i = 0, count = clang_getNumDiagnostics(unit); i < count; ++i) {
        const DiagnosticHandle diagnostic(clang_getDiagnostic(unit, i), clang_disposeDiagnostic);
        const CXSourceLocation location = clang_getDiagnosticLocation(diagnostic.get());
        if (clang_getDiagnosticSeverity(diagnostic.get()) < CXDiagnostic_Warning ||
            !clang_Location_isFromMainFile(location))
            continue;
        const std::string message = take(clang_getDiagnosticSpelling(diagnostic.get()));
        if (!breaks_literals(message)) continue;
        unsigned line = 0;
        clang_getFileLocation(location, nullptr, &line, nullptr, nullptr);
        throw error_at(document.path(), line, message);
    }
}

struct Token {
    CXTokenKind kind;
    std::size_t begin, end; // byte offsets in the file
};

std::vector<Token> file_tokens(CXTranslationUnit unit, CXFile file, std::size_t size) {
    const CXSourceRange whole =
        clang_getRange(clang_getLocationForOffset(unit, file, 0),
                       clang_getLocationForOffset(unit, file, static_cast<unsigned>(size)));
    CXToken* raw = nullptr;
    unsigned count = 0;
    clang_tokenize(unit, whole, &raw, &count);
    const auto dispose = [&](CXToken* tokens) { clang_disposeTokens(unit, tokens, count); };
    const std::unique_ptr<CXToken, decltype(dispose)> owned(raw, dispose);
    std::vector<Token> tokens;
    tokens.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        const CXSourceRange extent = clang_getTokenExtent(unit, raw[i]);
        unsigned begin = 0, end = 0;
        clang_getSpellingLocation(clang_getRangeStart(extent), nullptr, nullptr, nullptr, &begin);
        clang_getSpellingLocation(clang_getRangeEnd(extent), nullptr, nullptr, nullptr, &end);
        if (begin < end && end <= size) tokens.push_back({clang_getTokenKind(raw[i]), begin, end});
    }
    return tokens;
}

// Where the text of a string literal token is: between the quotes, or between the parentheses
// of a raw string.
struct Literal {
    std::size_t body, length;
    bool raw;
    CodeUnit unit;
};

std::optional<Literal> string_literal(std::string_view token) {
    static constexpr std::array<std::pair<std::string_view, CodeUnit>, 4> prefixes{{
        {"u8", CodeUnit::byte},
        {"u", CodeUnit::utf16},
        {"U", CodeUnit::utf32},
        {"L", CodeUnit::utf32},
    }};
    std::size_t quote = 0;
    CodeUnit unit = CodeUnit::byte;
    for (const auto& [prefix, prefix_unit] : prefixes)
        if (token.starts_with(prefix)) {
            quote = prefix.size();
            unit = prefix_unit;
            break;
        }
    const bool raw = quote < token.size() && token[quote] == 'R';
    if (raw) ++quote;
    const std::size_t close = token.rfind('"'); // a user-defined suffix may follow
    if (quote >= token.size() || token[quote] != '"' || close == quote) return std::nullopt;
    if (!raw) return Literal{quote + 1, close - quote - 1, false, unit};
    const std::size_t open = token.find('(', quote);
    if (open == std::string_view::npos) return std::nullopt;
    const std::string_view delimiter = token.substr(quote + 1, open - quote - 1);
    if (close < open + 1 + delimiter.size() + 1) return std::nullopt;
    const std::size_t paren = close - delimiter.size() - 1;
    if (token[paren] != ')' || token.substr(paren + 1, delimiter.size()) != delimiter)
        return std::nullopt;
    return Literal{open + 1, paren - open - 1, true, unit};
}

// Reads the file's tokens and records the translated arguments: token ranges of adjacent string
// literals, keyed by their first token.
class Finder {
public:
    Finder(std::string_view bytes, std::vector<Token> tokens, std::vector<FunctionName> names)
        : bytes_(bytes)
        , tokens_(std::move(tokens))
        , names_(std::move(names))
        , closers_(tokens_.size(), none) {
        // Brackets are matched once, whatever their kinds: `(` ... `]` is a pair too, and a
        // call that ends at a `]` has no arguments.
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (tokens_[i].kind != CXToken_Punctuation) continue;
            const std::string_view p = spelling(tokens_[i]);
            if (p == "(" || p == "[" || p == "{") {
                open.push_back(i);
            } else if ((p == ")" || p == "]" || p == "}") && !open.empty()) {
                closers_[open.back()] = i;
                open.pop_back();
            }
        }
    }

    const std::vector<Token>& tokens() const { return tokens_; }
    const std::map<std::size_t, std::size_t>& arguments() const { return arguments_; }
    std::string_view spelling(const Token& token) const {
        return bytes_.substr(token.begin, token.end - token.begin);
    }

    void scan_tokens() {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (tokens_[i].kind != CXToken_Identifier) continue;
            for (const FunctionName& name : names_)
                if (const std::optional<std::size_t> open = call_at(i, name))
                    add_call_arguments(*open, name.arguments);
        }
    }

    void scan_syntax_tree(CXTranslationUnit unit, CXFile file) {
        file_ = file;
        clang_visitChildren(clang_getTranslationUnitCursor(unit), visit, this);
        if (error_) std::rethrow_exception(error_);
    }

private:
    bool is_string_literal(std::size_t i) const {
        return tokens_[i].kind == CXToken_Literal && string_literal(spelling(tokens_[i]));
    }
    bool is_punctuation(std::size_t i, std::string_view text) const {
        return i < tokens_.size() && tokens_[i].kind == CXToken_Punctuation &&
               spelling(tokens_[i]) == text;
    }

    // The index of the `(` when `name` is written from token `i` on and called.
    std::optional<std::size_t> call_at(std::size_t i, const FunctionName& name) const {
        for (std::size_t part = 0; part < name.parts.size(); ++part, i += 2) {
            if (i >= tokens_.size() || tokens_[i].kind != CXToken_Identifier ||
                spelling(tokens_[i]) != name.parts[part])
                return std::nullopt;
            if (part + 1 < name.parts.size() && !is_punctuation(i + 1, "::")) return std::nullopt;
        }
        const std::size_t open = i - 1;
        return is_punctuation(open, "(") ? std::optional(open) : std::nullopt;
    }

    // Splits the arguments at the commas outside brackets; a call never closed has none.
    void add_call_arguments(std::size_t open, TextArguments text) {
        const std::size_t close = closers_[open];
        if (close == none || spelling(tokens_[close]) != ")") return;
        std::vector<std::pair<std::size_t, std::size_t>> arguments;
        std::size_t start = open + 1;
        for (std::size_t i = open + 1; i < close; ++i) {
            if (closers_[i] != none)
                i = closers_[i];
            else if (is_punctuation(i, ","))
                arguments.emplace_back(std::exchange(start, i + 1), i);
        }
        arguments.emplace_back(start, close);
        for (std::size_t a = text.skipped; a < arguments.size() && a - text.skipped < text.count;
             ++a) {
            const auto [begin, end] = arguments[a];
            bool literals = begin < end;
            for (std::size_t i = begin; i < end && literals; ++i)
                literals = is_string_literal(i);
            if (literals) arguments_.emplace(begin, end);
        }
    }

    static CXChildVisitResult visit(CXCursor cursor, CXCursor, CXClientData data) {
        auto& finder = *static_cast<Finder*>(data);
        // Declarations from headers are not walked; code from macros used in the file is.
        CXFile file = nullptr;
        clang_getExpansionLocation(clang_getCursorLocation(cursor), &file, nullptr, nullptr,
                                   nullptr);
        if (!file || !clang_File_isEqual(file, finder.file_)) return CXChildVisit_Continue;
        if (clang_getCursorKind(cursor) == CXCursor_CallExpr) {
            try { // no exception may cross libclang
                finder.add_call(cursor);
            } catch (...) {
                finder.error_ = std::current_exception();
                return CXChildVisit_Break;
            }
        }
        return CXChildVisit_Recurse;
    }

    void add_call(CXCursor call) {
        const std::string callee = take(clang_getCursorSpelling(call));
        std::optional<std::string> qualified;
        for (const FunctionName& name : names_) {
            if (name.parts.back() != callee) continue;
            if (name.parts.size() > 1) {
                if (!qualified) qualified = qualified_name(clang_getCursorReferenced(call));
                if (*qualified != name.full && !qualified->ends_with("::" + name.full)) continue;
            }
            const int count = clang_Cursor_getNumArguments(call);
            for (std::size_t a = name.arguments.skipped;
                 a < static_cast<std::size_t>(std::max(count, 0)) &&
                 a - name.arguments.skipped < name.arguments.count;
                 ++a)
                add_literal(clang_Cursor_getArgument(call, static_cast<unsigned>(a)));
            return;
        }
    }

    static std::string qualified_name(CXCursor declaration) {
        std::string name;
        for (CXCursor scope = declaration;
             !clang_Cursor_isNull(scope) && !clang_isInvalid(clang_getCursorKind(scope)) &&
             !clang_isTranslationUnit(clang_getCursorKind(scope));
             scope = clang_getCursorSemanticParent(scope)) {
            const std::string part = take(clang_getCursorSpelling(scope));
            if (!part.empty()) name = name.empty() ? part : part + "::" + name;
        }
        return name;
    }

    // The literal an argument is, through implicit conversions and parentheses, when it is
    // spelled in the file: its literal tokens are taken as the token reading takes them.
    void add_literal(CXCursor argument) {
        while (clang_getCursorKind(argument) == CXCursor_UnexposedExpr ||
               clang_getCursorKind(argument) == CXCursor_ParenExpr)
            argument = only_child(argument);
        if (clang_getCursorKind(argument) != CXCursor_StringLiteral) return;
        CXFile file = nullptr;
        unsigned offset = 0;
        clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(argument)), &file, nullptr,
                              nullptr, &offset);
        if (!file || !clang_File_isEqual(file, file_)) return;
        const auto first =
            std::ranges::lower_bound(tokens_, std::size_t{offset}, {}, &Token::begin);
        if (first == tokens_.end() || first->begin != offset) return;
        std::size_t end = static_cast<std::size_t>(first - tokens_.begin());
        while (end < tokens_.size() && is_string_literal(end))
            ++end;
        if (end > static_cast<std::size_t>(first - tokens_.begin()))
            arguments_.emplace(first - tokens_.begin(), end);
    }

    static CXCursor only_child(CXCursor parent) {
        struct Children {
            CXCursor first = clang_getNullCursor();
            int count = 0;
        } children;
        clang_visitChildren(
            parent,
            [](CXCursor child, CXCursor, CXClientData data) {
                auto& found = *static_cast<Children*>(data);
                if (found.count++ == 0) found.first = child;
                return found.count > 1 ? CXChildVisit_Break : CXChildVisit_Continue;
            },
            &children);
        return children.count == 1 ? children.first : clang_getNullCursor();
    }

    static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

    std::string_view bytes_;
    std::vector<Token> tokens_;
    std::vector<FunctionName> names_;
    std::vector<std::size_t> closers_; // the index of each opening bracket's closing one
    CXFile file_ = nullptr;
    std::map<std::size_t, std::size_t> arguments_; // first token -> one past the last
    std::exception_ptr error_;
};

// One argument's literals joined, escapes decoded; each piece is mapped to where it stands.
// Nothing when an escape cannot be decoded.
std::optional<Segment> argument_text(const Document& document, const Finder& finder,
                                     std::size_t first, std::size_t end) {
    Segment segment;
    for (std::size_t i = first; i < end; ++i) {
        const Token& token = finder.tokens()[i];
        const std::string_view spelling = finder.spelling(token);
        const Literal literal = *string_literal(spelling);
        const std::string_view body = spelling.substr(literal.body, literal.length);
        const std::size_t origin = token.begin + literal.body;
        if (literal.raw) {
            segment.map.add_run(segment.text.size(), origin);
            segment.text += body;
        } else if (append_literal_unescaped(body, origin, literal.unit, segment)) {
            return std::nullopt;
        }
    }
    if (const std::optional<std::size_t> bad = text::find_invalid_utf8(segment.text))
        throw error_at(document.path(), document.position(segment.map.to_original(*bad)).line,
                       "a translated string is not valid UTF-8");
    return segment;
}

} // namespace

void extract_cpp(Document& document, const FormatOptions& options) {
    // Standard input gets a name that makes it C++ to libclang.
    const bool from_stdin = document.path() == "<stdin>";
    std::error_code error;
    const fs::path place =
        from_stdin ? fs::current_path(error) / "stdin.cpp" : fs::absolute(document.path(), error);
    if (error) throw Error(document.path() + ": cannot resolve the path: " + error.message());
    const fs::path file = place.lexically_normal();
    std::optional<std::vector<std::string>> arguments;
    if (!from_stdin) arguments = compile_command(file);
    const bool c = file.extension() == ".c";
    if (!arguments)
        arguments = c ? std::vector<std::string>{} : std::vector<std::string>{"-std=c++20"};
    if (std::ranges::find(*arguments, "-x") == arguments->end())
        arguments->insert(arguments->end(), {"-x", c ? "c" : "c++"});
    const std::vector<SystemDirectory>& system = system_directories(is_cxx(*arguments));
    const Readable readable(document, file, search_path(*arguments), system);
    const Overlay overlay(system, readable.files());
    arguments->insert(arguments->end(),
                      {"-ivfsoverlay", overlay.path(), "-Xclang", "-disable-pragma-debug-crash"});
    // Every lexer error is reported, however many errors come before it.
    arguments->push_back("-ferror-limit=0");
    std::vector<const char*> argv;
    for (const std::string& argument : *arguments)
        argv.push_back(argument.c_str());

    const std::string name = file.string();
    const std::string& bytes = document.bytes();
    CXUnsavedFile unsaved{name.c_str(), bytes.data(), static_cast<unsigned long>(bytes.size())};
    const IndexHandle index(clang_createIndex(0, 0), clang_disposeIndex);
    CXTranslationUnit parsed = nullptr;
    const CXErrorCode status = clang_parseTranslationUnit2(index.get(), name.c_str(), argv.data(),
                                                           static_cast<int>(argv.size()), &unsaved,
                                                           1, CXTranslationUnit_KeepGoing, &parsed);
    const UnitHandle unit(parsed, clang_disposeTranslationUnit);
    const CXFile main_file = unit ? clang_getFile(unit.get(), name.c_str()) : nullptr;
    if (status != CXError_Success || !main_file)
        throw Error(document.path() + ": libclang could not parse the file (error " +
                    std::to_string(status) + ")");
    reject_broken_literals(unit.get(), document);

    Finder finder(bytes, file_tokens(unit.get(), main_file, bytes.size()),
                  function_names(options.translation_functions));
    finder.scan_tokens();
    finder.scan_syntax_tree(unit.get(), main_file);
    std::vector<Segment> segments;
    for (const auto& [first, end] : finder.arguments())
        if (std::optional<Segment> segment = argument_text(document, finder, first, end))
            segments.push_back(std::move(*segment));
    document.set_segments(std::move(segments));
}

} // namespace translint::formats
