// The C and C++ adapter: the literals passed to translation functions, read through libclang,
// with every finding on its line and column in the source file.
#include "formats/escapes.hpp"
#include "test_support.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <future>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace translint;
using test_support::findings;
using test_support::Found;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> texts(const Document& document) {
    std::vector<std::string> out;
    for (const Segment& segment : document.segments())
        out.push_back(segment.text);
    return out;
}

Document read_cpp(const std::string& path, const std::string& text,
                  const FormatOptions& options = {}) {
    return read_document(path, text, InputFormat::cpp, options);
}

// The message of the Error that reading `text` as `path` throws.
std::string error_of(const std::string& path, const std::string& text) {
    try {
        read_cpp(path, text);
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

// A fresh directory for one test.
fs::path test_directory() {
    const fs::path dir =
        fs::temp_directory_path() /
        ("translint-cpp-" +
         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

void make_fifo(const fs::path& path) {
    fs::create_directories(path.parent_path());
    ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
}

// Lets through, at once and with nothing to read, whoever opens `fifo` to read it: a parse that
// opens it ends instead of blocking forever, and `opened` says that it did.
class FifoWatch {
public:
    explicit FifoWatch(const fs::path& fifo)
        : thread_([this, fifo] {
            while (!stop_) {
                if (const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) {
                    ++opened_;
                    ::close(fd);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }) {}
    ~FifoWatch() {
        stop_ = true;
        thread_.join();
    }
    int opened() const { return opened_; }

private:
    std::atomic<bool> stop_ = false;
    std::atomic<int> opened_ = 0;
    std::thread thread_;
};

// A compilation database in `dir`/build with one command for `file`, relative to `dir`.
void write_database(const fs::path& dir, const std::string& file, const std::string& command) {
    write(dir / "build/compile_commands.json", "[{\"directory\": \"" + dir.string() +
                                                   "\", \"file\": \"" + file +
                                                   "\", \"command\": \"" + command + "\"}]\n");
}

} // namespace

TEST(Cpp, TranslatedLiteralsAreCheckedWhereTheyStand) {
    const std::string path = TRANSLINT_SOURCE_DIR "/tests/fixtures/cpp/ui_strings.cpp";
    const Document document = read_cpp(path, read_file(path));
    const std::vector<std::string> expected_texts{
        "Benvenuto!\t\"Il fondatore\" Ilon Musk ti saluta.",
        "Grazie per aver scelto il servizio di Ilon Musk.",
        "Premi \"Invio\" per scrivere a Ilon Musk.",
        "Più notizie su Ilon Musk",
        "Ilon Musk ha un file",
        "Circa 15.000 file di Ilon Musk",
        "Apri il profilo",
        "Le impostazioni di Ilon Musk",
        "Ilon Musk consiglia di salvare."};
    EXPECT_EQ(expected_texts, texts(document));
    // Columns after the escapes (\t, \"), in the second piece of a concatenation, inside a raw
    // string and after a non-ASCII letter prove the map back to the file.
    const std::vector<Found> expected{
        {"it.names.garbled", 14, 44, 4}, {"it.names.garbled", 19, 30, 4},
        {"it.names.garbled", 23, 46, 4}, {"it.names.garbled", 27, 32, 4},
        {"it.names.garbled", 31, 22, 4}, {"it.names.garbled", 31, 67, 4},
        {"it.names.garbled", 44, 56, 4}, {"it.names.garbled", 45, 28, 4}};
    EXPECT_EQ(expected, findings(document));
}

TEST(Cpp, TheTranslationFunctionsAreConfigurable) {
    const std::string text = "#define _(x) gettext(x)\n"
                             "const char* a = _(\"Ilon Musk\");\n"
                             "const char* b = i18n(\"Arriva Ilon Musk\");\n";
    const FormatOptions only_i18n{{"i18n"}};
    const Document document = read_cpp("strings.cpp", text, only_i18n);
    EXPECT_EQ(std::vector<std::string>{"Arriva Ilon Musk"}, texts(document));
    EXPECT_EQ((std::vector<Found>{{"it.names.garbled", 3, 30, 4}}), findings(document));
    // Standard input is C++ too.
    EXPECT_EQ(2u, read_cpp("<stdin>", text).segments().size());
}

TEST(Cpp, QualifiedNamesMatchTheCalledDeclaration) {
    const std::string text = "struct QObject {\n"
                             "    static const char* tr(const char* text);\n"
                             "};\n"
                             "namespace other {\n"
                             "const char* tr(const char* text);\n"
                             "}\n"
                             "struct Panel : QObject {\n"
                             "    const char* title() { return tr(\"Il pannello\"); }\n"
                             "    const char* note() { return other::tr(\"Una nota\"); }\n"
                             "};\n";
    const FormatOptions qualified{{"QObject::tr"}};
    EXPECT_EQ(std::vector<std::string>{"Il pannello"},
              texts(read_cpp("panel.cpp", text, qualified)));
}

TEST(Cpp, TheCompilationDatabaseGivesTheIncludePaths) {
    // T() reaches gettext only through a header that the database's -Iinclude finds.
    const fs::path dir = test_directory();
    write(dir / "include/i18n.h", "char* gettext(const char* text);\n"
                                  "#define _(text) gettext(text)\n"
                                  "#define T(text) _(text)\n");
    const std::string source = "#include \"i18n.h\"\n"
                               "const char* hello() { return T(\"Ciao da Ilon Musk\"); }\n";
    write(dir / "src/hello.cpp", source);
    write(dir / "build/compile_commands.json",
          "[{\"directory\": \"" + dir.string() +
              "\", \"file\": \"src/hello.cpp\","
              " \"command\": \"c++ -Iinclude -std=c++17 -c src/hello.cpp -o hello.o\"}]\n");
    const std::string path = (dir / "src/hello.cpp").string();
    const Document document = read_cpp(path, source);
    EXPECT_EQ(std::vector<std::string>{"Ciao da Ilon Musk"}, texts(document));
    EXPECT_EQ((std::vector<Found>{{"it.names.garbled", 2, 41, 4}}), findings(document));

    // Without the database the header is not found, and T means nothing.
    fs::remove(dir / "build/compile_commands.json");
    EXPECT_TRUE(read_cpp(path, source).segments().empty());
    fs::remove_all(dir);
}

TEST(Cpp, AnUnterminatedLiteralIsAnErrorOnItsLine) {
    EXPECT_EQ("broken.cpp:3: missing terminating '\"' character",
              error_of("broken.cpp", "#include <missing.h>\n"
                                     "int x = 1;\n"
                                     "const char* a = _(\"Senza fine);\n"
                                     "const char* b = _(\"Ciao\");\n"));
    EXPECT_EQ("raw.cpp:2: raw string missing terminating delimiter )x\"",
              error_of("raw.cpp", "int y;\n"
                                  "const char* a = _(R\"x(Senza fine)\");\n"));
    EXPECT_EQ("octal.cpp:2: a translated string is not valid UTF-8",
              error_of("octal.cpp", "\n"
                                    "const char* a = _(\"caff\\350\");\n"));
}

TEST(Cpp, TheCommandLineExitsTwoOnAnUnterminatedLiteral) {
    const fs::path dir = test_directory();
    write(dir / "broken.cpp", "// Pannello\n"
                              "const char* a = _(\"Senza fine);\n");
    const std::string command = "cd '" + dir.string() +
                                "' && '" TRANSLINT_BINARY
                                "' check --lang it broken.cpp > out.txt 2> err.txt";
    const int raw = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(raw));
    EXPECT_EQ(2, WEXITSTATUS(raw));
    EXPECT_NE(std::string::npos,
              read_file(dir / "err.txt").find("broken.cpp:2: missing terminating '\"' character"));
    fs::remove_all(dir);
}

TEST(Cpp, CFilesAreReadAsC) {
    // T translates only when the file is compiled as C.
    const std::string text = "#include <stdio.h>\n"
                             "#include <libintl.h>\n"
                             "#ifdef __cplusplus\n"
                             "#define T(s) (s)\n"
                             "#else\n"
                             "#define T(s) gettext(s)\n"
                             "#endif\n"
                             "int main(void) {\n"
                             "    printf(T(\"Ilon Musk ha %d messaggi\\n\"), 3);\n"
                             "    return 0;\n"
                             "}\n";
    const Document document = read_cpp("main.c", text);
    EXPECT_EQ(std::vector<std::string>{"Ilon Musk ha %d messaggi\n"}, texts(document));
    EXPECT_EQ((std::vector<Found>{{"it.names.garbled", 9, 15, 4}}), findings(document));
    EXPECT_TRUE(read_cpp("main.cpp", text).segments().empty());
}

TEST(Cpp, AnIncludeOfADeviceOrAFifoIsAnError) {
    const fs::path dir = test_directory();
    make_fifo(dir / "pipe.h");
    fs::create_symlink(dir / "pipe.h", dir / "link.h");
    const FifoWatch watch(dir / "pipe.h");
    const auto error = [&](const std::string& name, const std::string& text) {
        write(dir / name, text);
        return error_of((dir / name).string(), text);
    };
    EXPECT_EQ((dir / "fifo.cpp").string() + ":2: #include of a device or special file",
              error("fifo.cpp", "// Pannello\n#include \"pipe.h\"\n"));
    EXPECT_EQ((dir / "link.cpp").string() + ":1: #include of a device or special file",
              error("link.cpp", "#include \"sub/../link.h\"\n"));
    EXPECT_EQ((dir / "has.cpp").string() + ":2: #include of a device or special file",
              error("has.cpp", "int x;\n#if __has_include(\"pipe.h\")\n#endif\n"));
    EXPECT_EQ((dir / "null.c").string() + ":1: #include of a device or special file",
              error("null.c", "#include </dev/null>\n"));
    // A header may name it too.
    write(dir / "panel.h", "#pragma once\n\n#include \"pipe.h\"\n");
    EXPECT_EQ((dir / "panel.h").string() + ":3: #include of a device or special file",
              error("panel.cpp", "#include \"panel.h\"\n"));
    EXPECT_EQ(0, watch.opened());
    fs::remove_all(dir);
}

TEST(Cpp, NamesThatMacrosBuildFindNoFileOutsideTheSystemHeaders) {
    const fs::path dir = test_directory();
    make_fifo(dir / "pipe.h");
    const FifoWatch watch(dir / "pipe.h");
    const std::string text = "#define PIPE \"pipe.h\"\n"
                             "#include PIPE\n"
                             "#define CAT(a, b) a##b\n"
                             "#if CAT(__has_, include)(\"pipe.h\")\n"
                             "#endif\n"
                             "#include <stdio.h>\n"
                             "const char* a = _(\"Ilon Musk\");\n";
    write(dir / "macro.cpp", text);
    EXPECT_EQ(std::vector<std::string>{"Ilon Musk"},
              texts(read_cpp((dir / "macro.cpp").string(), text)));
    EXPECT_EQ(0, watch.opened());
    fs::remove_all(dir);
}

TEST(Cpp, TheDatabaseDirectoriesShowOnlyTheHeadersTheFileNames) {
    // A FIFO in the include directory where <stdio.h> looks for one of its own headers, and
    // another that the command would include first: neither is opened.
    const fs::path dir = test_directory();
    make_fifo(dir / "include/bits/libc-header-start.h");
    make_fifo(dir / "forced.h");
    const FifoWatch watch_system(dir / "include/bits/libc-header-start.h");
    const FifoWatch watch_forced(dir / "forced.h");
    write(dir / "include/i18n.h", "char* gettext(const char* text);\n"
                                  "#define T(text) gettext(text)\n");
    const std::string source = "#include <stdio.h>\n"
                               "#include \"i18n.h\"\n"
                               "const char* hello() { return T(\"Ciao da Ilon Musk\"); }\n";
    write(dir / "src/hello.cpp", source);
    write_database(dir, "src/hello.cpp", "c++ -include forced.h -Iinclude -c src/hello.cpp");
    EXPECT_EQ(std::vector<std::string>{"Ciao da Ilon Musk"},
              texts(read_cpp((dir / "src/hello.cpp").string(), source)));
    EXPECT_EQ(0, watch_system.opened());
    EXPECT_EQ(0, watch_forced.opened());
    fs::remove_all(dir);
}

TEST(Cpp, PragmasThatCrashTheParserAreOff) {
    const std::string text = "#define CAT(a, b) a##b\n"
                             "CAT(_Pra, gma)(\"clang __debug llvm_fatal_error\")\n"
                             "const char* a = _(\"Ilon Musk\");\n";
    EXPECT_EQ(std::vector<std::string>{"Ilon Musk"}, texts(read_cpp("pragma.cpp", text)));
}

TEST(Cpp, ManyCallsNeverClosedTakeLinearTime) {
    // Each call used to be read up to the end of the file: minutes for this many.
    std::string text;
    for (int i = 0; i < 200'000; ++i)
        text += "_(x,";
    EXPECT_TRUE(read_cpp("unclosed.cpp", text).segments().empty());
}

TEST(Cpp, EscapesAreDecodedAsTheLiteralsPrefixSays) {
    const std::string text = "const char* a = _(\"\\e[1mIlon\\e[0m\");\n"
                             "const char* b = _(\"caff\\u{E8} \\o{101}\\N{LATIN SMALL LETTER E "
                             "WITH GRAVE}\");\n"
                             "const char16_t* c = _(u\"caff\\xE8 \\xD83D\\xDE00\");\n"
                             "const char32_t* d = _(U\"\\x1F600 \\x{E8}\\350\");\n"
                             "const wchar_t* e = _(L\"\\xE8\");\n"
                             "const char* f = _(u8\"caff\\303\\250\");\n"
                             "const char* g = _(\"Ilon \\\n"
                             "Musk\");\n";
    EXPECT_EQ((std::vector<std::string>{"\x1B[1mIlon\x1B[0m", "caffè Aè", "caffè 😀", "😀 èè", "è",
                                        "caffè", "Ilon Musk"}),
              texts(read_cpp("escapes.cpp", text)));
}

TEST(Cpp, ALiteralThatCannotBeDecodedIsSkipped) {
    const std::string text = "const char* a = _(\"\\q\");\n"
                             "const char* b = _(\"\\x100\");\n"
                             "const char16_t* c = _(u\"\\xD83D alone\");\n"
                             "const char* d = _(\"\\N{NO SUCH CHARACTER}\");\n"
                             "const char* e = _(\"\\x{}\");\n"
                             "const char* f = _(\"Ilon \" \"\\u{110000}\");\n"
                             "const char16_t* g = _(u\"\\u00e8 Ilon Musk\");\n";
    const Document document = read_cpp("skipped.cpp", text);
    EXPECT_EQ(std::vector<std::string>{"è Ilon Musk"}, texts(document));
    // The column after the escape is where the name stands in the file.
    EXPECT_EQ((std::vector<Found>{{"it.names.garbled", 7, 32, 4}}), findings(document));
}

TEST(Cpp, EscapesOfWideLiteralsMapBackToTheirPlace) {
    // A surrogate pair stands at its first half, a spliced line is mapped across the splice.
    const std::string_view raw = "a\\xD83D\\xDE00z\\\nc";
    Segment segment;
    ASSERT_FALSE(formats::append_literal_unescaped(raw, 10, formats::CodeUnit::utf16, segment));
    EXPECT_EQ("a😀zc", segment.text);
    EXPECT_EQ(10u, segment.map.to_original(0)); // a
    EXPECT_EQ(11u, segment.map.to_original(1)); // \xD83D\xDE00
    EXPECT_EQ(23u, segment.map.to_original(5)); // z
    EXPECT_EQ(26u, segment.map.to_original(6)); // c, after the splice
    Segment bytes;
    EXPECT_EQ(
        "an escape out of the range of a byte",
        formats::append_literal_unescaped("ok\\x100", 0, formats::CodeUnit::byte, bytes)->reason);
}

TEST(Cpp, APathThatCannotBeResolvedIsAnError) {
    // A relative path needs the current directory, which may be gone.
    struct Restore {
        fs::path saved = fs::current_path();
        ~Restore() { fs::current_path(saved); }
    } restore;
    const fs::path dir = test_directory();
    fs::current_path(dir);
    fs::remove(dir);
    EXPECT_EQ("relative.cpp: cannot resolve the path: No such file or directory",
              error_of("relative.cpp", "const char* a = _(\"Ciao\");\n"));
}

TEST(Cpp, TheCompilationDatabaseIsReadOncePerRun) {
    const fs::path dir = test_directory();
    write(dir / "include/i18n.h", "char* gettext(const char* text);\n"
                                  "#define T(text) gettext(text)\n");
    const std::string source = "#include \"i18n.h\"\n"
                               "const char* hello() { return T(\"Ciao da Ilon Musk\"); }\n";
    write(dir / "src/hello.cpp", source);
    write_database(dir, "src/hello.cpp", "c++ -Iinclude -c src/hello.cpp");
    const std::string path = (dir / "src/hello.cpp").string();
    // Files checked at once share the database.
    std::vector<std::future<std::vector<std::string>>> reads;
    for (int i = 0; i < 4; ++i)
        reads.push_back(
            std::async(std::launch::async, [&] { return texts(read_cpp(path, source)); }));
    for (auto& read : reads)
        EXPECT_EQ(std::vector<std::string>{"Ciao da Ilon Musk"}, read.get());
    // Not read again: the damage done to it now goes unseen.
    write(dir / "build/compile_commands.json", "[{");
    EXPECT_EQ(std::vector<std::string>{"Ciao da Ilon Musk"}, texts(read_cpp(path, source)));
    fs::remove_all(dir);
}
