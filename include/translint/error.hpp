// Errors in the user's input, rules or configuration: reported with a location, exit status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace translint {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "path:line: reason", or "path: reason" when there is no line.
Error error_at(const std::string& path, std::size_t line, const std::string& reason);

} // namespace translint
