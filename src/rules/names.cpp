// Kind `names`: names that machine translation through Russian or Ukrainian garbled. Each
// capitalised word is read against the gazetteer: the spellings that the Cyrillic forms give
// back through ICU's BGN transliteration (Фараж -> Farazh), transliteration-aware keys for the
// rest (Isaxon ~ Isaacson), with the other words of the same name and the rest of the document
// as evidence. Casing slips (ILon) and spaces inside a name (Kim Jong -un) are flagged too.
#include "core/yaml_util.hpp"
#include "names/gazetteer.hpp"
#include "names/name_key.hpp"
#include "rules/matching.hpp"
#include "rules/registry.hpp"
#include "spell/hunspell_backend.hpp"
#include "text/transliterate.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <span>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace translint {
namespace {

// How a word is tied to a name: it is the name, a BGN garble of it, the name with a case ending
// (Hitlera), or sounds like it with its key equal or one edit away.
enum class Evidence { known, garbled, declined, key_equal, key_near };

// A known name with a Russian or Ukrainian case ending glued on (Hitlera, Eldonu), as BGN writes
// it: the name, when the stem is long enough not to be another name's ending.
std::string_view declined_stem(std::string_view word) {
    static constexpr std::string_view endings[] = {"oyu", "ovi", "om", "ov", "ym",
                                                   "oy",  "yu",  "a",  "u"};
    for (std::string_view ending : endings)
        if (word.size() >= ending.size() + 5 && word.ends_with(ending))
            return word.substr(0, word.size() - ending.size());
    return {};
}

struct Candidate {
    std::size_t entity;
    std::size_t token;
    Evidence evidence;
    int marks; // how strongly the word shows Cyrillic transliteration (see transliteration_marks)
    std::size_t key_length = 0;
    bool close = true; // the letters, vowels kept, are as close as a transliteration keeps them
    std::size_t letters = 0; // edit distance of the letters, vowels kept
};

// How strongly a word shows the marks of BGN transliteration that the name it resembles lacks:
// 2 for a mark that Latin spellings almost never have (kh, zh, iy...), 1 for one they sometimes
// have (ay, ey, k for c, v for w).
int transliteration_marks(std::string_view word, std::string_view name) {
    static constexpr std::string_view strong[] = {"kh", "zh", "shch", "dzh", "yu",
                                                  "ya", "iy", "yi",   "yy"};
    static constexpr std::string_view weak[] = {"ts", "ye", "ay", "ey", "oy"};
    auto adds = [&](std::string_view mark) {
        return word.find(mark) != std::string_view::npos &&
               name.find(mark) == std::string_view::npos;
    };
    // Letters that Cyrillic cannot keep: c, w, ph, th, x, q become k or s, v, f, t, ks, k.
    auto lost = [&](std::string_view from, char to) {
        return name.find(from) != std::string_view::npos &&
               word.find(from) == std::string_view::npos && word.find(to) != std::string_view::npos;
    };
    int marks = 0;
    for (std::string_view mark : strong)
        marks += adds(mark) ? 2 : 0;
    for (std::string_view mark : weak)
        marks += adds(mark) ? 1 : 0;
    for (auto [from, to] : {std::pair<std::string_view, char>{"c", 'k'},
                            {"c", 's'},
                            {"w", 'v'},
                            {"ph", 'f'},
                            {"th", 't'},
                            {"x", 'k'},
                            {"q", 'k'},
                            {"j", 'h'},
                            {"g", 'h'}})
        marks += lost(from, to) ? 1 : 0;
    return marks;
}

// A word of a run that spells a token of an entity's name.
struct Anchor {
    std::size_t word, token;
    bool firm; // a correct or garbled spelling, not a resemblance
};

// The anchors of a run of capitalised words, by entity and in word order, looked up within a
// reach of a word.
class Window {
public:
    Window(std::size_t first, std::size_t reach,
           const std::map<std::size_t, std::vector<Anchor>>& anchors)
        : first_(first)
        , reach_(reach)
        , anchors_(anchors) {
        for (const auto& [entity, list] : anchors)
            for (const Anchor& a : list) {
                if (a.word - first >= entities_at_.size()) entities_at_.resize(a.word - first + 1);
                entities_at_[a.word - first].push_back(entity);
            }
    }

    // The anchors of `entity` at most the reach away from word `i`.
    std::span<const Anchor> near(std::size_t entity, std::size_t i) const {
        const auto found = anchors_.find(entity);
        if (found == anchors_.end()) return {};
        const std::vector<Anchor>& list = found->second;
        const std::size_t low = i > reach_ ? i - reach_ : 0, high = i + reach_;
        const auto begin =
            std::lower_bound(list.begin(), list.end(), low,
                             [](const Anchor& a, std::size_t w) { return a.word < w; });
        const auto end = std::upper_bound(
            begin, list.end(), high, [](std::size_t w, const Anchor& a) { return w < a.word; });
        return {begin, end};
    }

