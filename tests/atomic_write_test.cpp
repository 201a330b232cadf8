// Writing files without losing a byte: write_file_atomically replaces a file whole or not at
// all, keeps its permissions, writes through symbolic links, leaves no temporary file behind,
// and refuses to overwrite a file that changed since translint read it. The report and baseline
// writes of the executable use it.
#include "cli_support.hpp"
#include "translint/error.hpp"
#include "translint/io.hpp"

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace test_support;
using translint::Error;
using translint::file_stamp;
using translint::FileStamp;
using translint::read_file;
using translint::write_file_atomically;

namespace {

class AtomicWrite : public Cli {
protected:
    // The names in the test's directory, but the files the Cli fixture keeps there.
    std::vector<std::string> names() const {
        std::vector<std::string> all;
        for (const auto& entry : fs::directory_iterator(dir_))
            if (const std::string name = entry.path().filename().string();
                !name.starts_with(".std"))
                all.push_back(name);
        std::sort(all.begin(), all.end());
        return all;
    }

    // The message of the translint::Error that `write` throws, or "" when it throws none.
    template <typename Write> static std::string error_of(Write write) {
        try {
            write();
        } catch (const Error& e) {
            return e.what();
        }
        return "";
    }
};

} // namespace

TEST_F(AtomicWrite, ReplacesTheFileAndKeepsItsPermissions) {
    write("words.txt", "Roma\n");
    fs::permissions(dir_ / "words.txt",
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    write_file_atomically(dir_ / "words.txt", "Roma\nMilano\n");
    EXPECT_EQ("Roma\nMilano\n", slurp(dir_ / "words.txt"));
    EXPECT_EQ(fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read,
              fs::status(dir_ / "words.txt").permissions());
    // A new file is made as any other would be.
    write_file_atomically(dir_ / "new.txt", "");
    EXPECT_EQ("", slurp(dir_ / "new.txt"));
    EXPECT_EQ((std::vector<std::string>{"new.txt", "words.txt"}), names());
}

TEST_F(AtomicWrite, WritesThroughASymbolicLink) {
    write("real/words.txt", "Roma\n");
    fs::create_symlink("real/words.txt", dir_ / "link.txt");
    fs::create_symlink(dir_ / "link.txt", dir_ / "chain.txt");
    write_file_atomically(dir_ / "chain.txt", "Milano\n");
    EXPECT_TRUE(fs::is_symlink(dir_ / "chain.txt"));
    EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
    EXPECT_EQ("Milano\n", slurp(dir_ / "real/words.txt"));
    EXPECT_EQ((std::vector<std::string>{"words.txt"}), [&] {
        std::vector<std::string> all;
        for (const auto& entry : fs::directory_iterator(dir_ / "real"))
            all.push_back(entry.path().filename().string());
        return all;
    }()) << "the temporary file is made beside the link's target, and renamed onto it";
    // A link to a file not yet there makes the file, and stays a link.
    fs::create_symlink("real/later.txt", dir_ / "dangling.txt");
    write_file_atomically(dir_ / "dangling.txt", "Torino\n");
    EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.txt"));
    EXPECT_EQ("Torino\n", slurp(dir_ / "real/later.txt"));
    // A loop of links is an error, not an endless walk.
    fs::create_symlink("b.txt", dir_ / "a.txt");
    fs::create_symlink("a.txt", dir_ / "b.txt");
    EXPECT_EQ((dir_ / "a.txt").string() + ": cannot write: too many levels of symbolic links",
              error_of([&] { write_file_atomically(dir_ / "a.txt", "x"); }));
}

TEST_F(AtomicWrite, AFileChangedSinceItWasReadIsNotOverwritten) {
    const fs::path path = dir_ / "words.txt";
    write("words.txt", "Roma\n");
    FileStamp read;
    EXPECT_EQ("Roma\n", read_file(path, 1 << 20, &read));
    EXPECT_TRUE(read.exists);
    // Someone else edits the file in between: same size, new contents.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write("words.txt", "Bari\n");
    EXPECT_EQ(path.string() + ": changed since translint read it; not overwritten",
              error_of([&] { write_file_atomically(path, "Roma\nMilano\n", read); }));
    EXPECT_EQ("Bari\n", slurp(path));
    // Replaced by another file (an editor's own atomic save).
    read = file_stamp(path);
    write("other.txt", "Bari\n");
    fs::rename(dir_ / "other.txt", path);
    EXPECT_NE("", error_of([&] { write_file_atomically(path, "x", read); }));
    // A file that was not there when read, and is now.
    const FileStamp none = file_stamp(dir_ / "later.txt");
    EXPECT_FALSE(none.exists);
    write("later.txt", "Napoli\n");
    EXPECT_NE("", error_of([&] { write_file_atomically(dir_ / "later.txt", "x", none); }));
    EXPECT_EQ("Napoli\n", slurp(dir_ / "later.txt"));
    // Unchanged, it is written; and nothing but the files is left.
    read = file_stamp(path);
    write_file_atomically(path, "Bari\nLecce\n", read);
    EXPECT_EQ("Bari\nLecce\n", slurp(path));
    write_file_atomically(dir_ / "fresh.txt", "Lecce\n", file_stamp(dir_ / "fresh.txt"));
    EXPECT_EQ((std::vector<std::string>{"fresh.txt", "later.txt", "words.txt"}), names());
}

TEST_F(AtomicWrite, NoTemporaryFileIsLeftWhenAWriteFails) {
    write("words.txt", "Roma\n");
    // A file size limit makes the write of the temporary file fail half-way, as a full disk
    // would; in a child process, so the limit stays there.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            write_file_atomically(dir_ / "words.txt", std::string(100000, 'x'));
        } catch (const Error& e) {
            const std::string message = e.what();
            ::_exit(message.find("words.txt: write error: File too large") != std::string::npos
                        ? 0
                        : 3);
        }
        ::_exit(4);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(0, WEXITSTATUS(status));
    EXPECT_EQ("Roma\n", slurp(dir_ / "words.txt"));
    // A directory where the temporary file cannot be made, and a target that is a directory.
    EXPECT_NE("", error_of([&] { write_file_atomically(dir_ / "no/such/dir.txt", "x"); }));
    fs::create_directory(dir_ / "sub");
    EXPECT_EQ((dir_ / "sub").string() + ": is a directory, not a file",
              error_of([&] { write_file_atomically(dir_ / "sub", "x"); }));
    EXPECT_EQ((std::vector<std::string>{"sub", "words.txt"}), names());
}

