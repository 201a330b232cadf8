// Kind `placeholders` (bilingual): the placeholders and markup of the source, all of them and no
// others, in the translation. Recognised: printf specifiers (%s, %5.2f, %1$s), Python's
// %(name)s, Qt's %1, brace fields ({name}, {0}, {0:N2}, {}), ICU arguments ({count, plural, ...}:
// the name and type count, the branches are the translator's), mustache ({{name}}), HTML and
// XML tags (by name and direction, not attributes) and XLIFF inline codes (U+FFFC).
#include "core/yaml_util.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <map>
#include <re2/re2.h>

namespace translint {
namespace {

constexpr std::string_view inline_code = "\xEF\xBF\xBC"; // U+FFFC

struct Placeholder {
    // What must be the same on both sides: the specifier as written, a tag's name and direction,
    // an ICU argument's name and type.
    std::string key;
    text::Span span;
    // printf without a position, and {}: their order is the order of the arguments.
    bool ordered = false;
    // Whether the source's may replace a wrong one as it stands: not an ICU argument, whose
    // branches are in the source's language, nor an inline code, which is no text.
    bool suggestible = true;
};

// Printf with an optional position (group 1), Python's named form, Qt's numbered one.
const RE2& percent_pattern() {
    static const RE2 pattern(R"((%(?:([1-9]\d*)\$)?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?)"
                             R"((?:hh|h|ll|l|L|q|j|z|t|I64|I32|I)?[diouxXeEfFgGaAcCsSpn@]))"
                             R"(|(%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]))"
                             R"(|(%L?[1-9]\d?))");
    return pattern;
}

// <b>, </b>, <br/>, <a href="...">: the name (group 2), a closing slash before it (group 1),
// attributes (group 3) or a self-closing slash after (group 4).
const RE2& tag_pattern() {
    static const RE2 pattern(R"(<(/?)([A-Za-z][A-Za-z0-9:._-]*)(\s[^<>]*?)?\s*(/?)>)");
    return pattern;
}

// HTML's elements of text: "<b>" is markup where "<name>" and "<tree-ish>" in a usage line
// are words for the user to replace, and translated as words.
bool html_element(std::string_view name) {
    static constexpr std::string_view elements[] = {
        "a",     "abbr",   "b",      "bdi", "bdo", "big",   "blockquote", "br",  "button", "cite",
        "code",  "dd",     "del",    "dfn", "div", "dl",    "dt",         "em",  "font",   "h1",
        "h2",    "h3",     "h4",     "h5",  "h6",  "hr",    "i",          "img", "ins",    "kbd",
        "label", "li",     "mark",   "ol",  "p",   "pre",   "q",          "s",   "samp",   "small",
        "span",  "strike", "strong", "sub", "sup", "table", "tbody",      "td",  "th",     "thead",
        "tr",    "tt",     "u",      "ul",  "var", "wbr"};
    return std::find(std::begin(elements), std::end(elements), name) != std::end(elements);
}

// One string from pieces (and no "literal" + std::string, which GCC 12 warns about wrongly).
std::string joined(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (std::string_view piece : pieces)
        out += piece;
    return out;
}

// The argument types of ICU MessageFormat.
bool icu_type(std::string_view word) {
    static constexpr std::string_view types[] = {"plural",  "select",  "selectordinal", "number",
                                                 "date",    "time",    "choice",        "spellout",
                                                 "ordinal", "duration"};
    return std::find(std::begin(types), std::end(types), word) != std::end(types);
}

bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
        ++at;
    return at;
}

// Where each '{' closes, found in one pass, so that a text full of unclosed braces is still read
// in linear time.
class BraceMatches {
public:
    explicit BraceMatches(std::string_view text) {
        std::vector<std::size_t> open; // indices into pairs_
        for (std::size_t at = 0; at < text.size(); ++at) {
            if (text[at] == '{') {
                open.push_back(pairs_.size());
                pairs_.push_back({at, std::string_view::npos});
            } else if (text[at] == '}' && !open.empty()) {
                pairs_[open.back()].second = at;
                open.pop_back();
            }
        }
    }