    // The entities anchored at most the reach away from word `i`, in ascending order.
    std::vector<std::size_t> entities_near(std::size_t i) const {
        std::vector<std::size_t> entities;
        const std::size_t low = std::max(i > reach_ ? i - reach_ : 0, first_);
        for (std::size_t w = low; w <= i + reach_ && w - first_ < entities_at_.size(); ++w)
            entities.insert(entities.end(), entities_at_[w - first_].begin(),
                            entities_at_[w - first_].end());
        std::sort(entities.begin(), entities.end());
        entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
        return entities;
    }

private:
    std::size_t first_, reach_;
    const std::map<std::size_t, std::vector<Anchor>>& anchors_;
    std::vector<std::vector<std::size_t>> entities_at_; // by word, from the run's first
};

struct Reading {
    std::vector<Candidate> candidates;
    bool dictionary_word = false; // a common word of the text's language or of English or French
    bool casing = false;          // read with its casing repaired (ILon -> Ilon)
    std::string source;           // the Cyrillic form a garble came from
    std::string folded;           // lower-case ASCII
    bool resembled = false;       // resemblances looked up
};

// The part of a word token that can be a name: what follows an elided article or preposition
// (l’Khoffenkhaymom, dell'Ucraina), without an English possessive (Seynsberi's).
text::Span name_part(std::string_view text, text::Span token) {
    std::string_view word = text.substr(token.offset, token.length);
    for (std::string_view possessive : {"'s", "’s"})
        if (word.size() > possessive.size() + 1 && word.ends_with(possessive))
            word.remove_suffix(possessive.size());
    std::size_t after = 0;
    const std::size_t quote = std::min(word.find('\''), word.find("’"));
    // An elided word is short and lower case but for a capital starting a sentence: l', dell',
    // L', Sull'.
    if (quote != std::string_view::npos && quote > 0 && quote <= 6 &&
        std::all_of(word.begin() + 1, word.begin() + static_cast<long>(quote),
                    [](char c) { return std::islower(static_cast<unsigned char>(c)); }) &&
        std::isalpha(static_cast<unsigned char>(word.front())) &&
        (quote == 1 || std::islower(static_cast<unsigned char>(word.front())) ||
         std::islower(static_cast<unsigned char>(word[1]))))
        after = quote + (word[quote] == '\'' ? 1 : 3);
    return {token.offset + after, word.size() - after};
}

// A name with its diacritics spelled out the way English-language media do: Duško -> dushko.
std::string ascii_spelling(std::string_view name) {
    static constexpr std::pair<std::string_view, std::string_view> digraphs[] = {
        {"š", "sh"}, {"Š", "sh"}, {"ž", "zh"}, {"Ž", "zh"},
        {"č", "ch"}, {"Č", "ch"}, {"ć", "ch"}, {"Ć", "ch"}};
    std::string spelled;
    for (std::size_t i = 0; i < name.size();) {
        bool replaced = false;
        for (const auto& [from, to] : digraphs)
            if (name.substr(i).starts_with(from)) {
                spelled += to;
                i += from.size();
                replaced = true;
                break;
            }
        if (!replaced) spelled += name[i++];
    }
    return text::fold_to_ascii(spelled);
}

// The same first and last letters (Taler, Tucker): what a garbled name keeps and a different
// word rarely shares.
bool same_outline(std::string_view a, std::string_view b) {
    return !a.empty() && !b.empty() && a.front() == b.front() && a.back() == b.back();
}

// Capitalised and not an acronym, a handle or a hashtag (@MerPolCC).
bool is_name_token(std::string_view word) {
    return !word.empty() && word.front() != '@' && word.front() != '#' &&
           text::is_capitalised(word) && !text::is_all_caps(word);
}

// Two capitals then lower case (ILon): a slip of the shift key, not an acronym.
bool has_casing_slip(std::string_view word) {
    return word.size() >= 3 && std::isupper(static_cast<unsigned char>(word[0])) &&
           std::isupper(static_cast<unsigned char>(word[1])) &&
           std::all_of(word.begin() + 2, word.end(),
                       [](char c) { return !std::isupper(static_cast<unsigned char>(c)); });
}

std::string repair_casing(std::string_view word) {
    std::string out(word);
    out[1] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[1])));
    return out;
}

class NamesRule final : public Rule {
public:
    NamesRule(RuleSpec spec, RuleResources& resources)
        : Rule(std::move(spec))
        , gazetteer_(resources.gazetteer()) {
        const RuleSpec& s = this->spec();
        yaml::Mapping options(s.file, s.options, "the options of '" + s.id + "'");
        for (const std::string& name : options.strings("dictionaries"))
            dictionaries_.push_back(&resources.dictionary(name));
        const std::vector<std::string> signatures = options.strings("signatures");
        if (!signatures.empty()) signatures_.emplace(signatures, false, s.file, s.line);
        alone_threshold_ = options.number("transliterated_alone", alone_threshold_);
        resembling_threshold_ = options.number("transliterated_resembling", resembling_threshold_);
        fragment_threshold_ = options.number("transliterated_fragment", fragment_threshold_);
        options.finish();
    }

