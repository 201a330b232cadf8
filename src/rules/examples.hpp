// Runs the examples a rule carries: bad ones must be flagged at the marked span (and fixed as
// written), good ones must produce nothing.
#pragma once

#include "rules/rule.hpp"
#include "translint/engine.hpp"

#include <vector>

namespace translint {

std::vector<ExampleResult> run_examples(const Rule& rule);

} // namespace translint