TEST_F(AtomicWrite, AFifoIsWrittenIntoNotReplaced) {
    const fs::path fifo = dir_ / "pipe";
    ASSERT_EQ(0, ::mkfifo(fifo.c_str(), 0600));
    std::string received;
    std::thread reader([&] { received = slurp(fifo); });
    write_file_atomically(fifo, "Roma\n");
    reader.join();
    EXPECT_EQ("Roma\n", received);
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_EQ((std::vector<std::string>{"pipe"}), names());
}

// The executable takes the output file's stamp when it starts, and a report or a baseline does
// not replace an output file that someone changed during the run.
TEST_F(AtomicWrite, TheReportDoesNotReplaceAnOutputFileChangedDuringTheRun) {
    for (const std::string command : {"check --format json", "baseline"}) {
        SCOPED_TRACE(command);
        fs::remove(dir_ / "out.json");
        fs::remove(dir_ / "in.fifo");
        for (const bool change : {false, true}) {
            write("out.json", "an earlier report\n");
            // translint reads its text from a FIFO, so it waits, with the output file's stamp
            // taken, until the test has changed the file (or not).
            write("run.sh", "mkfifo in.fifo\n"
                            "'" TRANSLINT_BINARY "' " +
                                command +
                                " --lang it --quiet --output out.json - "
                                "< in.fifo > run.out 2> run.err &\n"
                                "pid=$!\n"
                                "exec 3> in.fifo\n"
                                "for i in $(seq 1 1200); do\n"
                                "  grep -qs '^0 0x0 ' /proc/$pid/task/*/syscall && break\n"
                                "  grep -qsx 'pipe_read' /proc/$pid/task/*/wchan && break\n"
                                "  sleep 0.1\n"
                                "done\n" +
                                (change ? "echo 'an edit of its own' > out.json\n" : "") +
                                "echo 'Ilon Musk ha parlato.' >&3\n"
                                "exec 3>&-\n"
                                "wait $pid\n"
                                "echo $?\n"
                                "rm in.fifo run.sh\n");
            const Result r = run_shell("sh run.sh");
            const std::string err = slurp(dir_ / "run.err");
            if (change) {
                EXPECT_EQ("2\n", r.out) << err;
                EXPECT_EQ("translint: error: out.json: changed since translint read it; not "
                          "overwritten\n",
                          err);
                EXPECT_EQ("an edit of its own\n", slurp(dir_ / "out.json"));
            } else {
                EXPECT_EQ(command == "baseline" ? "0\n" : "1\n", r.out) << err;
                EXPECT_NE(std::string::npos, slurp(dir_ / "out.json").find("Ilon")) << err;
            }
            EXPECT_EQ((std::vector<std::string>{"out.json", "run.err", "run.out"}), names());
        }
    }
}
