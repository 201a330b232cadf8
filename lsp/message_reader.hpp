// Reads LSP base-protocol messages ("Content-Length: N", a blank line, N bytes of JSON) from a
// stream that may hold anything: garbage is skipped up to the next header, and an oversized
// message is read past without being kept, so one bad message never ends the session.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

namespace translint::lsp {

struct Message {
    enum class Kind {
        body,      // `body` holds the content
        malformed, // a header block without a usable Content-Length; `problem` says why
        too_large, // the content was over the limit and has been skipped
        end,       // the stream ended
    };
    Kind kind = Kind::end;
    std::string body;
    std::string problem;
};

class MessageReader {
public:
    MessageReader(std::istream& in, std::size_t max_content_length);
    Message next();

private:
    // One header line without its terminator; false at the end of the stream.
    bool read_line(std::string& line);

    std::istream& in_;
    std::size_t max_content_length_;
};

} // namespace translint::lsp
