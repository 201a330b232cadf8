// The HTML report: one self-contained page for the editor who reviews a translation. Each file's
// text is shown exactly as it was read, with every finding highlighted in place and explained in
// the notes beside it. The page is written as the files arrive (the summary comes last in the
// source, and the page's script moves it to the top), so memory stays flat however many files a
// run checks; the same findings always give the same bytes.
#include "report/escape.hpp"
#include "report/html_template.hpp"
#include "report/sinks.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <queue>
#include <unordered_map>

namespace translint {
namespace {

constexpr std::array<Severity, 3> severities{Severity::error, Severity::warning, Severity::info};
constexpr std::array<Category, 12> categories{
    Category::spelling,     Category::name,   Category::mistranslation, Category::terminology,
    Category::number,       Category::locale, Category::typography,     Category::consistency,
    Category::untranslated, Category::script, Category::grammar,        Category::markup,
};

std::string_view label_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "Error";
    case Severity::warning:
        return "Warning";
    case Severity::info:
        return "Info";
    }
    return "";
}

// A shape for each severity, so that colour is not the only signal.
std::string_view icon_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "\u25CF"; // ●
    case Severity::warning:
        return "\u25B2"; // ▲
    case Severity::info:
        return "\u25C6"; // ◆
    }
    return "";
}

std::string_view label_of(Category category) {
    switch (category) {
    case Category::spelling:
        return "Spelling";
    case Category::name:
        return "Names";
    case Category::mistranslation:
        return "Mistranslation";
    case Category::terminology:
        return "Terminology";
    case Category::number:
        return "Numbers";
    case Category::locale:
        return "Local conventions";
    case Category::typography:
        return "Typography";
    case Category::consistency:
        return "Consistency";
    case Category::untranslated:
        return "Untranslated";
    case Category::script:
        return "Mixed scripts";
    case Category::grammar:
        return "Grammar";
    case Category::markup:
        return "Markup";
    }
    return "";
}

std::string_view language_name(std::string_view code) {
    static constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"it", "Italian"}, {"en", "English"},    {"fr", "French"},  {"de", "German"},
        {"es", "Spanish"}, {"pt", "Portuguese"}, {"ru", "Russian"}, {"uk", "Ukrainian"},
        {"pl", "Polish"},  {"nl", "Dutch"},      {"zh", "Chinese"}, {"ja", "Japanese"},
    };
    for (const auto& [key, name] : names)
        if (key == code) return name;
    return code;
}

// Writes `text` as HTML character data or a double-quoted attribute value. & < > " ' are escaped;
// control characters other than tab and line feed become character references (the HTML parser
// would turn a raw carriage return into a line feed); NUL and bytes that are not well-formed
// UTF-8 (a path is whatever the file system holds) become U+FFFD.
void write_html_escaped(std::ostream& out, std::string_view text) {
    char reference[8];
    report::write_escaped(out, text, [&](char32_t c, bool malformed) -> std::string_view {
        if (malformed || c == 0) return report::replacement_character;
        switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";
        case '"':
            return "&quot;";
        case '\'':
            return "&#39;";
        case '\t':
        case '\n':
            return report::keep;
        }
        if (c >= 0x20) return report::keep;
        std::snprintf(reference, sizeof reference, "&#%u;", static_cast<unsigned>(c));
        return reference;
    });
}

struct Escaped {
    std::string_view text;
};
std::ostream& operator<<(std::ostream& out, Escaped e) {
    write_html_escaped(out, e.text);
    return out;
}
Escaped esc(std::string_view text) {
    return {text};
}

// A flagged span as the notes quote it: on one line, and not too long.
std::string one_line(std::string_view text) {
    constexpr std::size_t max_code_points = 60;
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t c = text::next_code_point(text, i);
        if (++count > max_code_points) {
            out += "\u2026";
            break;
        }
        if (c == U'\n')
            out += "\u23CE"; // ⏎
        else if (c == U'\r')
            continue;
        else if (c == U'\t')
            out += ' ';
        else
            out.append(text.substr(start, i - start));
    }
    return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "a", "a and b", "a, b and c".
