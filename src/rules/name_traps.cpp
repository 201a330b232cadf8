// Kind `name-traps`: a surname that machine translation rendered as a common noun, as Musk
// («Маск») becomes «maschera». The noun is flagged only where the document is about that person
// (their name appears in it) and the noun is not used literally (indossava una maschera).
#include "core/yaml_util.hpp"
#include "names/gazetteer.hpp"
#include "rules/registry.hpp"
#include "text/unicode.hpp"

#include <array>
#include <cctype>
#include <map>
#include <set>

namespace translint {
namespace {

class NameTrapsRule final : public Rule {
public:
    NameTrapsRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec))
        , gazetteer_(resources.gazetteer()) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        for (const std::string& word : options.strings("literal_before"))
            literal_before_.insert(word);
        for (const std::string& word : options.strings("literal_after"))
            literal_after_.insert(word);
        window_ = options.count("window", 3);
        options.finish();
        for (const auto& [noun, entities] : gazetteer_.traps(s.language))
            for (std::size_t e : entities)
                if (gazetteer_.entities()[e].type == "person") {
                    by_surname_[surname(e, s.language)].push_back(e);
                    trap_first_[static_cast<unsigned char>(noun[0])] = true;
                    trap_first_[static_cast<unsigned char>(
                        std::toupper(static_cast<unsigned char>(noun[0])))] = true;
                }
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const auto& traps = gazetteer_.traps(spec().language);
        if (traps.empty()) return;
        const std::string_view text = context.text();
        const auto& tokens = context.words();
        auto word = [&](std::size_t i) {
            return text.substr(tokens[i].span.offset, tokens[i].span.length);
        };
        // The person is the subject when the text names them in full, or by surname again and
        // again (a surname such as West also starts place names, but is not repeated alone).
        std::map<std::size_t, std::size_t> surname_count;
        std::set<std::size_t> mentioned;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            // Surnames are capitalised: most words are skipped on their first byte.
            const unsigned char first = static_cast<unsigned char>(text[tokens[i].span.offset]);
            if (first >= 'a' && first <= 'z') continue;
            auto it = by_surname_.find(word(i));
            if (it == by_surname_.end()) continue;
            for (std::size_t e : it->second) {
                const auto& name = gazetteer_.tokens(e, spec().language);
                if (++surname_count[e] >= 3 ||
                    (name.size() > 1 && i > 0 && word(i - 1) == name[name.size() - 2]))
                    mentioned.insert(e);
            }
        }
        if (mentioned.empty()) return;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!trap_first_[static_cast<unsigned char>(text[tokens[i].span.offset])]) continue;
            std::string lower(word(i));
            lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
            auto trap = traps.find(lower);
            if (trap == traps.end()) continue;
            for (std::size_t e : trap->second) {
                if (!mentioned.count(e) || literal(context, i)) continue;
                out.push_back(diagnose(context, tokens[i].span, {surname(e, spec().language)}));
                break;
            }
        }
    }

private:
    std::string surname(std::size_t entity, std::string_view language) const {
        const auto& tokens = gazetteer_.tokens(entity, language);
        return tokens.empty() ? std::string() : tokens.back();
    }

    // A verb of wearing before the noun, or a complement that only an object takes after it.
    bool literal(const SegmentContext& context, std::size_t index) const {
        const auto& tokens = context.words();
        const std::string_view text = context.text();
        for (std::size_t k = index > window_ ? index - window_ : 0; k < index; ++k)
            if (literal_before_.count(
                    text::to_lower(text.substr(tokens[k].span.offset, tokens[k].span.length))))
                return true;
        std::string after;
        for (std::size_t k = index + 1; k < tokens.size() && k <= index + 2; ++k) {
            after += (after.empty() ? "" : " ") +
                     text::to_lower(text.substr(tokens[k].span.offset, tokens[k].span.length));
            if (literal_after_.count(after)) return true;
        }
        return false;
    }

    const names::Gazetteer& gazetteer_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_surname_;
    std::set<std::string, std::less<>> literal_before_;
    std::set<std::string, std::less<>> literal_after_;
    std::size_t window_ = 3;
    std::array<bool, 256> trap_first_{}; // the first bytes of trap nouns, in either case
};

} // namespace

std::unique_ptr<Rule> make_name_traps_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<NameTrapsRule>(std::move(spec), resources);
}

} // namespace translint
