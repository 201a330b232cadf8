#include "rules/registry.hpp"

namespace translint {

std::span<const RuleKind> rule_kinds() {
    static const RuleKind kinds[] = {
        {"spelling", "words the Hunspell dictionary does not know", make_spelling_rule},
        {"substitution", "a word, phrase or pattern with a preferred replacement",
         make_substitution_rule},
        {"existence", "a word, phrase or pattern that should not appear", make_existence_rule},
        {"names",
         "names garbled by transliteration, checked against the gazetteer and the document",
         make_names_rule},
        {"name-traps", "a surname translated as a common noun (Musk as 'maschera')",
         make_name_traps_rule},
        {"broken-number", "one number split by a line break or a space (15.\\n\\n000)",
         make_broken_number_rule},
        {"number-format",
         "separators, currency and percent signs in another language's conventions (ICU data)",
         make_number_format_rule},
        {"pattern", "a raw pattern anywhere in the text, with an optional rewrite (typography)",
         make_pattern_rule},
        {"repetition", "a word or a phrase said twice in a row", make_repetition_rule},
        {"quotes", "unbalanced quotation marks and brackets, and mixed quotation styles",
         make_quotes_rule},
        {"mixed-script", "a word that mixes writing systems (a Cyrillic о in a Latin word)",
         make_mixed_script_rule},
        {"foreign-script", "text in a script the document's language does not use",
         make_foreign_script_rule},
        {"foreign-language", "a phrase in another language of the same script, untranslated",
         make_foreign_language_rule},
        {"number-mismatch",
         "bilingual: a number of the source changed or missing in the translation",
         make_number_mismatch_rule},
        {"name-mismatch",
         "bilingual: a name of the source garbled, translated as a noun or missing, across scripts",
         make_name_mismatch_rule},
        {"untranslated",
         "bilingual: an empty translation, a copy of the source, source text left inside, or "
         "a fuzzy unit",
         make_untranslated_rule},
        {"length-ratio", "bilingual: a translation far shorter or longer than its source",
         make_length_ratio_rule},
        {"end-punctuation",
         "bilingual: the translation ends with other punctuation than the source",
         make_end_punctuation_rule},
        {"placeholders",
         "bilingual: the placeholders, tags and inline codes of the source, all and only them",
         make_placeholders_rule},
        {"glossary", "terms from the project's term bases: required renderings, forbidden ones",
         make_glossary_rule},
    };
    return kinds;
}

const RuleKind* find_rule_kind(std::string_view name) {
    for (const RuleKind& kind : rule_kinds())
        if (kind.name == name) return &kind;
    return nullptr;
}

} // namespace translint
