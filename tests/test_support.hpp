// What the format tests share: findings as rule, line, column and length, which compare in an
// expectation and print readably when it fails.
#pragma once

#include "translint/engine.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace test_support {

struct Found {
    std::string rule;
    std::size_t line, column, length;
    bool operator==(const Found&) const = default;
    friend std::ostream& operator<<(std::ostream& out, const Found& f) {
        return out << f.rule << "@" << f.line << ":" << f.column << "+" << f.length;
    }
};

// The findings in the Italian `document` of the rules `config` keeps on, with their lines and
// columns.
inline std::vector<Found> findings(const translint::Document& document,
                                   const translint::Config& config = {}) {
    std::vector<Found> out;
    for (const translint::Diagnostic& d : translint::Engine(config).check(document, "it")) {
        const translint::Position p = document.position(d.offset);
        out.push_back({d.rule, p.line, p.column, d.length});
    }
    return out;
}

} // namespace test_support
