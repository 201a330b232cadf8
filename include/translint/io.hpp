// Reading files whole, with errors that name the file, and replacing them without losing a byte.
#pragma once

#include "translint/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

namespace translint {

// One version of a file: a write or a replacement changes it. Taken when a file is read, and
// compared before the file is written again, so that a change made meanwhile by someone else is
// not overwritten.
struct FileStamp {
    bool exists = false;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0; // mtime
    std::int64_t changed_ns = 0;  // ctime: moves with every write, and cannot be set back
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// The stamp of what `path` names now, following symbolic links; `exists` is false when nothing
// is there.
FileStamp file_stamp(const std::filesystem::path& path);

// Throws translint::Error "path: reason" when the file cannot be read.
std::string read_file(const std::filesystem::path& path);
// The same, refusing a file longer than `max_bytes` ("path: file too large …") before reading it
// all, and giving the stamp of the version read when `stamp` is not null.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes,
                      FileStamp* stamp = nullptr);
// Standard input up to its end, refusing more than `max_bytes` ("<stdin>: file too large …").
// It reads the descriptor, not std::cin, whose reads flush std::cout: a thread reading the input
// must not write into a report that another thread is writing.
std::string read_standard_input(std::size_t max_bytes);
// "path: file too large (SIZE bytes; the limit is N MiB)": `size` says how large, "123" or
// "more than 123".
Error file_too_large(const std::string& path, const std::string& size, std::size_t max_bytes);

} // namespace translint

namespace translint {

// Writes to a temporary file beside `path` and renames it into place, so a reader never sees
// half a file. Keeps the permissions (and, where allowed, the owner) of a file it replaces. A
// symbolic link is followed: the file it leads to is replaced, and the link stays. A target
// that is not a regular file (a FIFO, /dev/null, /dev/stdout) is written in place, not replaced.
// On failure the temporary file is removed, the target is untouched, and translint::Error
// "path: reason" is thrown.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);
// The same, but refuses with translint::Error "path: changed since translint read it; not
// overwritten" when the regular file is no longer the version `expected` stamps (one that did
// not exist then, and exists now, has changed too).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const FileStamp& expected);

} // namespace translint
