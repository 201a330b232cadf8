// Language tags as files and term bases write them.
#pragma once

#include <string>
#include <string_view>

namespace translint {

// The language without region or script, in lower case: "it" for "it-IT", "it_IT" and " IT ".
inline std::string primary_language(std::string_view tag) {
    const std::size_t begin = tag.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    tag = tag.substr(begin, tag.find_last_not_of(" \t") + 1 - begin);
    std::string primary(tag.substr(0, tag.find_first_of("-_")));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return primary;
}

} // namespace translint