std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

struct Counts {
    std::size_t errors = 0, warnings = 0, infos = 0;
    void add(Severity severity) {
        (severity == Severity::error ? errors : severity == Severity::warning ? warnings : infos)++;
    }
    std::size_t of(Severity severity) const {
        return severity == Severity::error     ? errors
               : severity == Severity::warning ? warnings
                                               : infos;
    }
    std::size_t total() const { return errors + warnings + infos; }
};

// One finding of a file, in the order the page shows them: by where they begin, a missing-text
// marker before a span that begins at the same place, an enclosing span before what it encloses.
struct Finding {
    std::size_t begin = 0;
    std::size_t end = 0;
    const Diagnostic* diagnostic = nullptr;
    std::size_t line = 1;
    std::size_t column = 1;
};

// Walks the original bytes forward, counting lines and code points as Document::position does.
class Cursor {
public:
    explicit Cursor(std::string_view bytes)
        : bytes_(bytes)
        , bom_(bytes.starts_with("\xEF\xBB\xBF")) {}

    void advance(std::size_t to) {
        for (; at_ < to; ++at_) {
            const auto c = static_cast<unsigned char>(bytes_[at_]);
            if (c == '\n') {
                ++line_;
                column_ = 1;
            } else if ((c & 0xC0) != 0x80 && !(bom_ && at_ == 0)) {
                ++column_;
            }
        }
    }
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }

private:
    std::string_view bytes_;
    bool bom_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

struct FileRow {
    std::string path;
    std::string language;
    Counts counts;
};

class HtmlSink final : public Sink {
public:
    HtmlSink(std::ostream& out, SinkOptions options)
        : out_(out)
        , options_(std::move(options)) {
        for (const RuleInfo& rule : options_.rules)
            rules_.emplace(rule.id, &rule);
        out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
                "<meta name=\"referrer\" content=\"no-referrer\">\n"
                "<meta name=\"generator\" content=\"translint " TRANSLINT_VERSION "\">\n"
                "<title>translint report</title>\n<style>";
        write_style();
        out_ << "</style>\n</head>\n<body>\n<div class=\"page\">\n"
                "<header class=\"masthead\"><div class=\"wrap\"><div><span class=\"kicker\">"
                "Translation review</span><h1>translint report</h1></div>"
                "<p class=\"version\">translint " TRANSLINT_VERSION "</p></div></header>\n"
                "<main class=\"files\" id=\"files\"><div class=\"wrap\">\n";
    }

