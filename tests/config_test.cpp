#include "translint/config.hpp"
#include "translint/error.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace translint;
namespace fs = std::filesystem;

namespace {
fs::path write_config(const std::string& name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / ("translint-config-" + name);
    fs::create_directories(dir);
    std::ofstream(dir / ".translint.yaml") << text;
    return dir / ".translint.yaml";
}

std::string load_error(const std::string& name, const std::string& text) {
    try {
        Config::load(write_config(name, text));
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST(Config, ReadsEveryKeyAndResolvesPathsAgainstTheFile) {
    const fs::path path = write_config("full", "language: it\n"
                                               "enable: [it.optional]\n"
                                               "disable: [it.mistranslation]\n"
                                               "severity: {it.spelling: warning}\n"
                                               "rule_paths: [house-rules]\n"
                                               "word_lists: [words.txt]\n"
                                               "name_dictionaries: [en_US]\n");
    const Config config = Config::load(path);
    EXPECT_EQ("it", config.language);
    EXPECT_EQ(std::vector<std::string>{"en_US"}, config.name_dictionaries);
    EXPECT_EQ((std::vector<std::string>{"en_US", "it_IT", "fr_FR"}), Config{}.name_dictionaries);
    EXPECT_EQ(Severity::warning, config.severity.at("it.spelling"));
    EXPECT_EQ((path.parent_path() / "words.txt").string(), config.word_lists.at(0));
    EXPECT_EQ((path.parent_path() / "house-rules").string(), config.rule_paths.at(0));
    EXPECT_FALSE(config.enabled("it.mistranslation.calques", true));
    EXPECT_TRUE(config.enabled("it.mistranslationx", true));
    EXPECT_TRUE(config.enabled("it.optional", false));
    EXPECT_FALSE(config.enabled("it.other", false));
}

TEST(Config, UnknownKeysAndBadValuesNameTheKeyAndLine) {
    EXPECT_NE(
        std::string::npos,
        load_error("unknown", "language: it\nlangauge: en\n").find(":2: unknown key 'langauge'"));
    EXPECT_NE(std::string::npos, load_error("severity", "severity:\n  it.spelling: fatal\n")
                                     .find(":2: severity of 'it.spelling' must be"));
    EXPECT_NE(std::string::npos, load_error("syntax", "language: [it\n").find(".translint.yaml:"));
    EXPECT_NE(std::string::npos,
              load_error("type", "disable: {a: b}\n").find("'disable' must be a list of strings"));
}

TEST(Config, FoundUpwardFromTheStartDirectory) {
    const fs::path path = write_config("upward", "language: it\n");
    const fs::path nested = path.parent_path() / "a" / "b";
    fs::create_directories(nested);
    EXPECT_EQ(path, Config::find(nested));
}
