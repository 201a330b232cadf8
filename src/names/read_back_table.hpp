// What ICU's BGN schemes make of the Cyrillic forms in the shipped gazetteer, computed once at
// build time (tools/make-read-back-table) so that start-up does not run ICU on every name. The
// text has one line per word, "r" or "u" (Russian or Ukrainian scheme), the Cyrillic word and
// its Latin reading, tab-separated and sorted by byte value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace translint::names {

class ReadBackTable {
public:
    ReadBackTable() = default;
    // Indexes `text` in place: it must outlive the table.
    explicit ReadBackTable(std::string_view text);
    // The Latin reading of `cyrillic`, or nullptr when the table does not hold it.
    const std::string_view* find(bool ukrainian, std::string_view cyrillic) const;
    // The text of a table holding these readings.
    static std::string format(std::vector<std::string> lines);
    static std::string line(bool ukrainian, std::string_view cyrillic, std::string_view latin);

private:
    struct Entry {
        std::string_view key; // "r\tЖак" or "u\tЖак"
        std::string_view latin;
    };
    std::vector<Entry> entries_;
};

} // namespace translint::names
