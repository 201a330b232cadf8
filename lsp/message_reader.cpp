#include "lsp/message_reader.hpp"

#include <algorithm>
#include <charconv>

namespace translint::lsp {
namespace {

constexpr std::size_t max_header_line = 8192; // a longer "header" is garbage

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

MessageReader::MessageReader(std::istream& in, std::size_t max_content_length)
    : in_(in)
    , max_content_length_(max_content_length) {}

bool MessageReader::read_line(std::string& line) {
    line.clear();
    for (int c; (c = in_.get()) != std::char_traits<char>::eof();) {
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        if (line.size() < max_header_line) line += static_cast<char>(c);
    }
    return !line.empty();
}

Message MessageReader::next() {
    std::size_t size = 0;
    bool has_size = false; // a Content-Length header gave `size`
    std::string problem, line;
    bool any_header = false;
    while (read_line(line)) {
        if (line.empty()) {
            if (!any_header) continue; // blank lines between messages
            if (!has_size)
                return {Message::Kind::malformed,
                        {},
                        problem.empty() ? "no Content-Length header" : problem};
            if (size > max_content_length_) {
                in_.ignore(static_cast<std::streamsize>(size));
                return {Message::Kind::too_large,
                        {},
                        "a message of " + std::to_string(size) + " bytes is over the limit of " +
                            std::to_string(max_content_length_)};
            }
            Message message;
            message.body.resize(size);
            in_.read(message.body.data(), static_cast<std::streamsize>(size));
            if (static_cast<std::size_t>(in_.gcount()) != size) return {};
            message.kind = Message::Kind::body;
            return message;
        }
        any_header = true;
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) {
            problem = "a header line without a colon";
            continue;
        }
        const std::string_view name = trimmed(std::string_view(line).substr(0, colon));
        const std::string_view value = trimmed(std::string_view(line).substr(colon + 1));
        if (!equals_ignoring_case(name, "Content-Length")) continue; // Content-Type and others
        std::size_t parsed = 0;
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (error != std::errc() || end != value.data() + value.size()) {
            problem = "Content-Length '" + std::string(value) + "' is not a number";
            has_size = false;
        } else {
            size = parsed;
            has_size = true;
        }
    }
    return {};
}

} // namespace translint::lsp
