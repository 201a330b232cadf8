#include "formats/po.hpp"

#include "core/language.hpp"
#include "formats/disable_comment.hpp"
#include "formats/escapes.hpp"
#include "text/unicode.hpp"
#include "translint/error.hpp"

#include <algorithm>
#include <cctype>

namespace translint::formats {
namespace {

// A keyword and the strings after it, decoded and concatenated.
struct Field {
    std::size_t keyword = 0; // offset of the keyword
    std::size_t line = 0;    // of the keyword
    std::size_t inside = 0;  // just inside the first string's opening quote
    std::size_t end = 0;     // just past the last string's closing quote
    bool has_string = false;
    Segment value;
};

struct Entry {
    bool fuzzy = false;
    std::optional<std::vector<std::string>> disabled;
    std::optional<Field> context, id, plural;
    std::vector<Field> translations;
};

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// The value of the header's "Language:" field, or an empty string.
std::string_view header_language(std::string_view header) {
    constexpr std::string_view field = "Language:";
    while (!header.empty()) {
        const std::size_t end = std::min(header.find('\n'), header.size());
        std::string_view line = header.substr(0, end);
        header.remove_prefix(std::min(end + 1, header.size()));
        if (!line.starts_with(field)) continue;
        line.remove_prefix(field.size());
        while (!line.empty() && is_blank(line.front()))
            line.remove_prefix(1);
        while (!line.empty() && (is_blank(line.back()) || line.back() == '\r'))
            line.remove_suffix(1);
        return line;
    }
    return {};
}

class Parser {
public:
    explicit Parser(Document& document)
        : document_(document) {}

    void parse() {
        const std::string_view bytes = document_.bytes();
        std::size_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        for (line_ = 1; start < bytes.size(); ++line_) {
            const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
            std::string_view text = bytes.substr(start, end - start);
            if (text.ends_with('\r')) text.remove_suffix(1);
            std::size_t indent = 0;
            while (indent < text.size() && is_blank(text[indent]))
                ++indent;
            read_line(text.substr(indent), start + indent);
            start = end + 1;
        }
        finish_entry();
        document_.set_segments(std::move(segments_));
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& reason) const {
        throw error_at(document_.path(), line, reason);
    }

    void read_line(std::string_view text, std::size_t offset) {
        if (text.empty()) {
            open_ = nullptr; // a blank line ends the strings of a keyword
        } else if (text.front() == '#') {
            comment(text);
        } else if (text.front() == '"') {
            if (!open_) fail(line_, "a string with no keyword before it");
            strings(text, offset, *open_);
        } else {
            keyword(text, offset);
        }
    }

    void comment(std::string_view text) {
        open_ = nullptr;
        if (!entry_.translations.empty()) finish_entry(); // comments open the next entry
        if (entry_.id || entry_.context)
            fail(line_, "a comment between msgid and msgstr; comments go before the entry");
        if (text.starts_with("#~")) {
            // An obsolete entry: the comments before it were its own.
            entry_ = {};
        } else if (text.starts_with("#,")) {
            std::string_view flags = text.substr(2);
            while (!flags.empty()) {
                const std::size_t comma = std::min(flags.find(','), flags.size());
                std::string_view flag = flags.substr(0, comma);
                while (!flag.empty() && is_blank(flag.front()))
                    flag.remove_prefix(1);
                while (!flag.empty() && is_blank(flag.back()))
                    flag.remove_suffix(1);
                entry_.fuzzy = entry_.fuzzy || flag == "fuzzy";
                flags.remove_prefix(std::min(comma + 1, flags.size()));
            }
        } else if (text.size() == 1 || std::string_view(".:|").find(text[1]) == text.npos) {
            merge_disabled(entry_.disabled, disabled_rules(text.substr(1)));
        }
    }

