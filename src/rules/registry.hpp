// The explicit list of rule kinds. A new kind is one file in src/rules/ and one line here.
#pragma once

#include "rules/rule.hpp"

#include <memory>
#include <span>
#include <string_view>

namespace translint {

struct RuleKind {
    std::string_view name;
    std::string_view summary;
    // Builds a rule from its spec; throws translint::Error naming the rule file and line when
    // the options are wrong.
    std::unique_ptr<Rule> (*make)(RuleSpec spec, RuleResources& resources);
};

std::span<const RuleKind> rule_kinds();
const RuleKind* find_rule_kind(std::string_view name);

std::unique_ptr<Rule> make_spelling_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_substitution_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_existence_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_names_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_name_traps_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_broken_number_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_number_format_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_pattern_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_repetition_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_quotes_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_mixed_script_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_foreign_script_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_foreign_language_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_number_mismatch_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_name_mismatch_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_untranslated_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_length_ratio_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_end_punctuation_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_placeholders_rule(RuleSpec spec, RuleResources& resources);
std::unique_ptr<Rule> make_glossary_rule(RuleSpec spec, RuleResources& resources);

} // namespace translint