    void check(const SegmentContext& context, std::vector<Diagnostic>& out) const override {
        const std::string_view text = context.text();
        std::vector<text::Token> tokens = context.words();
        for (text::Token& token : tokens)
            token.span = name_part(text, token.span);
        // Runs of capitalised words joined by single spaces or hyphens: one name, perhaps.
        std::vector<std::pair<std::size_t, std::size_t>> runs;     // first and last token
        std::unordered_map<std::string_view, std::size_t> present; // capitalised words, counted
        std::unordered_set<std::string_view> in_runs; // words beside another capitalised word
        auto name_token = [&](std::size_t i) {
            return tokens[i].kind == text::TokenKind::word &&
                   is_name_token(text.substr(tokens[i].span.offset, tokens[i].span.length));
        };
        for (std::size_t i = 0; i < tokens.size();) {
            if (!name_token(i)) {
                ++i;
                continue;
            }
            std::size_t last = i;
            while (last + 1 < tokens.size() && name_token(last + 1) &&
                   joined(text, tokens[last].span, tokens[last + 1].span))
                ++last;
            runs.emplace_back(i, last);
            for (std::size_t k = i; k <= last; ++k) {
                const std::string_view word = word_at(text, tokens[k]);
                ++present[word];
                if (last > i) in_runs.insert(word);
            }
            i = last + 1;
        }
        std::unordered_map<std::string_view, Reading> readings; // each distinct word is read once
        read_all(present, in_runs, readings);
        // The text's own capitalised words by key: a name spelled right elsewhere in the text is
        // the best suggestion for its garbled twin (Flaksman, Flaxman).
        Spellings spellings;
        for (const auto& [word, count] : present) {
            const Reading& reading = readings.at(word);
            if (reading.dictionary_word || reading.folded.empty()) continue;
            for (const std::string& spelling : names::sound_spellings(reading.folded))
                spellings[names::name_key(spelling)].push_back({word, &reading.folded});
        }
        // The first fitting spelling is suggested, so the order must not depend on hashing.
        for (auto& [key, words] : spellings)
            std::sort(words.begin(), words.end(),
                      [](const Spelled& a, const Spelled& b) { return a.word < b.word; });
        // The readings are complete, so the runs are checked in shares side by side; the
        // findings are gathered in text order.
        const Readings reading_of(text, tokens, readings);
        const std::size_t shares = share_count(runs.size());
        std::vector<std::vector<Diagnostic>> found(shares);
        auto check_share = [&](std::size_t share) {
            const std::size_t from = runs.size() * share / shares,
                              to = runs.size() * (share + 1) / shares;
            for (std::size_t r = from; r < to; ++r) {
                check_run(context, tokens, runs[r].first, runs[r].second, reading_of, present,
                          spellings, found[share]);
                check_spacing(context, tokens, runs[r].second, found[share]);
            }
        };
        run_shares(shares, check_share);
        for (std::vector<Diagnostic>& share : found)
            out.insert(out.end(), std::make_move_iterator(share.begin()),
                       std::make_move_iterator(share.end()));
    }

private:
    // A capitalised word of the text with its spelling folded to ASCII, kept in its reading.
    struct Spelled {
        std::string_view word;
        const std::string* folded;
    };
    using Spellings = std::unordered_map<std::string, std::vector<Spelled>>;

    // A word that matches no known name but sounds like another capitalised word of the text,
    // with marks of transliteration that the other lacks: the text spells the name both ways.
    bool check_consistency(const SegmentContext& context, text::Span span, const Reading& reading,
                           const Spellings& spellings, std::vector<Diagnostic>& out) const {
        if (reading.dictionary_word || reading.folded.size() < 4) return false;
        const std::string_view word = context.text().substr(span.offset, span.length);
        std::vector<std::string> forms = names::sound_spellings(reading.folded);
        const std::size_t stems_from = forms.size();
        for (std::string& stem : names::strip_case_endings(reading.folded))
            forms.push_back(std::move(stem));
        for (std::size_t f = 0; f < forms.size(); ++f) {
            auto found = spellings.find(names::name_key(forms[f]));
            if (found == spellings.end()) continue;
            for (const auto& [other, folded] : found->second) {
                if (other == word) continue;
                const std::string& folded_other = *folded;
                const std::string fine = names::name_key(forms[f], false),
                                  fine_other = names::name_key(folded_other, false);
                const int marks =
                    (f >= stems_from ? 2 : 0) + transliteration_marks(forms[f], folded_other);
                // Each mark of transliteration accounts for a letter that differs (Peylin, Palin).
                if (marks < 1 || text::edit_distance(text::to_u32(fine), text::to_u32(fine_other)) >
                                     std::max<std::size_t>(1, fine_other.size() / 4) +
                                         static_cast<std::size_t>(std::min(marks, 2)))
                    continue;
                Diagnostic d = diagnose(context, span, {std::string(other)});
                d.message = "'" + std::string(word) + "' looks like a garbled form of '" +
                            std::string(other) + "', as the text spells it elsewhere";
                out.push_back(std::move(d));
                return true;
            }
        }
        return false;
    }