    void keyword(std::string_view text, std::size_t offset) {
        open_ = nullptr;
        std::size_t length = 0;
        while (length < text.size() && !is_blank(text[length]) && text[length] != '"')
            ++length;
        const std::string_view word = text.substr(0, length);
        Field field;
        field.keyword = offset;
        field.line = line_;
        if (word == "msgctxt") {
            if (!entry_.translations.empty()) finish_entry();
            if (entry_.context) fail(line_, "a second msgctxt in one entry");
            if (entry_.id) fail(line_, "msgctxt after msgid; it goes before");
            open_ = &entry_.context.emplace(std::move(field));
        } else if (word == "msgid") {
            if (!entry_.translations.empty()) finish_entry();
            if (entry_.id)
                fail(line_, "a second msgid before the msgstr of the msgid on line " +
                                std::to_string(entry_.id->line));
            open_ = &entry_.id.emplace(std::move(field));
        } else if (word == "msgid_plural") {
            if (!entry_.id) fail(line_, "msgid_plural without msgid");
            if (entry_.plural) fail(line_, "a second msgid_plural in one entry");
            if (!entry_.translations.empty()) fail(line_, "msgid_plural after msgstr");
            open_ = &entry_.plural.emplace(std::move(field));
        } else if (word == "msgstr") {
            if (!entry_.id) fail(line_, "msgstr without msgid");
            if (entry_.plural)
                fail(line_, "msgstr in an entry with msgid_plural; write msgstr[0], msgstr[1]");
            if (!entry_.translations.empty()) fail(line_, "a second msgstr in one entry");
            open_ = &entry_.translations.emplace_back(std::move(field));
        } else if (word.starts_with("msgstr[") && word.ends_with(']')) {
            const std::string_view index = word.substr(7, word.size() - 8);
            const std::string expected = std::to_string(entry_.translations.size());
            if (!entry_.id) fail(line_, std::string(word) + " without msgid");
            if (!entry_.plural) fail(line_, std::string(word) + " without msgid_plural");
            if (index != expected)
                fail(line_, std::string(word) + " where msgstr[" + expected + "] was expected");
            open_ = &entry_.translations.emplace_back(std::move(field));
        } else if (!word.empty() && std::isalpha(static_cast<unsigned char>(word.front()))) {
            fail(line_, "unknown keyword '" + std::string(word) + "'");
        } else {
            fail(line_, "text outside quotes");
        }
        strings(text.substr(length), offset + length, *open_);
        if (!open_->has_string) fail(line_, "a quoted string must follow " + std::string(word));
    }

    // The quoted strings of one line, appended to `field`.
    void strings(std::string_view text, std::size_t offset, Field& field) {
        std::size_t i = 0;
        while (true) {
            while (i < text.size() && is_blank(text[i]))
                ++i;
            if (i == text.size()) return;
            if (text[i] != '"') fail(line_, "text outside quotes");
            std::size_t close = i + 1;
            while (close < text.size() && text[close] != '"')
                close += text[close] == '\\' ? 2 : 1;
            if (close >= text.size()) fail(line_, "a string without its closing quote");
            if (!field.has_string) field.inside = offset + i + 1;
            field.has_string = true;
            field.end = offset + close + 1;
            if (auto error = append_unescaped(text.substr(i + 1, close - i - 1), offset + i + 1,
                                              field.value))
                fail(document_.position(error->offset).line, error->reason);
            i = close + 1;
        }
    }

    void check_utf8(const Field& field) const {
        if (auto bad = text::find_invalid_utf8(field.value.text))
            fail(document_.position(field.value.map.to_original(*bad)).line,
                 "the string is not UTF-8 once its escapes are decoded");
    }

    void finish_entry() {
        Entry entry = std::move(entry_);
        entry_ = {};
        open_ = nullptr;
        if (entry.context && !entry.id) fail(entry.context->line, "msgctxt without msgid");
        if (!entry.id) return; // comments alone
        if (entry.translations.empty())
            fail(entry.id->line,
                 entry.plural ? "msgid_plural without msgstr[0]" : "msgid without msgstr");
        check_utf8(*entry.id);
        if (entry.plural) check_utf8(*entry.plural);
        for (const Field& translation : entry.translations)
            check_utf8(translation);
        if (entry.id->value.text.empty() && !entry.context) {
            const std::string language =
                primary_language(header_language(entry.translations.front().value.text));
            if (!language.empty()) document_.set_languages("", language);
            return;
        }
        for (std::size_t form = 0; form < entry.translations.size(); ++form) {
            Field& translation = entry.translations[form];
            Segment segment = std::move(translation.value);
            if (segment.text.empty()) segment.map = OffsetMap::identity(translation.inside);
            segment.source = form == 0 ? entry.id->value.text : entry.plural->value.text;
            segment.needs_review = entry.fuzzy;
            segments_.push_back(std::move(segment));
        }
        if (entry.disabled)
            document_.add_suppression({entry.translations.front().keyword,
                                       entry.translations.back().end, std::move(*entry.disabled)});
    }

    Document& document_;
    std::vector<Segment> segments_;
    std::size_t line_ = 0;
    Entry entry_;
    Field* open_ = nullptr; // the field that continuation strings extend
};

} // namespace

void extract_po(Document& document) {
    Parser(document).parse();
}

} // namespace translint::formats
