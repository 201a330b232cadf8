// Reading rule packs: YAML files with a list of rules, each with its examples.
#pragma once

#include "rules/rule.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace translint {

// Parses one rule file. `language` is the pack's language ("it", "en", or empty for common
// rules); a file may set its own with a top-level `language:` key. Throws translint::Error
// naming the file, line and reason.
std::vector<RuleSpec> parse_rule_file(const std::string& path, std::string_view text,
                                      std::string language);

// The language of a rule file from its directory: rules/it/x.yaml -> "it", rules/common -> "".
std::string language_of_rule_path(const std::string& path);

} // namespace translint
