// The C and C++ adapter: the literals passed to translation functions, read through libclang,
// with every finding on its line and column in the source file.
#include "test_support.hpp"
#include "translint/error.hpp"
#include "translint/formats.hpp"
#include "translint/io.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/wait.h>

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
