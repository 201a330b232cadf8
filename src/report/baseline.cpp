#include "translint/baseline.hpp"

#include "translint/error.hpp"
#include "translint/io.hpp"

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace translint {
namespace {

// Letters and digits in any script: every byte of a multi-byte UTF-8 character counts.
bool is_word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte);
}

constexpr std::size_t context_reach = 64; // bytes searched for a neighbouring word

// The word next to [begin, end) on the same line, lower-cased; empty at a line's edge.
std::string neighbour_word(std::string_view bytes, std::size_t begin, std::size_t end,
                           bool before) {
    std::string word;
    if (before) {
        std::size_t i = begin, limit = begin > context_reach ? begin - context_reach : 0;
        while (i > limit && !is_word_byte(bytes[i - 1]) && bytes[i - 1] != '\n')
            --i;
        std::size_t word_end = i;
        while (i > limit && is_word_byte(bytes[i - 1]))
            --i;
        word = bytes.substr(i, word_end - i);
    } else {
        std::size_t i = end, limit = std::min(bytes.size(), end + context_reach);
        while (i < limit && !is_word_byte(bytes[i]) && bytes[i] != '\n')
            ++i;
        std::size_t word_begin = i;
        while (i < limit && is_word_byte(bytes[i]))
            ++i;
        word = bytes.substr(word_begin, i - word_begin);
    }
    for (char& c : word)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word;
}

std::string hex(std::uint64_t value) {
    char digits[17];
    std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(value));
    return digits;
}

std::string flagged_text(const Document& document, const Diagnostic& d) {
    return document.bytes().substr(d.offset, d.length);
}

} // namespace

std::string fingerprint(const Document& document, const Diagnostic& d) {
    const std::string_view bytes = document.bytes();
    const std::string key = d.rule + '\x1f' + flagged_text(document, d) + '\x1f' +
                            neighbour_word(bytes, d.offset, d.offset + d.length, true) + '\x1f' +
                            neighbour_word(bytes, d.offset, d.offset + d.length, false);
    // FNV-1a: stable across platforms and releases, which a baseline file needs.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : key) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hex(hash);
}

void Baseline::add(const Document& document, const std::vector<Diagnostic>& diagnostics) {
    auto& file = files_[document.path()];
    for (const Diagnostic& d : diagnostics) {
        Entry& entry = file[fingerprint(document, d)];
        entry.rule = d.rule;
        entry.text = flagged_text(document, d);
        ++entry.count;
    }
}

std::vector<Diagnostic> Baseline::new_findings(const Document& document,
                                               std::vector<Diagnostic> diagnostics) const {
    const auto file = files_.find(document.path());
    if (file == files_.end()) return diagnostics;
    std::map<std::string, std::size_t> absorbed;
    std::vector<Diagnostic> fresh;
    for (Diagnostic& d : diagnostics) {
        const std::string print = fingerprint(document, d);
        const auto entry = file->second.find(print);
        if (entry != file->second.end() && absorbed[print] < entry->second.count)
            ++absorbed[print];
        else
            fresh.push_back(std::move(d));
    }
    return fresh;
}

std::size_t Baseline::size() const {
    std::size_t total = 0;
    for (const auto& [path, entries] : files_)
        for (const auto& [print, entry] : entries)
            total += entry.count;
    return total;
}

std::string Baseline::to_json() const {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& [path, entries] : files_) {
        nlohmann::ordered_json findings = nlohmann::ordered_json::array();
        for (const auto& [print, entry] : entries)
            findings.push_back({{"fingerprint", print},
                                {"rule", entry.rule},
                                {"text", entry.text},
                                {"count", entry.count}});
        files.push_back({{"path", path}, {"findings", std::move(findings)}});
    }
    const nlohmann::ordered_json document = {
        {"translint_baseline", 1}, {"tool_version", TRANSLINT_VERSION}, {"files", files}};
    return document.dump(2) + '\n';
}

Baseline Baseline::load(const std::string& path) {
    const std::string text = read_file(path);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t line = 1;
        for (std::size_t i = 0; i < std::min(e.byte, text.size()); ++i)
            line += text[i] == '\n';
        throw Error(path + ":" + std::to_string(line) + ": not a baseline: malformed JSON");
    }
    const auto malformed = [&](const std::string& reason) {
        return Error(path + ": not a baseline: " + reason);
    };
    if (!document.is_object() || document.value("translint_baseline", 0) != 1)
        throw malformed("expected an object with \"translint_baseline\": 1");
    if (!document.contains("files") || !document["files"].is_array())
        throw malformed("\"files\" must be an array");
    Baseline baseline;
    for (const auto& file : document["files"]) {
        if (!file.is_object() || !file.contains("path") || !file["path"].is_string() ||
            !file.contains("findings") || !file["findings"].is_array())
            throw malformed("each file needs a \"path\" string and a \"findings\" array");
        auto& entries = baseline.files_[file["path"].get<std::string>()];
        for (const auto& finding : file["findings"]) {
            if (!finding.is_object() || !finding.contains("fingerprint") ||
                !finding["fingerprint"].is_string() || !finding.contains("count") ||
                !finding["count"].is_number_unsigned())
                throw malformed("each finding needs a \"fingerprint\" string and a \"count\"");
            Entry& entry = entries[finding["fingerprint"].get<std::string>()];
            entry.rule = finding.value("rule", "");
            entry.text = finding.value("text", "");
            entry.count += finding["count"].get<std::size_t>();
        }
    }
    return baseline;
}

} // namespace translint
