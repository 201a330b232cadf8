#include "translint/io.hpp"

#include "translint/error.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace translint {
namespace {

namespace fs = std::filesystem;

std::string reason() {
    return std::strerror(errno);
}

FileStamp stamp_of(const struct stat& status) {
    FileStamp stamp;
    stamp.exists = true;
    stamp.device = status.st_dev;
    stamp.inode = status.st_ino;
    stamp.size = static_cast<std::uint64_t>(status.st_size);
    stamp.modified_ns =
        std::int64_t(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec;
    stamp.changed_ns = std::int64_t(status.st_ctim.tv_sec) * 1'000'000'000 + status.st_ctim.tv_nsec;
    return stamp;
}

// Closes a descriptor when it goes out of scope.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    int release() { return std::exchange(fd, -1); }
};

// Writes all of `bytes`; false with errno set on failure.
bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

// The file a write to `path` lands in: the end of its chain of symbolic links.
fs::path link_target(const fs::path& path) {
    fs::path at = path;
    for (int hops = 0;; ++hops) {
        std::error_code error;
        if (!fs::is_symlink(at, error)) return at;
        if (hops == 40)
            throw Error(path.string() + ": cannot write: too many levels of symbolic links");
        const fs::path next = fs::read_symlink(at, error);
        if (error) throw Error(path.string() + ": cannot write: " + error.message());
        at = next.is_absolute() ? next : at.parent_path() / next;
    }
}

void check_unchanged(const fs::path& path, const fs::path& target, const FileStamp* expected) {
    if (expected && file_stamp(target) != *expected)
        throw Error(path.string() + ": changed since translint read it; not overwritten");
}

void write(const fs::path& path, std::string_view bytes, const FileStamp* expected) {
    // A device, a FIFO or a socket is written into: renaming over /dev/null would replace it.
    // Its times move with every write (a terminal's do), so it has no version to compare.
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
        if (S_ISDIR(status.st_mode)) throw Error(path.string() + ": is a directory, not a file");
        Descriptor out{::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)};
        if (out.fd < 0) throw Error(path.string() + ": cannot write: " + reason());
        if (!write_all(out.fd, bytes)) throw Error(path.string() + ": write error: " + reason());
        if (::close(out.release()) != 0) throw Error(path.string() + ": write error: " + reason());
        return;
    }

    const fs::path target = link_target(path);
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // A name of its own per process, thread and call: two writers never share a temporary file.
    static std::atomic<unsigned> calls{0};
    const std::string unique =
        std::to_string(::getpid()) + "-" +
        std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()) % 1000000) + "-" +
        std::to_string(calls++);
    const fs::path temporary =
        directory / ("." + target.filename().string() + ".translint-" + unique);
    // Created with 0666 less the umask, as a new file would be.
    Descriptor out{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)};
    if (out.fd < 0) throw Error(path.string() + ": cannot write: " + reason());
    // From here on, a failure removes the temporary file.
    struct Remove {
        const fs::path& file;
        bool armed = true;
        ~Remove() {
            if (armed) ::unlink(file.c_str());
        }
    } remove{temporary};

    if (!write_all(out.fd, bytes) || ::fsync(out.fd) != 0)
        throw Error(path.string() + ": write error: " + reason());
    struct stat old {};
    if (::stat(target.c_str(), &old) == 0) {
        ::fchmod(out.fd, old.st_mode & 07777);
        // Only root may give a file away; for others the owner stays theirs.
        if (::fchown(out.fd, old.st_uid, old.st_gid) != 0) errno = 0;
    }
    if (::close(out.release()) != 0) throw Error(path.string() + ": write error: " + reason());
    check_unchanged(path, target, expected);
    if (::rename(temporary.c_str(), target.c_str()) != 0)
        throw Error(path.string() + ": cannot write: " + reason());
    remove.armed = false;
    // The new name survives a crash once the directory is on disk too.
    Descriptor parent{::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (parent.fd >= 0) ::fsync(parent.fd);
}

// Appends what `fd` holds up to its end, refusing more than `max_bytes` in all.
void read_all(int fd, const std::string& name, std::size_t max_bytes, std::string& bytes) {
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(name + ": read error: " + reason());
        }
        if (got == 0) return;
        bytes.append(buffer, static_cast<std::size_t>(got));
        if (bytes.size() > max_bytes)
            throw file_too_large(name, "more than " + std::to_string(max_bytes), max_bytes);
    }
}

} // namespace

Error file_too_large(const std::string& path, const std::string& size, std::size_t max_bytes) {
    constexpr std::size_t mib = std::size_t(1) << 20;
    const std::string limit = max_bytes % mib == 0 ? std::to_string(max_bytes / mib) + " MiB"
                                                   : std::to_string(max_bytes) + " bytes";
    return Error(path + ": file too large (" + size + " bytes; the limit is " + limit + ")");
}

FileStamp file_stamp(const std::filesystem::path& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return {};
    return stamp_of(status);
}

std::string read_file(const std::filesystem::path& path) {
    return read_file(path, std::numeric_limits<std::size_t>::max() - 1);
}

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes, FileStamp* stamp) {
    Descriptor in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) throw Error(path.string() + ": cannot read: " + reason());
    struct stat status {};
    if (::fstat(in.fd, &status) != 0) throw Error(path.string() + ": cannot read: " + reason());
    if (S_ISDIR(status.st_mode)) throw Error(path.string() + ": is a directory, not a file");
    // Taken before reading: a change made while the file is read shows as a change.
    if (stamp) *stamp = stamp_of(status);
    std::string bytes;
    if (S_ISREG(status.st_mode)) {
        if (std::uint64_t(status.st_size) > max_bytes)
            throw file_too_large(path.string(), std::to_string(status.st_size), max_bytes);
        bytes.reserve(static_cast<std::size_t>(status.st_size));
    }
    // A FIFO or a device has no size to check first: it is read up to the limit.
    read_all(in.fd, path.string(), max_bytes, bytes);
    return bytes;
}

std::string read_standard_input(std::size_t max_bytes) {
    std::string bytes;
    read_all(STDIN_FILENO, "<stdin>", max_bytes, bytes);
    return bytes;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    write(path, bytes, nullptr);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const FileStamp& expected) {
    write(path, bytes, &expected);
}

} // namespace translint
