// Reading XML through expat, shared by the XLIFF and TBX readers: C++ exceptions kept from
// crossing expat, entity declarations refused, nesting bounded, and malformed XML reported with
// the file and the line.
#pragma once

#include <cstddef>
#include <exception>
#include <expat.h>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace translint::xml {

// The value of the attribute `name` in expat's name/value list, or "" when there is none.
std::string_view attribute(const XML_Char** attributes, std::string_view name);

struct Options {
    // Set: a namespaced name reads as the namespace, this separator and the local name.
    std::optional<char> namespace_separator;
    std::size_t max_depth;
    std::string too_deep; // the error when elements nest deeper than max_depth
};

// A reader of one file: a subclass handles the elements and the text, and calls parse().
class Reader {
public:
    Reader(std::string path, Options options);
    virtual ~Reader() = default;
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

protected:
    // Feeds `bytes` to expat; throws the first error a handler raised, or
    // "path:line: malformed XML: …".
    void parse(std::string_view bytes);

    // Throws "path:line: reason" at the line expat is reading.
    [[noreturn]] void fail(const std::string& reason) const;
    // Fails on an element `inner` inside an open `outer` that cannot hold it.
    [[noreturn]] void fail_nested(std::string_view inner, std::string_view outer) const;

    // The depth of the element being started or ended; the root is 1.
    std::size_t depth() const { return depth_; }
    // Where the raw bytes of the event being handled begin and end in the file.
    std::size_t event_begin() const;
    std::size_t event_end() const;

private:
    virtual void start(std::string_view name, const XML_Char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view piece) = 0;

    struct Handlers; // expat's callbacks

    std::string path_;
    Options options_;
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser_;
    std::exception_ptr failure_;
    std::size_t depth_ = 0;
};

} // namespace translint::xml
