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
// when it ends in .c, C++20 otherwise. Compile errors (missing headers, unknown names, types) do
// not stop the reading. A lexer error about a string literal in the file does: a missing closing
// quote or a raw string without its closing delimiter leaves the literals after it unknowable.
// So do an escape the decoder does not know and text that is not UTF-8.
#include "formats/cpp.hpp"

#include "formats/escapes.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <array>
#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>
#include <exception>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>

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

// The arguments of `command` that matter to a parse: not the compiler, the source file, the
// output or the dependency files.
std::vector<std::string> parse_arguments(CXCompileCommand command, const fs::path& directory,
                                         const fs::path& file) {
    static constexpr std::array<std::string_view, 5> with_value{"-o", "-MF", "-MT", "-MQ",
                                                                "-working-directory"};
    static constexpr std::array<std::string_view, 6> flags{"-c", "-MD", "-MMD", "-MP", "-M", "-MM"};
    std::vector<std::string> arguments;
    const unsigned count = clang_CompileCommand_getNumArgs(command);
    for (unsigned i = 1; i < count; ++i) {
        std::string argument = take(clang_CompileCommand_getArg(command, i));
        if (std::ranges::find(with_value, argument) != with_value.end()) {
            ++i;
            continue;
        }
        const bool joined_value = std::ranges::any_of(with_value, [&](std::string_view option) {
            return argument.size() > option.size() && argument.starts_with(option);
        });
        const bool source =
            !argument.starts_with('-') && (directory / argument).lexically_normal() == file;
        if (joined_value || source || argument == "--" ||
            std::ranges::find(flags, argument) != flags.end())
            continue;
        arguments.push_back(std::move(argument));
    }
    // Relative paths are relative to the command's directory. libclang's -working-directory
    // would change the directory of the whole process, so they are made absolute here, and the
    // command's own -working-directory is dropped.
    static constexpr std::array<std::string_view, 9> with_path{
        "-I",       "-isystem", "-iquote",   "-idirafter", "-include",
        "-imacros", "-F",       "-isysroot", "--sysroot="};
    const auto resolved = [&](std::string_view path) {
        return (directory / path).lexically_normal().string();
    };
    for (std::size_t i = 0; i < arguments.size(); ++i)
        for (std::string_view option : with_path) {
            if (arguments[i] == option && !option.ends_with('=') && i + 1 < arguments.size()) {
                arguments[i + 1] = resolved(arguments[i + 1]);
                ++i;
                break;
            }
            if (arguments[i].size() > option.size() && arguments[i].starts_with(option)) {
                arguments[i] = std::string(option) + resolved(arguments[i].substr(option.size()));
                break;
            }
        }
    return arguments;
}

// The arguments of the command for `file` in the database in `directory`, if it has one.
std::optional<std::vector<std::string>> database_command(const fs::path& directory,
                                                         const fs::path& file) {
    CXCompilationDatabase_Error error = CXCompilationDatabase_NoError;
    const DatabaseHandle database(
        clang_CompilationDatabase_fromDirectory(directory.c_str(), &error),
        clang_CompilationDatabase_dispose);
    if (error != CXCompilationDatabase_NoError || !database)
        throw Error((directory / "compile_commands.json").string() +
                    ": libclang could not read the compilation database");
    // All commands, compared by path: asked for one file, libclang would guess a command for a
    // file the database does not list.
    const CommandsHandle commands(clang_CompilationDatabase_getAllCompileCommands(database.get()),
                                  clang_CompileCommands_dispose);
    const unsigned count = commands ? clang_CompileCommands_getSize(commands.get()) : 0;
    for (unsigned i = 0; i < count; ++i) {
        const CXCompileCommand command = clang_CompileCommands_getCommand(commands.get(), i);
        const fs::path command_directory = take(clang_CompileCommand_getDirectory(command));
        const fs::path source = take(clang_CompileCommand_getFilename(command));
        if ((command_directory / source).lexically_normal() == file)
            return parse_arguments(command, command_directory, file);
    }
    return std::nullopt;
}

