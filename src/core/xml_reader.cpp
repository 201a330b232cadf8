#include "core/xml_reader.hpp"

#include "translint/error.hpp"

#include <algorithm>
#include <new>
#include <utility>

namespace translint::xml {

std::string_view attribute(const XML_Char** attributes, std::string_view name) {
    for (; *attributes; attributes += 2)
        if (name == attributes[0]) return attributes[1];
    return {};
}

struct Reader::Handlers {
    // Expat is C: an exception must not cross it. Each handler runs through here, and the first
    // failure stops the parser and is rethrown once XML_Parse returns.
    template <typename Body> static void guarded(void* self, Body body) {
        Reader& reader = *static_cast<Reader*>(self);
        if (reader.failure_) return;
        try {
            body(reader);
        } catch (...) {
            reader.failure_ = std::current_exception();
            XML_StopParser(reader.parser_.get(), XML_FALSE);
        }
    }

    static void XMLCALL start(void* self, const XML_Char* name, const XML_Char** attributes) {
        guarded(self, [&](Reader& r) {
            if (++r.depth_ > r.options_.max_depth) r.fail(r.options_.too_deep);
            r.start(name, attributes);
        });
    }
    static void XMLCALL end(void* self, const XML_Char* name) {
        guarded(self, [&](Reader& r) {
            r.end(name);
            --r.depth_;
        });
    }
    static void XMLCALL text(void* self, const XML_Char* chars, int length) {
        guarded(self, [&](Reader& r) { r.text(std::string_view(chars, std::size_t(length))); });
    }
    // A DOCTYPE may name its DTD, but an entity it declares could expand without bound.
    static void XMLCALL entity_declaration(void* self, const XML_Char* name, int, const XML_Char*,
                                           int, const XML_Char*, const XML_Char*, const XML_Char*,
                                           const XML_Char*) {
        guarded(self, [&](Reader& r) {
            r.fail("the file declares an entity ('" + std::string(name) +
                   "'); entity declarations are refused");
        });
    }
    static void XMLCALL skipped_entity(void* self, const XML_Char* name, int) {
        guarded(self, [&](Reader& r) {
            r.fail("the entity '" + std::string(name) + "' is not defined in the file");
        });
    }
};

Reader::Reader(std::string path, Options options)
    : path_(std::move(path))
    , options_(std::move(options))
    , parser_(options_.namespace_separator
                  ? XML_ParserCreateNS("UTF-8", *options_.namespace_separator)
                  : XML_ParserCreate("UTF-8"),
              XML_ParserFree) {
    if (!parser_) throw std::bad_alloc();
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), &Handlers::start, &Handlers::end);
    XML_SetCharacterDataHandler(parser_.get(), &Handlers::text);
    XML_SetEntityDeclHandler(parser_.get(), &Handlers::entity_declaration);
    XML_SetSkippedEntityHandler(parser_.get(), &Handlers::skipped_entity);
}

void Reader::parse(std::string_view bytes) {
    // XML_Parse takes an int length: larger inputs go in pieces. Expat's byte and line counts run
    // on across the calls.
    constexpr std::size_t chunk_size = 1 << 20;
    std::size_t at = 0;
    do {
        const std::size_t length = std::min(chunk_size, bytes.size() - at);
        const bool last = at + length == bytes.size();
        const XML_Status status = XML_Parse(parser_.get(), bytes.data() + at,
                                            static_cast<int>(length), last ? XML_TRUE : XML_FALSE);
        if (failure_) std::rethrow_exception(failure_);
        if (status != XML_STATUS_OK)
            fail("malformed XML: " + std::string(XML_ErrorString(XML_GetErrorCode(parser_.get()))));
        at += length;
    } while (at < bytes.size());
}

void Reader::fail(const std::string& reason) const {
    throw error_at(path_, XML_GetCurrentLineNumber(parser_.get()), reason);
}

void Reader::fail_nested(std::string_view inner, std::string_view outer) const {
    fail("a <" + std::string(inner) + "> inside " +
         (inner == outer ? std::string("another") : "a <" + std::string(outer) + ">"));
}

std::size_t Reader::event_begin() const {
    return static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_.get()));
}

std::size_t Reader::event_end() const {
    return event_begin() + static_cast<std::size_t>(XML_GetCurrentByteCount(parser_.get()));
}

} // namespace translint::xml