    // The offset just past the '}' that closes the '{' at `open`, nested braces counted.
    std::optional<std::size_t> past_closing(std::size_t open) const {
        const auto pair = std::lower_bound(pairs_.begin(), pairs_.end(), open,
                                           [](const std::pair<std::size_t, std::size_t>& p,
                                              std::size_t at) { return p.first < at; });
        if (pair == pairs_.end() || pair->first != open || pair->second == std::string_view::npos)
            return std::nullopt;
        return pair->second + 1;
    }

private:
    std::vector<std::pair<std::size_t, std::size_t>> pairs_; // each '{' and its '}' (or npos)
};

// {{name}}, {{{name}}}, {{#section}}: a mustache tag with one word inside.
std::optional<Placeholder> mustache_at(std::string_view text, std::size_t at) {
    const std::size_t braces = text.compare(at, 3, "{{{") == 0 ? 3 : 2;
    std::size_t begin = skip_spaces(text, at + braces);
    if (begin < text.size() &&
        std::string_view("#/^>&!").find(text[begin]) != std::string_view::npos)
        begin = skip_spaces(text, begin + 1);
    std::size_t name_end = begin;
    while (name_end < text.size() && name_char(text[name_end]))
        ++name_end;
    const std::size_t end = skip_spaces(text, name_end);
    const std::string closing(braces, '}');
    if (name_end == begin || text.compare(end, braces, closing) != 0) return std::nullopt;
    std::string key(text.substr(at, end - at));
    std::erase(key, ' ');
    std::erase(key, '\t');
    return Placeholder{key + closing, {at, end + braces - at}};
}

// {name}, {0}, {}, {0:N2}, {name!r}, {0,-10}, {count, plural, one {...} other {...}}.
std::optional<Placeholder> brace_field_at(std::string_view text, std::size_t at,
                                          const BraceMatches& braces) {
    if (text.compare(at, 2, "{{") == 0) return mustache_at(text, at);
    const std::size_t name_begin = skip_spaces(text, at + 1);
    std::size_t name_end = name_begin;
    while (name_end < text.size() && name_char(text[name_end]))
        ++name_end;
    const std::string_view name = text.substr(name_begin, name_end - name_begin);
    if (!name.empty() && name.front() == '-') return std::nullopt;
    std::size_t next = skip_spaces(text, name_end);
    if (next >= text.size()) return std::nullopt;
    if (text[next] == '}')
        return Placeholder{joined({"{", name, "}"}), {at, next + 1 - at}, name.empty()};
    if (text[next] == ':' || text[next] == '!') {
        // A format spec may hold nested fields ({0:{width}}), and is part of what must match.
        const auto end = braces.past_closing(at);
        if (!end) return std::nullopt;
        return Placeholder{
            joined({"{", name, text.substr(next, *end - next)}), {at, *end - at}, name.empty()};
    }
    if (text[next] != ',' || name.empty()) return std::nullopt;
    next = skip_spaces(text, next + 1);
    std::size_t word_end = next;
    while (word_end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[word_end])) || text[word_end] == '-'))
        ++word_end;
    const std::string_view word = text.substr(next, word_end - next);
    const auto end = braces.past_closing(at);
    if (!end) return std::nullopt;
    if (icu_type(word))
        return Placeholder{joined({"{", name, ", ", word, "}"}), {at, *end - at}, false, false};
    // .NET's alignment: {0,-10} or {0,10:N2}.
    const bool alignment =
        !word.empty() && std::all_of(word.begin() + (word.front() == '-'), word.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
    if (!alignment || word == "-") return std::nullopt;
    std::string key(text.substr(at, *end - at));
    std::erase(key, ' ');
    return Placeholder{std::move(key), {at, *end - at}};
}

std::vector<Placeholder> find_placeholders(std::string_view text) {
    std::vector<Placeholder> found;
    const re2::StringPiece input(text.data(), text.size());
    const BraceMatches braces(text);
    for (std::size_t at = 0; at < text.size();) {
        const char c = text[at];
        std::optional<Placeholder> placeholder;
        if (c == '%') {
            if (text.compare(at, 2, "%%") == 0) {
                at += 2;
                continue;
            }
            re2::StringPiece groups[5];
            if (percent_pattern().Match(input, at, text.size(), RE2::ANCHOR_START, groups, 5)) {
                const std::string_view match(groups[0].data(), groups[0].size());
                placeholder = Placeholder{
                    std::string(match), {at, match.size()}, groups[1].data() && !groups[2].data()};
            }
        } else if (c == '{') {
            placeholder = brace_field_at(text, at, braces);
        } else if (c == '<') {
            re2::StringPiece groups[5];
            if (tag_pattern().Match(input, at, text.size(), RE2::ANCHOR_START, groups, 5)) {
                const std::string name =
                    text::to_lower(std::string_view(groups[2].data(), groups[2].size()));
                // Markup shows itself by a known name, a closing or self-closing slash, or
                // attributes (name="value"): "<espressione albero>" is two words.
                const std::string_view attributes(groups[3].data(), groups[3].size());
                if (html_element(name) || !groups[1].empty() ||
                    attributes.find('=') != std::string_view::npos || !groups[4].empty())
                    placeholder = Placeholder{joined({"<", groups[1].empty() ? "" : "/", name,
                                                      groups[4].empty() ? "" : "/", ">"}),
                                              {at, groups[0].size()}};
            }
        } else if (text.compare(at, inline_code.size(), inline_code) == 0) {
            placeholder =
                Placeholder{std::string(inline_code), {at, inline_code.size()}, false, false};
        }
        if (placeholder) {
            at = placeholder->span.end();
            found.push_back(std::move(*placeholder));
        } else {
            ++at;
        }
    }
    return found;
}