    static std::string_view word_at(std::string_view text, const text::Token& token) {
        return text.substr(token.span.offset, token.span.length);
    }

    // How many threads share `items` pieces of independent work: one for a short text.
    static std::size_t share_count(std::size_t items) {
        return items < 4096 ? 1 : std::max(1u, std::thread::hardware_concurrency());
    }

    // Runs work(0) … work(shares - 1), the first on this thread and the rest beside it.
    template <typename Work> static void run_shares(std::size_t shares, const Work& work) {
        std::vector<std::future<void>> helpers;
        for (std::size_t share = 1; share < shares; ++share)
            helpers.push_back(std::async(std::launch::async, [&work, share] { work(share); }));
        work(0);
        for (std::future<void>& helper : helpers)
            helper.get();
    }

    // Reads every distinct capitalised word up front; a long text's words are shared out between
    // threads, since reading is independent for each word. A word that stands in a run of
    // capitalised words may be a garbled part of a longer name even when it is a common word
    // (Jan, Mask), so its resemblances are looked up too.
    void read_all(const std::unordered_map<std::string_view, std::size_t>& present,
                  const std::unordered_set<std::string_view>& in_runs,
                  std::unordered_map<std::string_view, Reading>& readings) const {
        std::vector<std::string_view> words;
        words.reserve(present.size());
        for (const auto& [word, count] : present)
            words.push_back(word);
        const std::size_t threads = share_count(words.size());
        std::vector<Reading> read(words.size());
        auto read_share = [&](std::size_t share) {
            for (std::size_t i = share; i < words.size(); i += threads) {
                read[i] = this->read(words[i]);
                Reading& reading = read[i];
                if (in_runs.count(words[i]) && !reading.resembled && reading.candidates.empty() &&
                    !reading.folded.empty())
                    add_resemblances(reading);
            }
        };
        run_shares(threads, read_share);
        readings.reserve(words.size());
        for (std::size_t i = 0; i < words.size(); ++i)
            readings.emplace(words[i], std::move(read[i]));
    }

    // The readings of a segment's words, by token.
    class Readings {
    public:
        Readings(std::string_view text, const std::vector<text::Token>& tokens,
                 const std::unordered_map<std::string_view, Reading>& cache)
            : text_(text)
            , tokens_(tokens)
            , cache_(cache) {}

        const Reading& operator()(std::size_t i) const {
            return cache_.at(word_at(text_, tokens_[i]));
        }

    private:
        std::string_view text_;
        const std::vector<text::Token>& tokens_;
        const std::unordered_map<std::string_view, Reading>& cache_;
    };

    static bool joined(std::string_view text, text::Span left, text::Span right) {
        const std::string_view gap = text.substr(left.end(), right.offset - left.end());
        return gap == " " || gap == "-" || gap == "\u00A0";
    }

    bool in_dictionary(std::string_view word) const {
        for (const spell::Dictionary* d : dictionaries_)
            if (d->spell(word)) return true;
        return false;
    }

