// The translint executable as users and CI run it: exit status, messages, output files.
#include "cli_support.hpp"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace test_support;

TEST_F(Cli, CleanTextExitsZeroAndFindingsExitOne) {
    write("clean.it.txt", "Il presidente ha parlato a Roma.\n");
    write("bad.it.txt", "Il presidennte ha parlato a Roma.\n");
    EXPECT_EQ(0, run("check clean.it.txt").status);
    const Result bad = run("check bad.it.txt");
    EXPECT_EQ(1, bad.status);
    EXPECT_NE(
        std::string::npos,
        bad.out.find("bad.it.txt:1:4: error: 'presidennte' is not an Italian word [it.spelling]"));
    EXPECT_EQ(0, run("check --fail-on never bad.it.txt").status);
}

TEST_F(Cli, FailOnThresholds) {
    write("calque.txt", "Un funzionario di alto taglio.\n"); // a warning
    EXPECT_EQ(0, run("check --lang it calque.txt").status);
    EXPECT_EQ(1, run("check --lang it --fail-on warning calque.txt").status);
    EXPECT_EQ(1, run("check --lang it --fail-on=info calque.txt").status);
}

TEST_F(Cli, JsonReportToAnOutputFile) {
    write("a.txt", "Informazioni supercrete.\n");
    const Result r = run("check --lang it --format json --output report.json a.txt");
    EXPECT_EQ(1, r.status);
    EXPECT_EQ("", r.out);
    const auto report = nlohmann::json::parse(slurp(dir_ / "report.json"));
    EXPECT_EQ("supercrete", report["files"][0]["diagnostics"][0]["text"]);
    EXPECT_EQ(1, report["summary"]["errors"]);
}

TEST_F(Cli, ReadsStdinAndWalksDirectoriesInOrder) {
    EXPECT_EQ(1, run("check --lang it -", "Una parolla.\n").status);
    write("articles/b.md", "Testo corretto.\n");
    write("articles/a.txt", "Una parolla.\n");
    write("articles/.hidden/c.txt", "Una parolla.\n");
    write("articles/image.png", "\x89PNG");
    const Result r = run("check --lang it --format json articles");
    const auto report = nlohmann::json::parse(r.out);
    ASSERT_EQ(2u, report["files"].size());
    EXPECT_EQ("articles/a.txt", report["files"][0]["path"]);
    EXPECT_EQ("articles/b.md", report["files"][1]["path"]);
}

TEST_F(Cli, LanguageComesFromTheConfigOrTheFileName) {
    write("note.txt", "Una parolla.\n");
    const Result none = run("check note.txt");
    EXPECT_EQ(2, none.status);
    EXPECT_NE(std::string::npos, none.err.find("note.txt: no language"));
    write(".translint.yaml", "language: it\n");
    EXPECT_EQ(1, run("check note.txt").status);
}

TEST_F(Cli, OneBadFileDoesNotHideTheOthers) {
    write("invalid.txt", "\xFF");
    write("good.txt", "Una parolla.\n");
    const Result r = run("check --lang it --format json invalid.txt good.txt");
    EXPECT_EQ(2, r.status);
    EXPECT_EQ(1u, nlohmann::json::parse(r.out)["files"].size());
}

TEST_F(Cli, MarkdownFilesAreReadAsMarkdown) {
    write("post.md", "Il testo parla di Ilon Musk.\n\n```\nIlon Musk nel codice\n```\n");
    const Result r = run("check --lang it --format json post.md");
    EXPECT_EQ(1, r.status);
    const auto report = nlohmann::json::parse(r.out);
    ASSERT_EQ(1u, report["files"][0]["diagnostics"].size());
    EXPECT_EQ(1, report["files"][0]["diagnostics"][0]["line"]);
    // The same bytes forced to plain text: the code block is checked as well.
    const Result plain = run("check --lang it --format json --input-format text post.md");
    EXPECT_EQ(2u, nlohmann::json::parse(plain.out)["files"][0]["diagnostics"].size());
    const Result bad = run("check --input-format docx post.md");
    EXPECT_EQ(2, bad.status);
    EXPECT_NE(std::string::npos, bad.err.find("unknown input format 'docx'"));
}