// What a reader sees in a message: the placeholder as the source wrote it.
std::string shown(std::string_view as_written) {
    return as_written == inline_code ? "an inline code (U+FFFC)" : joined({"'", as_written, "'"});
}

// Placeholders of the same family can stand for one another: "%d" where the source has "%s".
char family(const std::string& key) {
    return key.starts_with(inline_code) ? 'c' : key.front();
}

class PlaceholdersRule final : public Rule {
public:
    PlaceholdersRule(RuleSpec spec, RuleResources&)
        : Rule(std::move(spec)) {
        const RuleSpec& s = this->spec();
        yaml::Mapping(s.file, s.options, "the options of '" + s.id + "'").finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view target = context.text();
        // An empty translation is the untranslated rules' to report.
        if (!context.source() || target.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return;
        const std::string_view source = *context.source();
        const std::vector<Placeholder> in_source = find_placeholders(source);
        const std::vector<Placeholder> in_target = find_placeholders(target);
        if (in_source.empty() && in_target.empty()) return;

        // Compared as multisets: what the source has more of is missing, what the translation
        // has more of is extra (its last occurrences).
        std::map<std::string, std::vector<const Placeholder*>> by_key_source, by_key_target;
        for (const Placeholder& p : in_source)
            by_key_source[p.key].push_back(&p);
        for (const Placeholder& p : in_target)
            by_key_target[p.key].push_back(&p);
        std::vector<const Placeholder*> missing, extra;
        for (const auto& [key, occurrences] : by_key_source) {
            const std::size_t translated = by_key_target.count(key) ? by_key_target[key].size() : 0;
            for (std::size_t i = translated; i < occurrences.size(); ++i)
                missing.push_back(occurrences[i]);
        }
        for (const auto& [key, occurrences] : by_key_target) {
            const std::size_t original = by_key_source.count(key) ? by_key_source[key].size() : 0;
            for (std::size_t i = original; i < occurrences.size(); ++i)
                extra.push_back(occurrences[i]);
        }
        const auto by_position = [](const Placeholder* a, const Placeholder* b) {
            return a->span.offset < b->span.offset;
        };
        std::sort(missing.begin(), missing.end(), by_position);
        std::sort(extra.begin(), extra.end(), by_position);

        // An extra placeholder takes the place of the first missing one of its family.
        for (const Placeholder* added : extra) {
            const auto replaced = std::find_if(missing.begin(), missing.end(), [&](const auto* p) {
                return p && family(p->key) == family(added->key);
            });
            const std::string found = shown(target.substr(added->span.offset, added->span.length));
            Diagnostic d = diagnose(context, added->span);
            if (replaced != missing.end()) {
                const std::string original(
                    source.substr((*replaced)->span.offset, (*replaced)->span.length));
                d.message = found + " stands where the source has " + shown(original);
                if ((*replaced)->suggestible) d.suggestions.push_back(original);
                *replaced = nullptr;
            } else {
                d.message = found + " is not in the source";
            }
            out.push_back(std::move(d));
        }
        for (const Placeholder* lost : missing) {
            if (!lost) continue;
            Diagnostic d = diagnose(context, {0, 0});
            d.message = "the source has " +
                        shown(source.substr(lost->span.offset, lost->span.length)) +
                        " and the translation does not";
            out.push_back(std::move(d));
        }
        if (!extra.empty() ||
            std::any_of(missing.begin(), missing.end(), [](const auto* p) { return p != nullptr; }))
            return;

        // Arguments without a position are taken in order: the types must keep it.
        std::vector<const Placeholder*> ordered_source, ordered_target;
        for (const Placeholder& p : in_source)
            if (p.ordered) ordered_source.push_back(&p);
        for (const Placeholder& p : in_target)
            if (p.ordered) ordered_target.push_back(&p);
        for (std::size_t i = 0; i < ordered_target.size(); ++i) {
            if (ordered_target[i]->key == ordered_source[i]->key) continue;
            Diagnostic d = diagnose(context, ordered_target[i]->span);
            d.message = "'" + ordered_target[i]->key + "' comes where the source has '" +
                        ordered_source[i]->key +
                        "': arguments without a position keep the source's order";
            out.push_back(std::move(d));
            return;
        }
    }
};

} // namespace

std::unique_ptr<Rule> make_placeholders_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<PlaceholdersRule>(std::move(spec), resources);
}

} // namespace translint
