// Word lists: UTF-8, one word per line, '#' starts a comment line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace translint::spell {

// Throws translint::Error "path:line: reason" for invalid UTF-8 or a line with spaces inside.
std::vector<std::string> parse_word_list(const std::string& path, std::string_view text);

} // namespace translint::spell