    void file(const Document& document, const std::string& language,
              const std::vector<Diagnostic>& diagnostics) override {
        const std::size_t index = ++files_;
        const std::string_view bytes = document.bytes();
        std::vector<Finding> findings;
        findings.reserve(diagnostics.size());
        FileRow row{document.path(), language, {}};
        for (const Diagnostic& d : diagnostics) {
            const std::size_t begin = std::min(d.offset, bytes.size());
            const std::size_t end =
                std::min(bytes.size(), begin + std::min(d.length, bytes.size()));
            findings.push_back({begin, end, &d});
            row.counts.add(d.severity);
            ++by_category_[static_cast<std::size_t>(d.category)];
            ++fired_[d.rule];
        }
        std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
            if (a.begin != b.begin) return a.begin < b.begin;
            const bool a_empty = a.end == a.begin, b_empty = b.end == b.begin;
            if (a_empty != b_empty) return a_empty;
            return a.end > b.end;
        });

        const std::string id = std::to_string(index);
        const bool clean = findings.empty();
        out_ << "<section class=\"file" << (clean ? " is-clean" : "") << "\" id=\"file-" << id
             << "\" aria-labelledby=\"file-" << id << "-title\">\n<header class=\"file-head\"><div>"
             << "<p class=\"file-kicker\">File " << id;
        if (!language.empty()) out_ << " \u00B7 " << esc(language_name(language));
        out_ << "</p><h2 id=\"file-" << id << "-title\" class=\"path\">" << esc(document.path())
             << "</h2></div><p class=\"file-counts\">";
        if (clean) out_ << "<span class=\"clean\">\u2713 No findings</span>";
        for (const Severity severity : severities) {
            const std::size_t n = row.counts.of(severity);
            if (!n) continue;
            out_ << "<span class=\"s-" << to_string(severity) << "\"><span class=\"icon\" "
                 << "aria-hidden=\"true\">" << icon_of(severity) << "</span>"
                 << (severity == Severity::info
                         ? plural(n, "info note", "info notes")
                         : plural(n, to_string(severity), std::string(to_string(severity)) + "s"))
                 << "</span>";
        }
        out_ << "</p></header>\n<div class=\"file-body\">\n<div>";
        if (clean)
            out_ << "<p class=\"all-clear\"><span class=\"check\" aria-hidden=\"true\">\u2713"
                    "</span><strong>No findings in this file.</strong></p>";
        out_ << "<div class=\"text\" id=\"text-" << id << '"';
        if (!language.empty() &&
            language.find_first_not_of(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
                std::string::npos)
            out_ << " lang=\"" << language << '"';
        out_ << '>';
        write_text(bytes, findings, id);
        out_ << "</div>";
        if (bytes.empty()) out_ << "<p class=\"empty-note\">The file is empty.</p>";
        out_ << "</div>\n";
        if (!clean) write_notes(document, findings, id);
        out_ << "</div>\n</section>\n";
        rows_.push_back(std::move(row));
    }

    void finish(const Summary& summary) override {
        out_ << "</div></main>\n";
        write_summary(summary);
        write_toolbar();
        write_rules();
        out_
            << "<footer class=\"colophon\"><div class=\"wrap\">Made by translint " TRANSLINT_VERSION
               ". Each text is shown exactly as it was read; the highlights mark what the rules "
               "found, and the numbers lead to the notes.</div></footer>\n</div>\n"
               "<div class=\"popover\" id=\"popover\" aria-hidden=\"true\" hidden></div>\n"
               "<div class=\"help\" id=\"help\" role=\"dialog\" aria-labelledby=\"help-title\" "
               "hidden><h2 id=\"help-title\">Keyboard shortcuts</h2><dl>"
               "<dt><kbd>j</kbd> or <kbd>n</kbd></dt><dd>Next finding</dd>"
               "<dt><kbd>k</kbd> or <kbd>p</kbd></dt><dd>Previous finding</dd>"
               "<dt><kbd>Esc</kbd></dt><dd>Close the explanation</dd>"
               "<dt><kbd>?</kbd></dt><dd>Show or hide these keys</dd></dl>"
               "<button type=\"button\" data-close-help>Close</button></div>\n<script>"
            << report::html_script << "</script>\n</body>\n</html>\n";
        out_.flush();
    }

