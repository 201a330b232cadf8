#include "translint/diagnostic.hpp"

#include <array>
#include <utility>

namespace translint {
namespace {

constexpr std::array<std::pair<Category, std::string_view>, 12> category_names{{
    {Category::spelling, "spelling"},
    {Category::name, "name"},
    {Category::mistranslation, "mistranslation"},
    {Category::terminology, "terminology"},
    {Category::number, "number"},
    {Category::locale, "locale"},
    {Category::typography, "typography"},
    {Category::consistency, "consistency"},
    {Category::untranslated, "untranslated"},
    {Category::script, "script"},
    {Category::grammar, "grammar"},
    {Category::markup, "markup"},
}};

constexpr std::array<std::pair<Severity, std::string_view>, 3> severity_names{{
    {Severity::info, "info"},
    {Severity::warning, "warning"},
    {Severity::error, "error"},
}};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "?";
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view text) {
    for (const auto& [v, name] : table)
        if (name == text) return v;
    return std::nullopt;
}

} // namespace

std::string_view to_string(Severity severity) {
    return name_of(severity_names, severity);
}
std::string_view to_string(Category category) {
    return name_of(category_names, category);
}
std::optional<Severity> parse_severity(std::string_view text) {
    return value_of<Severity>(severity_names, text);
}
std::optional<Category> parse_category(std::string_view text) {
    return value_of<Category>(category_names, text);
}

} // namespace translint
