// translint as a pre-publication gate: baselines, parallel runs, the summary line and the
// progress bar, through the executable.
#include "cli_support.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using namespace test_support;

namespace {

std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> paragraphs;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find("\n\n", begin);
        if (end == std::string::npos) end = text.size();
        if (end > begin) paragraphs.push_back(text.substr(begin, end - begin));
        begin = end + 2;
    }
    return paragraphs;
}

class Gate : public Cli {
protected:
    // The sample articles, copied into the test's directory under articles/.
    void copy_samples() {
        for (const char* name : {"article.it.txt", "summary.it.txt"})
            write(std::string("articles/") + name,
                  slurp(fs::path(TRANSLINT_SOURCE_DIR) / "examples" / name));
    }

    // `count` distinct articles: the paragraphs of the sample articles in rotating orders and
    // selections, so that every file has its own mix of findings.
    void write_articles(std::size_t count) {
        std::vector<std::string> paragraphs;
        for (const char* name : {"article.it.txt", "summary.it.txt"})
            for (std::string& p :
                 paragraphs_of(slurp(fs::path(TRANSLINT_SOURCE_DIR) / "examples" / name)))
                paragraphs.push_back(std::move(p));
        for (std::size_t i = 0; i < count; ++i) {
            std::ostringstream article;
            for (std::size_t k = 0; k < 4 + i % 5; ++k)
                article << paragraphs[(i * 7 + k * (1 + i % 3)) % paragraphs.size()] << "\n\n";
            char name[32];
            std::snprintf(name, sizeof name, "many/a%03zu.it.txt", i);
            write(name, article.str());
        }
    }

    void replace_in(const std::string& name, const std::string& from, const std::string& to) {
        std::string text = slurp(dir_ / name);
        const std::size_t at = text.find(from);
        ASSERT_NE(std::string::npos, at) << from;
        text.replace(at, from.size(), to);
        write(name, text);
    }
};

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_F(Gate, BaselineHidesRecordedFindingsAndReportsNewOnes) {
    copy_samples();
    const Result recorded = run("baseline --output baseline.json articles");
    ASSERT_EQ(0, recorded.status) << recorded.err;
    const auto baseline = nlohmann::json::parse(slurp(dir_ / "baseline.json"));
    EXPECT_EQ(1, baseline["translint_baseline"]);
    ASSERT_EQ(2, baseline["files"].size());
    EXPECT_EQ("articles/article.it.txt", baseline["files"][0]["path"]);
    EXPECT_FALSE(baseline["files"][0]["findings"].empty());

    const Result known = run("check --baseline baseline.json articles");
    EXPECT_EQ(0, known.status) << known.out;
    EXPECT_NE(std::string::npos, known.out.find("0 errors, 0 warnings, 0 infos in 2 files ("))
        << known.out;

    // Edits elsewhere move the accepted findings to other lines; they stay accepted.
    replace_in("articles/article.it.txt", "", "Un paragrafo nuovo in cima.\n\n");
    EXPECT_EQ(0, run("check --baseline baseline.json articles").status);

    // One new error is one new finding.
    replace_in("articles/summary.it.txt", "Emmanuel Macron", "Emmanuel Makron");
    const Result fresh = run("check --baseline baseline.json --format json articles");
    EXPECT_EQ(1, fresh.status);
    const auto report = nlohmann::json::parse(fresh.out);
    EXPECT_EQ(0, report["files"][0]["diagnostics"].size());
    ASSERT_EQ(1, report["files"][1]["diagnostics"].size()) << fresh.out;
    EXPECT_EQ("Makron", report["files"][1]["diagnostics"][0]["text"]);
}

TEST_F(Gate, ACopyOfAnAcceptedErrorIsNew) {
    write("a.it.txt", "Ha parlato Ilon Musk.\n");
    ASSERT_EQ(0, run("baseline --output b.json a.it.txt").status);
    write("a.it.txt", "Ha parlato Ilon Musk.\n\nHa parlato Ilon Musk.\n");
    const Result result = run("check --baseline b.json --format json a.it.txt");
    EXPECT_EQ(1, result.status);
    const auto report = nlohmann::json::parse(result.out);
    ASSERT_EQ(1, report["files"][0]["diagnostics"].size()) << result.out;
    EXPECT_EQ(1, report["summary"]["errors"]);
}