    // Names whose transliteration key is equal or one edit away (Isaxon ~ Isaacson), also for
    // the word without a Slavic case ending (Kromvelya ~ Cromwell).
    void add_resemblances(Reading& reading) const {
        reading.resembled = true;
        const std::string& folded = reading.folded;
        std::vector<std::string> forms = names::sound_spellings(folded);
        const std::size_t stems_from = forms.size();   // forms from here on lost a case ending
        std::vector<bool> slavic(forms.size(), false); // the lost ending is a mark on its own
        for (std::string& stem : names::strip_case_endings(folded)) {
            // Only endings that Latin spellings do not have count as a mark on their own.
            const std::string_view ending = std::string_view(folded).substr(stem.size());
            slavic.push_back(ending != "a" && ending != "e" && ending != "i" && ending != "y");
            forms.push_back(std::move(stem));
        }
        // The genitive of a name in -a, as BGN writes ы and и (Koepky for Koepka).
        if (folded.size() >= 5 && folded.ends_with('y')) {
            forms.push_back(folded.substr(0, folded.size() - 1) + "a");
            slavic.push_back(true);
        }
        for (std::size_t f = 0; f < forms.size(); ++f) {
            const std::string key = names::name_key(forms[f]);
            if (key.size() < 2) continue;
            const std::u32string key32 = text::to_u32(key),
                                 fine32 = text::to_u32(names::name_key(forms[f], false));
            // A short key is one edit away from thousands of names, all by chance.
            std::vector<names::KeyedToken> near =
                key.size() < 4 ? gazetteer_.equal_key(key) : gazetteer_.near_key(key);
            // Deletions reach a name more than once.
            const auto order = [](const names::KeyedToken& a, const names::KeyedToken& b) {
                return std::tie(a.entity, a.token) < std::tie(b.entity, b.token);
            };
            std::sort(near.begin(), near.end(), order);
            near.erase(std::unique(near.begin(), near.end(),
                                   [](const names::KeyedToken& a, const names::KeyedToken& b) {
                                       return a.entity == b.entity && a.token == b.token;
                                   }),
                       near.end());
            for (const names::KeyedToken& k : near) {
                const std::u32string& other_key = gazetteer_.key(k.entity, k.token);
                if (other_key.size() + 1 < key32.size() || key32.size() + 1 < other_key.size())
                    continue;
                const std::size_t distance = text::edits_up_to_one(key32, other_key);
                const std::string& name = gazetteer_.folded(k.entity, k.token);
                // The letters must stay close too, since keys merge all vowels. Short keys collide
                // by chance, so their near matches count only beside the rest of the name.
                if (distance > 1 || (f < stems_from && name == forms[f])) continue;
                // Transliteration keeps the first sound of a name; keys fold its spellings.
                if (distance == 1 && !other_key.empty() && other_key.front() != key32.front())
                    continue;
                const std::u32string& fine_name = gazetteer_.fine_key(k.entity, k.token);
                const std::size_t letters = text::edit_distance(fine32, fine_name);
                if (letters > std::max<std::size_t>(2, fine_name.size() / 4)) continue;
                reading.candidates.push_back(
                    {k.entity, k.token, distance == 0 ? Evidence::key_equal : Evidence::key_near,
                     (slavic[f] ? 2 : 0) + transliteration_marks(forms[f], name), key.size(),
                     letters <= std::max<std::size_t>(1, fine_name.size() / 4), letters});
            }
        }
    }

    Reading read(std::string_view original) const {
        Reading reading;
        std::string word(original);
        if (has_casing_slip(word)) {
            word = repair_casing(word);
            reading.casing = true;
        }
        const std::string folded = text::fold_to_ascii(word);
        reading.folded = folded;
        const auto* known = gazetteer_.known(word);
        auto add_known = [&] {
            for (const names::KeyedToken& k : *known)
                reading.candidates.push_back({k.entity, k.token, Evidence::known});
            return reading;
        };
        if (known && std::any_of(known->begin(), known->end(), [&](const names::KeyedToken& k) {
                return !gazetteer_.entities()[k.entity].from_dictionary;
            }))
            return add_known();
        if (!known && gazetteer_.is_known_token(word)) return reading;
        // A name only a spelling dictionary knows (Si) is like a common word: right, unless it
        // is also a garble and the rest of the name stands beside it.
        reading.dictionary_word = known || in_dictionary(text::to_lower(word));
        auto folded_name = [&](std::size_t entity, std::size_t token) {
            return gazetteer_.folded(entity, token);
        };
        if (const std::string_view stem = declined_stem(word); !known && !stem.empty())
            if (const auto* known_stem = gazetteer_.known(stem)) {
                for (const names::KeyedToken& k : *known_stem)
                    reading.candidates.push_back({k.entity, k.token, Evidence::declined, 2});
                reading.source = std::string(stem);
                return reading;
            }
        if (const auto* garbles = gazetteer_.garbles(word)) {
            for (const names::Garble& g : *garbles)
                reading.candidates.push_back(
                    {g.entity, g.token, Evidence::garbled,
                     (g.declined ? 2 : 0) +
                         transliteration_marks(folded, folded_name(g.entity, g.token))});
            reading.source = std::string(garbles->front().source);
            return reading;
        }
        if (known) return add_known();
        if (!reading.dictionary_word) add_resemblances(reading);
        return reading;
    }