private:
    void write_style() {
        const std::string_view style = report::html_style;
        const std::string_view marker = "@@FILTERS@@";
        const std::size_t at = style.find(marker);
        out_ << style.substr(0, at);
        // One rule per severity and category, so that a filter is one class on the root.
        std::string marks, notes;
        const auto add = [&](std::string_view cls) {
            const std::string prefix = ".hide-" + std::string(cls) + ' ';
            marks +=
                (marks.empty() ? "" : ",\n") + prefix + "mark[data-finding]." + std::string(cls);
            notes += (notes.empty() ? "" : ",\n") + prefix + "li.finding." + std::string(cls) +
                     ",\n" + prefix + "sup.ref." + std::string(cls) + ",\n" + prefix +
                     "mark.zero[data-finding]." + std::string(cls);
        };
        for (const Severity severity : severities)
            add("s-" + std::string(to_string(severity)));
        for (const Category category : categories)
            add("c-" + std::string(to_string(category)));
        out_ << marks
             << " {\n  background: transparent; border-bottom-color: transparent; cursor: text; "
                "padding: 0;\n}\n"
             << notes << " {\n  display: none;\n}\n";
        if (at != std::string_view::npos) out_ << style.substr(at + marker.size());
    }

    void open_mark(const Finding& f, const std::string& file, std::size_t n, bool first) {
        const Diagnostic& d = *f.diagnostic;
        const std::string id = "f-" + file + "-" + std::to_string(n);
        out_ << "<mark class=\"tl s-" << to_string(d.severity) << " c-" << to_string(d.category)
             << (f.end == f.begin ? " zero" : "") << (first ? "" : " cont") << '"';
        if (first) out_ << " id=\"" << id << '"';
        out_ << " data-finding=\"" << id << '"';
        if (first)
            out_ << " data-n=\"" << n << "\" data-rule=\"" << esc(d.rule) << "\" data-severity=\""
                 << to_string(d.severity) << "\" data-category=\"" << to_string(d.category)
                 << "\" data-offset=\"" << f.begin << "\" data-length=\"" << f.end - f.begin
                 << "\" tabindex=\"-1\" aria-describedby=\"d-" << file << '-' << n << '"';
        out_ << '>';
    }

    void close_mark(const Finding& f, const std::string& file, std::size_t n) {
        out_ << "</mark><sup class=\"ref s-" << to_string(f.diagnostic->severity) << " c-"
             << to_string(f.diagnostic->category) << "\" data-n=\"" << n << "\" data-ref-for=\"f-"
             << file << '-' << n << "\" aria-hidden=\"true\"></sup>";
    }

    // The text with its findings as <mark> elements. Overlapping spans are nested; where two
    // spans cross, the inner one is closed and reopened, so the elements that carry a finding's
    // data-finding hold exactly its text. Linear in the text, plus the depth of the nesting at
    // each place where a span ends.
    void write_text(std::string_view bytes, std::vector<Finding>& findings,
                    const std::string& file) {
        Cursor cursor(bytes);
        std::vector<std::size_t> stack;                  // open findings, outermost first
        std::vector<std::size_t> depth(findings.size()); // where each open finding is on the stack
        using End = std::pair<std::size_t, std::size_t>; // (end, finding)
        std::priority_queue<End, std::vector<End>, std::greater<>> ends;
        std::vector<std::size_t> reopen;
        std::size_t at = 0, next = 0;
        for (;;) {
            std::size_t stop = bytes.size();
            if (next < findings.size()) stop = std::min(stop, findings[next].begin);
            if (!ends.empty()) stop = std::min(stop, ends.top().first);
            write_html_escaped(out_, bytes.substr(at, stop - at));
            at = stop;
            if (!ends.empty() && ends.top().first == at) {
                std::size_t lowest = stack.size();
                while (!ends.empty() && ends.top().first == at) {
                    lowest = std::min(lowest, depth[ends.top().second]);
                    ends.pop();
                }
                reopen.clear();
                for (std::size_t k = stack.size(); k-- > lowest;) {
                    const std::size_t i = stack[k];
                    if (findings[i].end == at)
                        close_mark(findings[i], file, i + 1);
                    else {
                        out_ << "</mark>";
                        reopen.push_back(i);
                    }
                }
                stack.resize(lowest);
                for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) {
                    depth[*it] = stack.size();
                    stack.push_back(*it);
                    open_mark(findings[*it], file, *it + 1, false);
                }
            }
            while (next < findings.size() && findings[next].begin == at) {
                Finding& f = findings[next];
                cursor.advance(at);
                f.line = cursor.line();
                f.column = cursor.column();
                open_mark(f, file, next + 1, true);
                if (f.end == f.begin) {
                    close_mark(f, file, next + 1);
                } else {
                    depth[next] = stack.size();
                    stack.push_back(next);
                    ends.emplace(f.end, next);
                }
                ++next;
            }
            if (at == bytes.size() && next == findings.size() && ends.empty()) break;
        }
    }

    void write_suggestion_line(std::string_view flagged, const Diagnostic& d,
                               const std::string& href) {
        out_ << "<p class=\"fix\"><a href=\"" << href << "\">";
        if (d.suggestions.empty()) {
            if (flagged.empty())
                out_ << "<span class=\"what\">Something is missing here</span>";
            else
                out_ << "<q class=\"flagged\">" << esc(one_line(flagged)) << "</q>";
        } else if (flagged.empty()) {
            out_ << "<span class=\"what\">Insert</span><ins>" << esc(one_line(d.suggestions[0]))
                 << "</ins>";
        } else if (d.suggestions[0].empty()) {
            out_ << "<span class=\"what\">Delete</span><del>" << esc(one_line(flagged)) << "</del>";
        } else {
            out_ << "<del>" << esc(one_line(flagged))
                 << "</del><span class=\"arrow\" aria-hidden=\"true\">\u2192</span>"
                    "<span class=\"visually-hidden\">: write </span><ins>"
                 << esc(one_line(d.suggestions[0])) << "</ins>";
        }
        out_ << "</a></p>";
        if (d.suggestions.size() > 1) {
            out_ << "<p class=\"alts\">or ";
            for (std::size_t k = 1; k < d.suggestions.size(); ++k)
                out_ << (k > 1 ? ", " : "") << "<ins>" << esc(one_line(d.suggestions[k]))
                     << "</ins>";
            out_ << "</p>";
        }
    }

    void write_notes(const Document& document, const std::vector<Finding>& findings,
                     const std::string& file) {
        const std::string_view bytes = document.bytes();
        out_ << "<aside class=\"notes\" aria-labelledby=\"notes-" << file
             << "-title\"><h3 id=\"notes-" << file << "-title\">"
             << plural(findings.size(), "finding", "findings")
             << "</h3>\n<ol class=\"findings\">\n";
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const Finding& f = findings[i];
            const Diagnostic& d = *f.diagnostic;
            const std::string n = std::to_string(i + 1);
            const std::string target = "f-" + file + "-" + n;
            out_ << "<li class=\"finding s-" << to_string(d.severity) << " c-"
                 << to_string(d.category) << "\" id=\"n-" << file << '-' << n
                 << "\" data-note-for=\"" << target << "\" data-line=\"" << f.line
                 << "\" data-column=\"" << f.column << "\"><a class=\"num\" href=\"#" << target
                 << "\" aria-label=\"Finding " << n << ", line " << f.line << "\">" << n
                 << "</a><div class=\"note\" id=\"d-" << file << '-' << n << "\">";
            write_suggestion_line(bytes.substr(f.begin, f.end - f.begin), d, "#" + target);
            out_ << "<p class=\"msg\">" << esc(d.message)
                 << "</p><p class=\"tags\"><span class=\"sev\">"
                 << "<span class=\"icon\" aria-hidden=\"true\">" << icon_of(d.severity) << "</span>"
                 << label_of(d.severity) << "</span><span class=\"cat\">" << label_of(d.category)
                 << "</span><span class=\"rule\">";
            const bool described = rules_.count(d.rule) && !rules_.at(d.rule)->description.empty();
            if (described) out_ << "<a href=\"#rule-" << esc(d.rule) << "\">";
            out_ << "<code>" << esc(d.rule) << "</code>";
            if (described) out_ << "</a>";
            out_ << "</span><span class=\"where\">line " << f.line << "</span></p></div></li>\n";
        }
        out_ << "</ol></aside>\n";
    }

    void write_summary(const Summary& summary) {
        const Counts totals{summary.errors, summary.warnings, summary.infos};
        out_ << "<section class=\"summary\" id=\"summary\" aria-label=\"Summary\"><div "
                "class=\"wrap\">\n<p class=\"lede\">";
        if (summary.files == 0) {
            out_ << "No files were checked.";
        } else if (totals.total() == 0) {
            out_ << "<span class=\"ok\" aria-hidden=\"true\">\u2713 </span>No findings in "
                 << plural(summary.files, "file", "files")
                 << ".<span class=\"quiet\">translint found nothing to correct.</span>";
        } else {
            std::vector<std::string> parts;
            if (totals.errors) parts.push_back(plural(totals.errors, "error", "errors"));
            if (totals.warnings) parts.push_back(plural(totals.warnings, "warning", "warnings"));
            if (totals.infos) parts.push_back(plural(totals.infos, "info note", "info notes"));
            out_ << plural(totals.total(), "finding", "findings") << " in "
                 << plural(summary.files, "file", "files") << ": " << joined(parts) << '.';
        }
        if (summary.in_baseline)
            out_ << "<span class=\"quiet\">"
                 << plural(summary.in_baseline, "accepted finding", "accepted findings")
                 << " recorded in the baseline not shown.</span>";
        out_ << "</p>\n<dl class=\"stats\">";
        const auto stat = [&](std::string_view key, std::string_view cls, std::string_view label,
                              std::string_view icon, std::size_t n) {
            out_ << "<div class=\"stat " << cls << (n ? "" : " zero") << "\" data-stat=\"" << key
                 << "\"><dt>";
            if (!icon.empty())
                out_ << "<span class=\"icon\" aria-hidden=\"true\">" << icon << "</span>";
            out_ << label << "</dt><dd data-count=\"" << n << "\">" << n << "</dd></div>";
        };
        stat("files", "", summary.files == 1 ? "File" : "Files", "", summary.files);
        stat("errors", "s-error", "Errors", icon_of(Severity::error), totals.errors);
        stat("warnings", "s-warning", "Warnings", icon_of(Severity::warning), totals.warnings);
        stat("infos", "s-info", "Info", icon_of(Severity::info), totals.infos);
        out_ << "</dl>\n";

        std::vector<Category> present;
        std::size_t most = 0;
        for (const Category category : categories) {
            const std::size_t n = by_category_[static_cast<std::size_t>(category)];
            if (n) present.push_back(category);
            most = std::max(most, n);
        }
        std::stable_sort(present.begin(), present.end(), [&](Category a, Category b) {
            return by_category_[static_cast<std::size_t>(a)] >
                   by_category_[static_cast<std::size_t>(b)];
        });
        if (!present.empty()) {
            out_ << "<p class=\"legend\"><span>How to read the text:</span>";
            for (const Severity severity : severities)
                out_ << "<span><mark class=\"tl s-" << to_string(severity) << "\">"
                     << label_of(severity) << "</mark> "
                     << (severity == Severity::error     ? "solid"
                         : severity == Severity::warning ? "dashed"
                                                         : "dotted")
                     << " underline</span>";
            out_ << "<span>the small numbers lead to the notes</span></p>\n";
            out_ << "<div class=\"breakdown\"><h2>By category</h2><table class=\"categories\">";
            for (const Category category : present) {
                const std::size_t n = by_category_[static_cast<std::size_t>(category)];
                out_ << "<tr data-category=\"" << to_string(category) << "\"><th scope=\"row\">"
                     << label_of(category) << "</th><td class=\"count\" data-count=\"" << n << "\">"
                     << n << "</td><td class=\"bar\" aria-hidden=\"true\"><span style=\"width: "
                     << (n * 100 + most / 2) / most << "%\"></span></td></tr>";
            }
            out_ << "</table></div>\n";
        }
        if (rows_.size() > 1) {
            out_ << "<table class=\"files-table\"><caption>Files</caption><thead><tr>"
                    "<th scope=\"col\">File</th><th scope=\"col\">Language</th>"
                    "<th scope=\"col\" class=\"n\">Errors</th><th scope=\"col\" class=\"n\">"
                    "Warnings</th><th scope=\"col\" class=\"n\">Info</th></tr></thead><tbody>";
            for (std::size_t i = 0; i < rows_.size(); ++i) {
                const FileRow& row = rows_[i];
                out_ << "<tr><td><a href=\"#file-" << i + 1 << "\">" << esc(row.path)
                     << "</a></td><td>" << esc(language_name(row.language)) << "</td>";
                for (const Severity severity : severities) {
                    const std::size_t n = row.counts.of(severity);
                    out_ << "<td class=\"n" << (n ? "" : " zero") << "\">" << n << "</td>";
                }
                out_ << "</tr>";
            }
            out_ << "</tbody></table>\n";
        }
        out_ << "</div></section>\n";
    }

    void write_toolbar() {
        const Counts totals = [&] {
            Counts c;
            for (const FileRow& row : rows_) {
                c.errors += row.counts.errors;
                c.warnings += row.counts.warnings;
                c.infos += row.counts.infos;
            }
            return c;
        }();
        if (totals.total() == 0) return;
        out_ << "<nav class=\"toolbar\" id=\"toolbar\" aria-label=\"Filters and navigation\">"
                "<div class=\"wrap\">\n<div class=\"filters\"><fieldset class=\"filter-group\" "
                "id=\"severity-filters\">"
                "<legend>Show</legend>";
        for (const Severity severity : severities) {
            const std::size_t n = totals.of(severity);
            if (!n) continue;
            out_ << "<label class=\"chip s-" << to_string(severity)
                 << "\"><input type=\"checkbox\" checked autocomplete=\"off\" data-filter=\"s-"
                 << to_string(severity) << "\"><span class=\"icon\" aria-hidden=\"true\">"
                 << icon_of(severity) << "</span>" << label_of(severity)
                 << (severity == Severity::info ? "" : "s") << " <span class=\"n\">" << n
                 << "</span></label>";
        }
        out_ << "</fieldset>\n<fieldset class=\"filter-group\" id=\"category-filters\">"
                "<legend>Categories</legend>";
        for (const Category category : categories) {
            const std::size_t n = by_category_[static_cast<std::size_t>(category)];
            if (!n) continue;
            out_ << "<label class=\"chip\"><input type=\"checkbox\" checked autocomplete=\"off\" "
                    "data-filter=\"c-"
                 << to_string(category) << "\">" << label_of(category) << " <span class=\"n\">" << n
                 << "</span></label>";
        }
        out_ << "</fieldset></div>\n<div class=\"nav\"><span class=\"position\" id=\"position\" "
                "aria-live=\"polite\"></span><button type=\"button\" data-move=\"-1\" "
                "title=\"Previous finding (k)\">\u2039 Previous</button><button type=\"button\" "
                "data-move=\"1\" title=\"Next finding (j)\">Next \u203A</button><button "
                "type=\"button\" data-help title=\"Keyboard shortcuts (?)\" aria-label=\"Keyboard "
                "shortcuts\">?</button></div>\n</div></nav>\n";
    }

    // What each rule that reported looks for, when the rules were given.
    void write_rules() {
        bool any = false;
        for (const auto& [id, count] : fired_) {
            const auto it = rules_.find(id);
            if (it == rules_.end() || it->second->description.empty()) continue;
            if (!any)
                out_ << "<section class=\"rules\" id=\"rules\" aria-labelledby=\"rules-title\">"
                        "<div class=\"wrap\"><h2 id=\"rules-title\">About the rules</h2><dl>\n";
            any = true;
            const RuleInfo& rule = *it->second;
            out_ << "<div class=\"rule\" id=\"rule-" << esc(id) << "\"><dt><code>" << esc(id)
                 << "</code><span class=\"cat\">" << label_of(rule.category) << " \u00B7 "
                 << plural(count, "finding", "findings") << "</span></dt><dd>"
                 << esc(rule.description) << "</dd></div>\n";
        }
        if (any) out_ << "</dl></div></section>\n";
    }

    std::ostream& out_;
    SinkOptions options_;
    std::unordered_map<std::string, const RuleInfo*> rules_;
    std::size_t files_ = 0;
    std::array<std::size_t, categories.size()> by_category_{};
    std::map<std::string, std::size_t> fired_; // rule id -> findings
    std::vector<FileRow> rows_;
};

} // namespace

std::unique_ptr<Sink> make_html_sink(std::ostream& out, SinkOptions options) {
    return std::make_unique<HtmlSink>(out, std::move(options));
}

} // namespace translint
