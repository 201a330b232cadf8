// Build step: reads the shipped gazetteer's Cyrillic forms back through ICU's BGN schemes once,
// and writes the ReadBackTable that the library embeds, so that start-up skips ICU for them.
// Usage: make-read-back-table OUTPUT
#include "core/embedded.hpp"
#include "names/gazetteer.hpp"
#include "names/read_back_table.hpp"
#include "translint/error.hpp"
#include "translint/io.hpp"

#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make-read-back-table OUTPUT\n";
        return 2;
    }
    try {
        translint::names::Gazetteer gazetteer;
        for (const translint::EmbeddedFile& file : translint::embedded_files()) {
            const std::string_view path = file.path;
            if (path.starts_with("dictionaries/names/") && path.ends_with(".tsv"))
                gazetteer.add_file(file.path, file.bytes);
        }
        gazetteer.build();
        translint::write_file_atomically(
            argv[1], translint::names::ReadBackTable::format(gazetteer.read_back_lines()));
    } catch (const std::exception& e) {
        std::cerr << "make-read-back-table: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
