#include "names/read_back_table.hpp"

#include "core/lines.hpp"

#include <algorithm>

namespace translint::names {

ReadBackTable::ReadBackTable(std::string_view text) {
    for_each_line(text, [&](std::size_t, std::string_view line) {
        const std::size_t tab = line.rfind('\t');
        if (tab == std::string_view::npos || tab < 2) return;
        entries_.push_back({line.substr(0, tab), line.substr(tab + 1)});
    });
}

const std::string_view* ReadBackTable::find(bool ukrainian, std::string_view cyrillic) const {
    const auto before = [&](const Entry& entry) {
        const std::string_view key = entry.key;
        const char scheme = ukrainian ? 'u' : 'r';
        return key[0] != scheme ? key[0] < scheme : key.substr(2) < cyrillic;
    };
    const auto it = std::partition_point(entries_.begin(), entries_.end(), before);
    if (it == entries_.end() || it->key[0] != (ukrainian ? 'u' : 'r') ||
        it->key.substr(2) != cyrillic)
        return nullptr;
    return &it->latin;
}

std::string ReadBackTable::line(bool ukrainian, std::string_view cyrillic, std::string_view latin) {
    return std::string(ukrainian ? "u" : "r") + '\t' + std::string(cyrillic) + '\t' +
           std::string(latin);
}

std::string ReadBackTable::format(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    std::string text;
    for (const std::string& line : lines)
        (text += line) += '\n';
    return text;
}

} // namespace translint::names