    void check_run(const SegmentContext& context, const std::vector<text::Token>& tokens,
                   std::size_t first, std::size_t last, const Readings& reading_of,
                   const std::unordered_map<std::string_view, std::size_t>& present,
                   const Spellings& spellings, std::vector<Diagnostic>& out) const {
        // Words of the run that surely belong to a name: correct or garbled spellings, and keys
        // that match exactly. Another word of the same name, in its place, is evidence.
        std::map<std::size_t, std::vector<Anchor>> anchors;
        for (std::size_t i = first; i <= last; ++i)
            for (const Candidate& c : reading_of(i).candidates)
                if (c.evidence != Evidence::key_near || c.close)
                    anchors[c.entity].push_back(
                        {i, c.token,
                         c.evidence == Evidence::known || c.evidence == Evidence::garbled ||
                             c.evidence == Evidence::declined ||
                             (c.evidence == Evidence::key_equal && c.marks >= 2)});
        // Two words of one name stand no further apart than the name has tokens, so a word
        // looks only at the anchors within that reach: a run of thousands of capitalised words
        // (a list, a table flattened to a line) costs no more per word than a short one.
        std::size_t reach = 1;
        for (std::size_t i = first; i <= last; ++i)
            for (const Candidate& c : reading_of(i).candidates)
                reach = std::max({reach, c.token + 1, gazetteer_.tokens(c.entity, "").size()});
        const Window window{first, reach, anchors};
        // True when another word of the run spells another token of the same name, in order; a
        // particle the text left out (Bashara Assad for Bashar al-Assad) may stand between.
        auto in_place = [&](std::size_t i, const Candidate& c) {
            for (const auto& [j, token, firm] : window.near(c.entity, i)) {
                // A resemblance leans only on a firm spelling beside it.
                if (j == i || (c.evidence == Evidence::key_near && !firm)) continue;
                const long words = static_cast<long>(j) - static_cast<long>(i);
                const long apart = static_cast<long>(token) - static_cast<long>(c.token);
                if ((words > 0 && apart >= words && apart <= words + 1) ||
                    (words < 0 && apart <= words && apart >= words - 1))
                    return true;
            }
            return false;
        };
        for (std::size_t i = first; i <= last; ++i) {
            const Reading& reading = reading_of(i);
            const bool correct =
                std::any_of(reading.candidates.begin(), reading.candidates.end(),
                            [](const Candidate& c) { return c.evidence == Evidence::known; });
            if (reading.candidates.empty()) {
                if (!check_consistency(context, tokens[i].span, reading, spellings, out))
                    check_shape(context, tokens[i].span, reading, nullptr,
                                present.at(word_at(context.text(), tokens[i])), out);
                continue;
            }
            if (correct && !reading.casing) {
                check_partner(context, tokens, i, reading, window, out);
                continue;
            }
            // The name in its place in the run first, then the spelling the text itself uses
            // elsewhere (Mendes, not Mendez), then the strongest and closest evidence.
            auto rank = [&](const Candidate& c) {
                const auto& spelled = gazetteer_.tokens(c.entity, context.language());
                const bool in_text =
                    c.token < spelled.size() && present.count(spelled[c.token]) > 0;
                return std::tuple(in_place(i, c), in_text, strength(c), c.close,
                                  -static_cast<long>(c.letters));
            };
            const Candidate* best = nullptr;
            for (const Candidate& c : reading.candidates)
                if (!best || rank(c) > rank(*best)) best = &c;
            const std::vector<std::string>& canonical =
                gazetteer_.tokens(best->entity, context.language());
            if (best->token >= canonical.size()) continue;
            const bool in_name = in_place(i, *best);
            // Only the case differs (Unione Europea): a matter of style, not a garbled name.
            if (reading.folded == gazetteer_.folded(best->entity, best->token)) continue;
            // A common word (Jan, Mask) counts only as part of a name, and only when it is a
            // garble or sounds the same; or as a garble of a name the text spells right
            // elsewhere, capitalised where no sentence starts ("Mask" in an article on Musk).
            const bool garble_of_named = best->evidence == Evidence::garbled &&
                                         present.count(canonical[best->token]) > 0 &&
                                         !context.starts_sentence(tokens[i].span.offset);
            if (reading.dictionary_word && !garble_of_named &&
                (!in_name ||
                 (best->evidence == Evidence::key_near &&
                  !same_outline(reading.folded, gazetteer_.folded(best->entity, best->token)))))
                continue;
            // Short garbles are common words or other names too often (Palu): alone, they need
            // a case ending (Olgi) or two marks of translation.
            if (!in_name && !garble_of_named && best->evidence == Evidence::garbled &&
                reading.folded.size() <= 4 && best->marks < 2)
                continue;
            // Dushko for Duško is a way to write the name without diacritics, not a garble.
            if (ascii_spelling(gazetteer_.tokens(best->entity, "")[best->token]) == reading.folded)
                continue;
            // Evidence beyond the word itself: the right spelling elsewhere in the text.
            const bool supported = in_name || present.count(canonical[best->token]);
            bool accepted = reading.casing;
            const std::size_t uses = present.at(word_at(context.text(), tokens[i]));
            switch (best->evidence) {
            case Evidence::known:
                break;
            // A garble that is also a name of its own (Mendes, Palu) is told apart by standing
            // once, or twice with marks of translation: a name the text repeats is its own.
            case Evidence::garbled:
            case Evidence::declined:
                accepted = accepted || in_name || uses <= (best->marks > 0 ? 2u : 1u);
                break;
            // Beside the rest of its name, a resemblance is enough (Walter Isaxon, Taler Carlson).
            // Alone, it needs marks of translation and, without the right spelling elsewhere in
            // the text, a strong mark on a word the text uses once.
            case Evidence::key_equal:
                accepted = accepted || in_name ||
                           (best->close && (supported ? best->marks > 0
                                                      : curated(*best) && stands_alone(*best) &&
                                                            best->marks >= 2 && uses == 1));
                break;
            case Evidence::key_near:
                accepted = accepted || in_name ||
                           (best->close && supported && best->marks > 0 && best->key_length >= 6);
                break;
            }
            if (accepted) {
                report(context, tokens[i].span, canonical, *best, reading, in_name, out);
                add_alternatives(context, reading, *best, out.back());
            } else if (!check_consistency(context, tokens[i].span, reading, spellings, out))
                check_shape(context, tokens[i].span, reading, best, uses, out);
        }
    }

