// Running the translint executable from tests, as users and CI run it, in a directory of the
// test's own (ctest runs tests side by side).
#pragma once

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace test_support {

namespace fs = std::filesystem;

struct Result {
    int status;
    std::string out;
    std::string err;
};

// `command` run as the unprivileged user nobody when the tests run as root (root reads and writes
// any file, so a file it may not read or write needs someone else); as is otherwise.
inline std::string unprivileged(const std::string& command) {
    return ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " + command
                            : command;
}

inline std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        // The process id keeps two runs of the suite (a plain and a sanitizer build) apart.
        dir_ = fs::temp_directory_path() /
               ("translint-" + std::string(test_info()->test_suite_name()) + "-" +
                test_info()->name() + "-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }

    void write(const std::string& name, const std::string& bytes) {
        fs::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name, std::ios::binary) << bytes;
    }

    // Runs translint in the test's directory; `input` goes to its standard input.
    Result run(const std::string& args, const std::string& input = "") {
        return run_shell("'" TRANSLINT_BINARY "' " + args, input);
    }

    // Runs a shell command in the test's directory.
    Result run_shell(const std::string& command_line, const std::string& input = "") {
        write(".stdin", input);
        const std::string command =
            "cd '" + dir_.string() + "' && " + command_line + " < .stdin > .stdout 2> .stderr";
        const int raw = std::system(command.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir_ / ".stdout"),
                slurp(dir_ / ".stderr")};
    }

    static const ::testing::TestInfo* test_info() {
        return ::testing::UnitTest::GetInstance()->current_test_info();
    }

    fs::path dir_;
};

} // namespace test_support
