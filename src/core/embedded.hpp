// The rule packs and word lists compiled into the library (see cmake/Embed.cmake).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace translint {

struct EmbeddedFile {
    const char* path; // relative to the source tree, e.g. "rules/it/spelling.yaml"
    std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_files();

} // namespace translint
