// The inputs that the fuzz targets (fuzz/, ci/fuzz) found failing, or that push a reader to its
// limits, run through the same code as their target: tests/fixtures/fuzz/TARGET/ holds them.
// Each must be refused with translint::Error or give a result, and break no invariant that the
// target checks (fuzz/entry_points.hpp).
#include "fuzz/entry_points.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <iterator>

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(const std::string& target) {
    const fs::path directory = fs::path(TRANSLINT_SOURCE_DIR) / "tests/fixtures/fuzz" / target;
    std::vector<fs::path> inputs;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory, error))
        if (entry.is_regular_file()) inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run_all(const std::string& target, const std::function<void(std::string)>& entry) {
    const std::vector<fs::path> inputs = inputs_of(target);
    ASSERT_FALSE(inputs.empty()) << "no inputs in tests/fixtures/fuzz/" << target;
    for (const fs::path& input : inputs) {
        SCOPED_TRACE(input.string());
        try {
            entry(contents(input));
        } catch (const std::exception& e) {
            ADD_FAILURE() << target << ": " << input.filename().string() << ": " << e.what();
        }
    }
}

} // namespace

using namespace translint;

TEST(FuzzRegressions, Document) {
    run_all("document", fuzz::fuzz_document);
}

TEST(FuzzRegressions, Markdown) {
    run_all("markdown", [](std::string bytes) {
        fuzz::fuzz_format(std::move(bytes), InputFormat::markdown, "fuzz.it.md");
    });
}

TEST(FuzzRegressions, Html) {
    run_all("html", [](std::string bytes) {
        fuzz::fuzz_format(std::move(bytes), InputFormat::html, "fuzz.it.html");
    });
}

TEST(FuzzRegressions, Xliff) {
    run_all("xliff", [](std::string bytes) {
        fuzz::fuzz_format(std::move(bytes), InputFormat::xliff, "fuzz.xlf");
    });
}

TEST(FuzzRegressions, Po) {
    run_all("po", [](std::string bytes) {
        fuzz::fuzz_format(std::move(bytes), InputFormat::po, "fuzz.po");
    });
}

TEST(FuzzRegressions, Tsv) {
    run_all("tsv", fuzz::fuzz_tsv);
}

TEST(FuzzRegressions, Cpp) {
    run_all("cpp", fuzz::fuzz_cpp);
}

TEST(FuzzRegressions, Rules) {
    run_all("rules", fuzz::fuzz_rules);
}

TEST(FuzzRegressions, Config) {
    run_all("config", [](std::string bytes) { fuzz::fuzz_config(bytes); });
}

TEST(FuzzRegressions, LspMessages) {
    run_all("lsp_messages", [](std::string bytes) { fuzz::fuzz_lsp(bytes); });
}

TEST(FuzzRegressions, CApi) {
    run_all("c_api", [](std::string bytes) { fuzz::fuzz_c_api(bytes); });
}