TEST_F(Cli, HouseRulesFromTheConfigRunWithTheirExamples) {
    write(".translint.yaml", "rule_paths: [house]\nseverity: {it.house.style: error}\n");
    write("house/it/style.yaml",
          "rules:\n"
          "  - id: it.house.style\n"
          "    kind: substitution\n"
          "    category: terminology\n"
          "    message: \"write '{suggestion}'\"\n"
          "    options: {swap: {premier: presidente del Consiglio}}\n"
          "    examples: {bad: ['il [[premier]] ha detto'], good: ['il presidente']}\n");
    write("a.txt", "Il premier ha parlato.\n");
    const Result r = run("check --lang it a.txt");
    EXPECT_EQ(1, r.status);
    EXPECT_NE(std::string::npos,
              r.out.find("error: write 'presidente del Consiglio' [it.house.style]"));
    const Result test = run("rules test --lang it");
    EXPECT_EQ(0, test.status);
    EXPECT_NE(std::string::npos, test.out.find(" passed, 0 failed"));
    EXPECT_NE(std::string::npos,
              run("rules list --lang it")
                  .out.find("it.house.style\tsubstitution\tterminology\terror\ton"));
}

TEST_F(Cli, UsageErrorsExitTwo) {
    for (const char* args : {"check --frobnicate a.txt", "check --format yaml a.txt",
                             "check --fail-on sometimes a.txt", "lint a.txt", "", "check --lang"}) {
        const Result r = run(args);
        EXPECT_EQ(2, r.status) << args;
        EXPECT_NE(std::string::npos, r.err.find("translint: error: ")) << args;
    }
    EXPECT_NE(std::string::npos,
              run("check --frobnicate").err.find("unknown option '--frobnicate'"));
}

TEST_F(Cli, VersionAndHelp) {
    const Result version = run("--version");
    EXPECT_EQ(0, version.status);
    EXPECT_EQ("translint 0.1.0\n", version.out);
    const Result help = run("--help");
    EXPECT_EQ(0, help.status);
    EXPECT_NE(std::string::npos, help.out.find("translint check [OPTIONS] [PATH ...]"));
}

TEST_F(Cli, SourceFilePairsParagraphsForTheBilingualChecks) {
    write("article.en.txt", "About 15,000 people fled.\n\nElon Musk spoke.\n");
    write("article.it.txt", "Circa 1.500 persone sono fuggite.\n\nHa parlato Elon Musk.\n");
    const Result result =
        run("check --format json --source article.en.txt --source-lang en article.it.txt");
    EXPECT_EQ(1, result.status) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    const auto& found = report["files"][0]["diagnostics"];
    ASSERT_EQ(1u, found.size()) << result.out;
    EXPECT_EQ("common.number.mismatch", found[0]["rule"]);
    EXPECT_EQ(1, found[0]["line"]);
    EXPECT_EQ(7, found[0]["column"]);
    // Without the source, nothing is wrong.
    EXPECT_EQ(0, run("check article.it.txt").status);
}

TEST_F(Cli, SourceFileProblemsExitTwo) {
    write("a.it.txt", "Uno.\n\nDue.\n");
    write("a.en.txt", "One.\n");
    const Result unpaired = run("check --source a.en.txt a.it.txt");
    EXPECT_EQ(2, unpaired.status);
    EXPECT_NE(unpaired.err.find("a.it.txt has 2 paragraphs and its source a.en.txt has 1"),
              std::string::npos)
        << unpaired.err;
    write("a.it.md", "Uno.\n");
    EXPECT_EQ(2, run("check --source a.en.txt a.it.md").status);
    EXPECT_EQ(2, run("check --source a.en.txt a.it.txt a.it.md").status);
    EXPECT_EQ(2, run("check --source missing.txt a.it.txt").status);
}

TEST_F(Cli, TsvCarriesItsLanguages) {
    write("pairs.tsv", "uk\tit\nІлон Маск заявив.\tHa parlato Ilon Musk.\n");
    const Result result = run("check pairs.tsv");
    EXPECT_EQ(1, result.status) << result.err;
    EXPECT_NE(result.out.find("pairs.tsv:2:30: error: 'Ilon' does not render the source's name"),
              std::string::npos)
        << result.out;
}

TEST_F(Cli, SourceFilePairsWithOneFileOnly) {
    write("dir/a.it.txt", "Uno.\n");
    write("dir/b.it.txt", "Due.\n");
    write("a.en.txt", "One.\n");
    const Result result = run("check --source a.en.txt dir");
    EXPECT_EQ(2, result.status);
    EXPECT_NE(result.err.find("dir holds 2 files"), std::string::npos) << result.err;
}