    // Jan Bremmer: a correct given name beside the surname of a known person whose given name
    // sounds the same (Ian, Ян) but is spelled otherwise.
    void check_partner(const SegmentContext& context, const std::vector<text::Token>& tokens,
                       std::size_t i, const Reading& reading, const Window& window,
                       std::vector<Diagnostic>& out) const {
        // The word already fits a name the run spells (Jong in Kim Jong-un): nothing to say.
        for (const Candidate& c : reading.candidates)
            for (const Anchor& a : window.near(c.entity, i))
                if (a.word != i && static_cast<long>(a.token) - static_cast<long>(c.token) ==
                                       static_cast<long>(a.word) - static_cast<long>(i))
                    return;
        for (const std::size_t entity : window.entities_near(i)) {
            const std::span<const Anchor> list = window.near(entity, i);
            if (gazetteer_.entities()[entity].type != "person") continue;
            if (std::any_of(list.begin(), list.end(), [&](const Anchor& a) { return a.word == i; }))
                continue;
            for (const Anchor& a : list) {
                if (!a.firm) continue;
                const long token =
                    static_cast<long>(a.token) - (static_cast<long>(a.word) - static_cast<long>(i));
                if (token < 0 ||
                    static_cast<std::size_t>(token) >= gazetteer_.entities()[entity].name.size() ||
                    static_cast<std::size_t>(token) >= gazetteer_.tokens(entity, "").size())
                    continue;
                const std::string& expected =
                    gazetteer_.folded(entity, static_cast<std::size_t>(token));
                bool sounds_same = false;
                for (const std::string& spelling : names::sound_spellings(reading.folded))
                    sounds_same =
                        sounds_same || names::name_key(spelling) == names::name_key(expected);
                if (!sounds_same || expected == reading.folded) continue;
                const auto& canonical = gazetteer_.tokens(entity, context.language());
                Candidate c{entity, static_cast<std::size_t>(token), Evidence::key_equal, 0};
                report(context, tokens[i].span, canonical, c, reading, true, out);
                return;
            }
        }
    }

    // A token that names its entity on its own: a one-word name or a person's surname. "Cinque"
    // of Cinque Terre is never written alone, so a word that merely sounds like it is not one.
    bool stands_alone(const Candidate& c) const {
        const names::Entity& entity = gazetteer_.entities()[c.entity];
        const std::size_t tokens = gazetteer_.tokens(c.entity, "").size();
        return tokens == 1 || (entity.type == "person" && c.token + 1 == tokens);
    }

    // An entry of the gazetteer's own files, not a name taken from a spelling dictionary.
    bool curated(const Candidate& c) const {
        return !gazetteer_.entities()[c.entity].from_dictionary;
    }

    static int strength(const Candidate& c) {
        return c.evidence == Evidence::known                                         ? 4
               : c.evidence == Evidence::garbled || c.evidence == Evidence::declined ? 3
               : c.evidence == Evidence::key_equal                                   ? 2
                                                                                     : 1;
    }

    void report(const SegmentContext& context, text::Span span,
                const std::vector<std::string>& canonical, const Candidate& c,
                const Reading& reading, bool in_name, std::vector<Diagnostic>& out) const {
        const std::string_view word = context.text().substr(span.offset, span.length);
        const std::string& suggestion = canonical[c.token];
        const std::string full = gazetteer_.entities()[c.entity].canonical(context.language());
        std::string reason;
        if (reading.casing) reason = "has a stray capital";
        if (c.evidence == Evidence::garbled)
            reason += std::string(reason.empty() ? "" : " and ") + "is how " + reading.source +
                      " reads back from Cyrillic";
        else if (c.evidence == Evidence::declined)
            reason += std::string(reason.empty() ? "" : " and ") + "is " + reading.source +
                      " with a Russian or Ukrainian case ending";
        else if (c.evidence != Evidence::known)
            reason +=
                std::string(reason.empty() ? "" : " and ") + "sounds like a transliteration of it";
        Diagnostic d = diagnose(context, span, {suggestion});
        d.message = "'" + std::string(word) + "' looks like a garbled form of '" + suggestion +
                    "' (" + full + "): it " + reason;
        if (in_name && full != suggestion) d.suggestions.push_back(full);
        out.push_back(std::move(d));
    }