TEST_F(Gate, BaselineErrorsExitTwoNamingTheFile) {
    write("a.it.txt", "Ha parlato Ilon Musk.\n");
    write("broken.json", "{\n  \"translint_baseline\": 1,\n  \"files\": [\n");
    Result result = run("check --baseline broken.json a.it.txt");
    EXPECT_EQ(2, result.status);
    EXPECT_NE(std::string::npos, result.err.find("broken.json:4: not a baseline: malformed JSON"))
        << result.err;
    write("other.json", "{\"files\": []}");
    result = run("check --baseline other.json a.it.txt");
    EXPECT_EQ(2, result.status);
    EXPECT_NE(std::string::npos, result.err.find("other.json: not a baseline")) << result.err;
    result = run("check --baseline missing.json a.it.txt");
    EXPECT_EQ(2, result.status);
    EXPECT_NE(std::string::npos, result.err.find("missing.json")) << result.err;
    result = run("baseline a.it.txt");
    EXPECT_EQ(2, result.status);
    EXPECT_NE(std::string::npos, result.err.find("needs --output FILE")) << result.err;
}

TEST_F(Gate, ParallelRunsGiveTheSameOutputInTheSameOrder) {
    write_articles(200);
    write("many/a100.it.txt", "Testo \xff rotto.\n"); // an error among them, reported in order
    for (const char* format : {"json", "text"}) {
        const Result one = run(std::string("check --jobs 1 --format ") + format + " many");
        const Result two = run(std::string("check --jobs 2 --format ") + format + " many");
        const Result auto_jobs = run(std::string("check --jobs 0 --format ") + format + " many");
        EXPECT_EQ(2, one.status);
        EXPECT_EQ(one.status, two.status);
        EXPECT_GT(one.out.size(), 200'000u);
        EXPECT_TRUE(one.out == two.out) << format;
        EXPECT_TRUE(one.out == auto_jobs.out) << format;
        EXPECT_EQ(one.err, two.err);
        EXPECT_NE(std::string::npos, one.err.find("many/a100.it.txt")) << one.err;
    }
    EXPECT_EQ(2, run("check --jobs two many").status);
    EXPECT_EQ(2, run("check --jobs -1 many").status);
}

TEST_F(Gate, SummaryLineOnStderrForMachineFormats) {
    write("a.it.txt", "Ha parlato Ilon Musk.\n");
    Result result = run("check --format json a.it.txt");
    EXPECT_EQ("translint: 1 error, 0 warnings, 0 infos in 1 file\n", result.err);
    result = run("check --format json --quiet a.it.txt");
    EXPECT_EQ("", result.err);
    result = run("check a.it.txt");
    EXPECT_EQ("", result.err); // the text report ends with the summary itself
    EXPECT_NE(std::string::npos, result.out.find("1 error, 0 warnings, 0 infos in 1 file\n"));
}

// The bar shows only on a terminal, and only once a run takes a moment; `script` gives the run
// a terminal.
TEST_F(Gate, ProgressBarOnlyOnATerminal) {
    write_articles(400); // a run long enough for the bar, even on a fast machine
    const Result piped = run("check --format json many");
    EXPECT_EQ(std::string::npos, piped.err.find("/400 files")) << piped.err;
    const Result terminal =
        run_shell("script -qec \"'" TRANSLINT_BINARY "' check --format json --output report.json "
                  "many\" /dev/null");
    EXPECT_EQ(1, terminal.status) << terminal.out;
    EXPECT_NE(std::string::npos, terminal.out.find("/400 files")) << terminal.out;
    EXPECT_NE(std::string::npos, terminal.out.find("\r\x1b[K")) << "the bar is cleared";
    EXPECT_EQ(1, count_of(terminal.out, "\n")) << "only the summary line stays on screen";
    EXPECT_NE(std::string::npos, terminal.out.find("in 400 files\r\n")) << terminal.out;
}