// The command for `file` in the nearest compile_commands.json upward from it.
std::optional<std::vector<std::string>> compile_command(const fs::path& file) {
    std::error_code ignored;
    for (fs::path directory = file.parent_path();; directory = directory.parent_path()) {
        for (const fs::path& candidate : {directory, directory / "build"})
            if (fs::is_regular_file(candidate / "compile_commands.json", ignored))
                return database_command(candidate, file);
        if (directory == directory.parent_path()) return std::nullopt;
    }
}

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
};

std::optional<Literal> string_literal(std::string_view token) {
    std::size_t quote = 0;
    for (std::string_view prefix : {"u8", "u", "U", "L"})
        if (token.starts_with(prefix)) {
            quote = prefix.size();
            break;
        }
    const bool raw = quote < token.size() && token[quote] == 'R';
    if (raw) ++quote;
    const std::size_t close = token.rfind('"'); // a user-defined suffix may follow
    if (quote >= token.size() || token[quote] != '"' || close == quote) return std::nullopt;
    if (!raw) return Literal{quote + 1, close - quote - 1, false};
    const std::size_t open = token.find('(', quote);
    if (open == std::string_view::npos) return std::nullopt;
    const std::string_view delimiter = token.substr(quote + 1, open - quote - 1);
    if (close < open + 1 + delimiter.size() + 1) return std::nullopt;
    const std::size_t paren = close - delimiter.size() - 1;
    if (token[paren] != ')' || token.substr(paren + 1, delimiter.size()) != delimiter)
        return std::nullopt;
    return Literal{open + 1, paren - open - 1, true};
}

// Reads the file's tokens and records the translated arguments: token ranges of adjacent string
// literals, keyed by their first token.
class Finder {
public:
    Finder(std::string_view bytes, std::vector<Token> tokens, std::vector<FunctionName> names)
        : bytes_(bytes)
        , tokens_(std::move(tokens))
        , names_(std::move(names)) {}

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
        std::vector<std::pair<std::size_t, std::size_t>> arguments;
        std::size_t depth = 0, start = open + 1;
        for (std::size_t i = open + 1; i < tokens_.size(); ++i) {
            if (tokens_[i].kind != CXToken_Punctuation) continue;
            const std::string_view p = spelling(tokens_[i]);
            if (p == "(" || p == "[" || p == "{") {
                ++depth;
            } else if (p == ")" || p == "]" || p == "}") {
                if (depth > 0) {
                    --depth;
                    continue;
                }
                if (p != ")") return;
                arguments.emplace_back(start, i);
                break;
            } else if (p == "," && depth == 0) {
                arguments.emplace_back(start, i);
                start = i + 1;
            }
        }
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

    std::string_view bytes_;
    std::vector<Token> tokens_;
    std::vector<FunctionName> names_;
    CXFile file_ = nullptr;
    std::map<std::size_t, std::size_t> arguments_; // first token -> one past the last
    std::exception_ptr error_;
};

// One argument's literals joined, escapes decoded; each piece is mapped to where it stands.
Segment argument_text(const Document& document, const Finder& finder, std::size_t first,
                      std::size_t end) {
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
        } else if (const std::optional<EscapeError> bad = append_unescaped(body, origin, segment)) {
            throw error_at(document.path(), document.position(bad->offset).line, bad->reason);
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
    const fs::path file = from_stdin ? fs::current_path() / "stdin.cpp"
                                     : fs::absolute(document.path()).lexically_normal();
    std::optional<std::vector<std::string>> arguments;
    if (!from_stdin) arguments = compile_command(file);
    if (!arguments && file.extension() == ".c")
        arguments = {"-x", "c"};
    else if (!arguments)
        arguments = {"-x", "c++", "-std=c++20"};
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
        segments.push_back(argument_text(document, finder, first, end));
    document.set_segments(std::move(segments));
}

} // namespace translint::formats
