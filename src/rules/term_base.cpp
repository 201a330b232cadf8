#include "rules/term_base.hpp"

#include "core/xml_reader.hpp"
#include "rules/rule.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace translint {

// Resources without a config (tools, tests) have no term bases.
const terms::TermBase& RuleResources::glossary() {
    static const terms::TermBase none;
    return none;
}

namespace terms {
namespace {

std::string_view trim(std::string_view text) {
    const std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t") + 1 - begin);
}

std::string lower_ascii(std::string_view text) {
    std::string lowered(text);
    for (char& c : lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lowered;
}

// "en", "it-IT", "pt_BR", "sr-Latn": two or three letters, then subtags.
bool looks_like_language(std::string_view tag) {
    std::size_t letters = 0;
    while (letters < tag.size() && std::isalpha(static_cast<unsigned char>(tag[letters])))
        ++letters;
    if (letters < 2 || letters > 3) return false;
    for (std::size_t i = letters; i < tag.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(tag[i]);
        if (!std::isalnum(c) && c != '-' && c != '_') return false;
    }
    return tag.size() == letters || tag[letters] == '-' || tag[letters] == '_';
}

std::string normalised_tag(std::string_view tag) {
    std::string normal = lower_ascii(trim(tag));
    std::replace(normal.begin(), normal.end(), '_', '-');
    return normal;
}

void check_utf8(const std::string& path, std::string_view bytes) {
    if (const auto bad = text::find_invalid_utf8(bytes))
        throw error_at(path, 1 + std::count(bytes.begin(), bytes.begin() + *bad, '\n'),
                       "not valid UTF-8 (byte " + std::to_string(*bad) + ")");
}

// ---- CSV (RFC 4180) ----

struct Record {
    std::vector<std::string> cells;
    std::size_t line;
};

// Fields separated by commas, records by LF or CRLF; a quoted field may hold commas, line breaks
// and doubled quotes. Blank lines are skipped.
std::vector<Record> read_records(const std::string& path, std::string_view bytes) {
    std::vector<Record> records;
    std::size_t at = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::size_t line = 1;
    auto at_line_end = [&] {
        return at < bytes.size() &&
               (bytes[at] == '\n' ||
                (bytes[at] == '\r' && at + 1 < bytes.size() && bytes[at + 1] == '\n'));
    };
    auto take_line_end = [&] {
        at += bytes[at] == '\r' ? 2 : 1;
        ++line;
    };
    while (at < bytes.size()) {
        Record record{{}, line};
        while (true) {
            std::string cell;
            if (at < bytes.size() && bytes[at] == '"') {
                const std::size_t opened = line;
                for (++at;; ++at) {
                    if (at >= bytes.size())
                        throw error_at(path, opened, "a quoted field is never closed");
                    if (bytes[at] == '"') {
                        if (at + 1 < bytes.size() && bytes[at + 1] == '"') {
                            cell += '"';
                            ++at;
                            continue;
                        }
                        ++at;
                        break;
                    }
                    if (bytes[at] == '\n') ++line;
                    cell += bytes[at];
                }
                if (at < bytes.size() && bytes[at] != ',' && !at_line_end())
                    throw error_at(path, line, "text after the closing quote of a field");
            } else {
                const std::size_t begin = at;
                while (at < bytes.size() && bytes[at] != ',' && !at_line_end())
                    ++at;
                cell = trim(bytes.substr(begin, at - begin));
            }
            record.cells.push_back(std::move(cell));
            // After a comma another cell follows, empty when the file ends there.
            if (at < bytes.size() && bytes[at] == ',') {
                ++at;
                continue;
            }
            if (at_line_end()) take_line_end();
            break;
        }
        const bool blank = std::all_of(record.cells.begin(), record.cells.end(),
                                       [](const std::string& cell) { return cell.empty(); });
        if (!blank) records.push_back(std::move(record));
    }
    return records;
}

// ---- TBX ----

constexpr std::size_t max_depth = 256;

// An element's name without its namespace prefix ("tbx:term" is "term").
std::string_view local_name(std::string_view name) {
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

using xml::attribute;

class TbxReader final : public xml::Reader {
public:
    explicit TbxReader(const std::string& path)
        : xml::Reader(path, {std::nullopt, max_depth,
                             "elements nested deeper than " + std::to_string(max_depth)}) {}

    TermBase read(std::string_view bytes) {
        parse(bytes);
        return std::move(base_);
    }

private:
    // Where character data goes: named rather than pointed at, so that it cannot outlive the
    // concept or term it belongs to.
    enum class Capture { none, term, status, note };

    void start(std::string_view qualified_name, const XML_Char** attributes) override {
        const std::string_view name = local_name(qualified_name);
        if (depth() == 1 && name != "martif" && name != "tbx")
            fail("a TBX file's root is <martif> or <tbx>, not <" + std::string(name) + ">");
        if (name == "termEntry" || name == "conceptEntry") {
            // A concept has one set of terms: an entry inside another would end both at once.
            if (concept_) fail_nested(name, concept_element_);
            concept_.emplace();
            concept_element_ = name;
        } else if (name == "langSet" || name == "langSec") {
            language_ = trim(attribute(attributes, "xml:lang"));
            if (language_.empty()) fail("<" + std::string(name) + "> without xml:lang");
        } else if (!concept_) {
            return;
        } else if (name == "tig" || name == "ntig" || name == "termSec") {
            if (term_) fail_nested(name, term_element_);
            term_.emplace(Term{language_, {}, false});
            term_element_ = name;
        } else if (name == "term" && term_) {
            capture_ = Capture::term;
        } else if (name == "termNote" && term_) {
            const std::string_view type = attribute(attributes, "type");
            if (type == "administrativeStatus" || type == "normativeAuthorization") {
                status_.clear();
                capture_ = Capture::status;
            }
        } else if (name == "note" && concept_->note.empty()) {
            capture_ = Capture::note;
        }
    }

    void end(std::string_view qualified_name) override {
        const std::string_view name = local_name(qualified_name);
        if (name == "term" || name == "termNote" || name == "note") capture_ = Capture::none;
        if (name == "termNote" && term_) {
            // TBX-Basic's deprecatedTerm-admn-sts and supersededTerm-admn-sts, TBX v3's
            // "deprecated" and "superseded".
            const std::string status = lower_ascii(trim(status_));
            if (status.starts_with("deprecated") || status.starts_with("superseded"))
                term_->forbidden = true;
        } else if ((name == "tig" || name == "ntig" || name == "termSec") && term_) {
            term_->text = std::string(trim(term_->text));
            if (!term_->text.empty() && concept_) concept_->terms.push_back(std::move(*term_));
            term_.reset();
            if (capture_ == Capture::term) capture_ = Capture::none;
        } else if ((name == "termEntry" || name == "conceptEntry") && concept_) {
            concept_->note = std::string(trim(concept_->note));
            if (!concept_->terms.empty()) base_.concepts.push_back(std::move(*concept_));
            concept_.reset();
            if (capture_ == Capture::note) capture_ = Capture::none;
        }
    }

    void text(std::string_view piece) override {
        switch (capture_) {
        case Capture::none:
            return;
        case Capture::term:
            if (term_) term_->text.append(piece);
            return;
        case Capture::status:
            status_.append(piece);
            return;
        case Capture::note:
            if (concept_) concept_->note.append(piece);
            return;
        }
    }

    TermBase base_;
    std::optional<Concept> concept_;
    std::string concept_element_; // termEntry or conceptEntry
    std::string language_;
    std::optional<Term> term_;
    std::string term_element_; // tig, ntig or termSec
    std::string status_;
    Capture capture_ = Capture::none;
};

} // namespace

std::vector<std::string> split_alternatives(std::string_view cell) {
    std::vector<std::string> found;
    for (std::size_t begin = 0; begin <= cell.size();) {
        const std::size_t bar = std::min(cell.find('|', begin), cell.size());
        if (const std::string_view part = trim(cell.substr(begin, bar - begin)); !part.empty())
            found.emplace_back(part);
        begin = bar + 1;
    }
    return found;
}

bool language_serves(std::string_view term_language, std::string_view segment_language) {
    const std::string term = normalised_tag(term_language);
    const std::string segment = normalised_tag(segment_language);
    if (term.empty() || segment.empty()) return false;
    if (term == segment) return true;
    const auto private_use = [](const std::string& tag) {
        return tag.starts_with("x-") || tag.find("-x-") != std::string::npos;
    };
    if (private_use(term) || private_use(segment)) return false;
    const auto bare = [](const std::string& tag) { return tag.find('-') == std::string::npos; };
    return (bare(term) || bare(segment)) && primary_language(term) == primary_language(segment);
}

TermBase parse_csv(const std::string& path, std::string_view bytes) {
    check_utf8(path, bytes);
    const std::vector<Record> records = read_records(path, bytes);
    if (records.empty()) throw error_at(path, 0, "the term base is empty: it needs a header row");
    // The header: language codes, `forbidden` (renderings to avoid, in the language of the last
    // language column) and `note`.
    const Record& header = records.front();
    std::vector<std::string> languages(header.cells.size());
    std::optional<std::size_t> forbidden_column, note_column;
    std::string last_language;
    std::set<std::string> seen;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const std::string name = lower_ascii(trim(header.cells[c]));
        if (name.empty()) continue; // spreadsheets add unnamed columns; they are left out
        if (!seen.insert(name).second)
            throw error_at(path, header.line, "the column '" + name + "' is named twice");
        if (name == "forbidden")
            forbidden_column = c;
        else if (name == "note")
            note_column = c;
        else if (looks_like_language(name))
            last_language = languages[c] = std::string(trim(header.cells[c]));
        else
            throw error_at(path, header.line,
                           "the first row must name the columns: language codes (en, it), "
                           "'forbidden' and 'note'; '" +
                               std::string(header.cells[c]) + "' is none of these");
    }
    if (last_language.empty())
        throw error_at(path, header.line, "the header names no language column");
    TermBase base;
    for (auto record = records.begin() + 1; record != records.end(); ++record) {
        if (record->cells.size() > header.cells.size())
            throw error_at(path, record->line,
                           "the row has " + std::to_string(record->cells.size()) +
                               " cells and the header " + std::to_string(header.cells.size()));
        Concept entry;
        for (std::size_t c = 0; c < record->cells.size(); ++c) {
            const std::string& cell = record->cells[c];
            if (c == note_column)
                entry.note = trim(cell);
            else if (c == forbidden_column)
                for (std::string& text : split_alternatives(cell))
                    entry.terms.push_back({last_language, std::move(text), true});
            else if (!languages[c].empty())
                for (std::string& text : split_alternatives(cell))
                    entry.terms.push_back({languages[c], std::move(text), false});
        }
        if (!entry.terms.empty()) base.concepts.push_back(std::move(entry));
    }
    return base;
}

TermBase parse_tbx(const std::string& path, std::string_view bytes) {
    check_utf8(path, bytes);
    return TbxReader(path).read(bytes);
}

TermBase parse_term_base(const std::string& path, std::string_view bytes) {
    const std::string lowered = lower_ascii(path);
    if (lowered.ends_with(".csv")) return parse_csv(path, bytes);
    if (lowered.ends_with(".tbx") || lowered.ends_with(".xml")) return parse_tbx(path, bytes);
    throw error_at(path, 0, "a glossary is a .csv or a .tbx file");
}

} // namespace terms
} // namespace translint
