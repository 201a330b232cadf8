// Reading files whole, with errors that name the file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace translint {

// Throws translint::Error "path: reason" when the file cannot be read.
std::string read_file(const std::filesystem::path& path);

} // namespace translint

namespace translint {

// Writes to a temporary file beside `path` and renames it into place, so a reader never sees
// half a file. Keeps the permissions of a file it replaces.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace translint