    // Other spellings the word may stand for, as good as the first (Kristiny: Christina or
    // Christine), and the international spelling beside an Italian one (Parigi, Paris).
    void add_alternatives(const SegmentContext& context, const Reading& reading,
                          const Candidate& best, Diagnostic& d) const {
        auto add = [&](const std::string& spelling) {
            if (d.suggestions.size() < 4 && std::find(d.suggestions.begin(), d.suggestions.end(),
                                                      spelling) == d.suggestions.end())
                d.suggestions.push_back(spelling);
        };
        const auto international = names::split_name(gazetteer_.entities()[best.entity].name);
        if (best.token < international.size()) add(international[best.token]);
        for (const Candidate& c : reading.candidates) {
            if (c.evidence != best.evidence || c.letters > best.letters ||
                (c.entity == best.entity && c.token == best.token))
                continue;
            const auto& spelled = gazetteer_.tokens(c.entity, context.language());
            if (c.token < spelled.size()) add(spelled[c.token]);
        }
    }

    // A word that matches no name well enough but reads the way BGN writes Cyrillic (Seynsberi,
    // Tryudell), judged by the gazetteer's spelling model: reported as a warning, with the name
    // it sounds like when a close one is known. A name the text repeats is taken as its own
    // spelling, since a garble stands once.
    void check_shape(const SegmentContext& context, text::Span span, const Reading& reading,
                     const Candidate* resemblance, std::size_t uses,
                     std::vector<Diagnostic>& out) const {
        if (reading.dictionary_word || reading.folded.size() < 4 || uses > 1) return;
        const bool resembles =
            resemblance && resemblance->close && resemblance->evidence != Evidence::known &&
            resemblance->evidence != Evidence::key_near && stands_alone(*resemblance);
        const std::string_view word = context.text().substr(span.offset, span.length);
        const double score = gazetteer_.spelling_model().transliteration_score(reading.folded);
        const bool signature = signatures_ && !signatures_->find(text::to_lower(word)).empty();
        if (!signature && score < (resembles ? resembling_threshold_ : alone_threshold_) &&
            gazetteer_.spelling_model().strongest_fragment(reading.folded) < fragment_threshold_)
            return;
        Diagnostic d = diagnose(context, span);
        d.severity = Severity::warning;
        d.message = "'" + std::string(word) +
                    "' is spelled the way Cyrillic is transliterated, not the way names are "
                    "written in Latin script";
        if (resembles) {
            const auto& canonical = gazetteer_.tokens(resemblance->entity, context.language());
            if (resemblance->token < canonical.size()) {
                d.suggestions.push_back(canonical[resemblance->token]);
                d.message += "; it may stand for '" + canonical[resemblance->token] + "'";
            }
        } else {
            d.message += ", and matches no known name; check it";
        }
        out.push_back(std::move(d));
    }

    // "Kim Jong -un": a space before or after the hyphen inside a name.
    void check_spacing(const SegmentContext& context, const std::vector<text::Token>& tokens,
                       std::size_t last, std::vector<Diagnostic>& out) const {
        const std::string_view text = context.text();
        if (last + 1 >= tokens.size()) return;
        const text::Span left = tokens[last].span, right = tokens[last + 1].span;
        const std::string_view gap = text.substr(left.end(), right.offset - left.end());
        if (gap != " -" && gap != "- " && gap != " - ") return;
        if (gap == " - " || right.length > 3) return; // a dash between clauses, not a broken name
        const std::string joined = std::string(text.substr(left.offset, left.length)) + "-" +
                                   std::string(text.substr(right.offset, right.length));
        std::string suggestion = joined;
        // Prefer the gazetteer's spelling of the whole hyphenated part whose second half sounds
        // closest (Jong -in -> Jong-un, not Jong-il).
        const std::string right_key =
            names::name_key(text::fold_to_ascii(text.substr(right.offset, right.length)));
        std::size_t best = std::string::npos;
        if (const auto* known = gazetteer_.known(text.substr(left.offset, left.length)))
            for (const names::KeyedToken& k : *known) {
                const auto& name = gazetteer_.tokens(k.entity, context.language());
                if (k.token + 1 >= name.size() || text::is_capitalised(name[k.token + 1])) continue;
                const std::size_t distance = text::edit_distance(
                    text::to_u32(right_key),
                    text::to_u32(names::name_key(gazetteer_.folded(k.entity, k.token + 1))));
                if (distance < best) {
                    best = distance;
                    suggestion = name[k.token] + "-" + name[k.token + 1];
                }
            }
        Diagnostic d =
            diagnose(context, {left.offset, right.end() - left.offset}, {suggestion}, true);
        d.message = "'" + std::string(text.substr(left.offset, right.end() - left.offset)) +
                    "' has a space inside a hyphenated name; write '" + suggestion + "'";
        out.push_back(std::move(d));
    }

    const names::Gazetteer& gazetteer_;
    std::vector<const spell::Dictionary*> dictionaries_;
    std::optional<PhraseMatcher> signatures_;
    double alone_threshold_ = 0.3, resembling_threshold_ = 0.1, fragment_threshold_ = 6.5;
};

} // namespace

std::unique_ptr<Rule> make_names_rule(RuleSpec spec, RuleResources& resources) {
    return std::make_unique<NamesRule>(std::move(spec), resources);
}

} // namespace translint
