#include "rules/rule_loader.hpp"

#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "translint/error.hpp"

#include <filesystem>

namespace translint {
namespace {

constexpr std::string_view open_mark = "[[", close_mark = "]]";

RuleExample parse_example(const std::string& path, const YAML::Node& node, bool bad) {
    RuleExample example;
    example.bad = bad;
    example.line = yaml::line_of(node);
    std::string text;
    if (node.IsMap()) {
        yaml::Mapping map(path, node, "an example");
        text = map.string("text");
        if (map.has("fix")) {
            if (!bad) map.fail(node, "a good example cannot have a fix");
            example.fix = map.string("fix");
        }
        if (map.has("source")) example.source = map.string("source");
        if (map.has("source_lang")) example.source_language = map.string("source_lang");
        if (map.has("lang")) example.language = map.string("lang");
        example.needs_review = map.boolean("review", false);
        map.finish();
    } else {
        text = yaml::scalar(path, node, "an example");
    }
    const std::size_t open = text.find(open_mark);
    std::size_t close =
        open == std::string::npos ? std::string::npos : text.find(close_mark, open + 2);
    // In "[[[foto]]]" the span is "[foto]": the marker is the last two brackets of the run.
    while (close != std::string::npos && close + 2 < text.size() && text[close + 2] == ']')
        ++close;
    if (!bad) {
        if (text.find(open_mark) != std::string::npos)
            yaml::fail(path, node, "a good example must not mark a span with [[ ]]");
        example.text = std::move(text);
        return example;
    }
    if (close == std::string::npos)
        yaml::fail(path, node, "a bad example must mark the expected span as [[text]]");
    example.text =
        text.substr(0, open) + text.substr(open + 2, close - open - 2) + text.substr(close + 2);
    example.expected = {open, close - open - 2};
    return example;
}

RuleSpec parse_rule(const std::string& path, const YAML::Node& node, const std::string& language) {
    yaml::Mapping map(path, node, "a rule");
    RuleSpec spec;
    spec.file = path;
    spec.line = yaml::line_of(node);
    spec.language = language;
    spec.id = map.string("id");
    spec.kind = map.string("kind");
    if (!find_rule_kind(spec.kind)) {
        std::string known;
        for (const RuleKind& kind : rule_kinds())
            known += (known.empty() ? "" : ", ") + std::string(kind.name);
        map.fail(map.get("kind"), "unknown rule kind '" + spec.kind + "' (known: " + known + ")");
    }
    const std::string category = map.string("category");
    if (auto parsed = parse_category(category))
        spec.category = *parsed;
    else
        map.fail(map.get("category"), "unknown category '" + category + "'");
    const std::string severity = map.string("severity", "warning");
    if (auto parsed = parse_severity(severity))
        spec.severity = *parsed;
    else
        map.fail(map.get("severity"),
                 "severity must be error, warning or info, not '" + severity + "'");
    spec.message = map.string("message");
    spec.description = map.string("description", "");
    spec.enabled_by_default = map.boolean("enabled", true);
    // A rule without options keeps a null node: assigning a missing one would throw.
    if (YAML::Node options = map.get("options")) {
        if (!options.IsMap()) map.fail(options, "'options' must be a mapping");
        spec.options = options;
    }
    if (YAML::Node examples = map.get("examples")) {
        yaml::Mapping sets(path, examples, "'examples'");
        for (const char* which : {"bad", "good"}) {
            YAML::Node list = sets.get(which);
            if (!list) continue;
            if (!list.IsSequence()) sets.fail(list, std::string("'") + which + "' must be a list");
            for (const YAML::Node& item : list)
                spec.examples.push_back(
                    parse_example(path, item, std::string_view(which) == "bad"));
        }
        sets.finish();
    }
    map.finish();
    return spec;
}

} // namespace

std::string language_of_rule_path(const std::string& path) {
    const std::string directory = std::filesystem::path(path).parent_path().filename().string();
    return directory == "common" ? "" : directory;
}

std::vector<RuleSpec> parse_rule_file(const std::string& path, std::string_view text,
                                      std::string language) {
    const YAML::Node root = yaml::parse(path, text);
    if (root.IsNull()) return {};
    yaml::Mapping file(path, root, "a rule file");
    language = file.string("language", language);
    YAML::Node rules = file.get("rules");
    if (!rules || !rules.IsSequence())
        file.fail(rules ? rules : root, "a rule file needs a 'rules:' list");
    file.finish();
    std::vector<RuleSpec> specs;
    for (const YAML::Node& node : rules)
        specs.push_back(parse_rule(path, node, language));
    return specs;
}

} // namespace translint
