// The LSP server's parts: positions in UTF-16 and UTF-8, incremental edits, and the reader of
// base-protocol messages on a stream that may hold anything.
#include "lsp/message_reader.hpp"
#include "lsp/paragraph_checker.hpp"
#include "lsp/text_document.hpp"

#include <gtest/gtest.h>
#include <sstream>

using namespace translint::lsp;

TEST(TextDocument, PositionsCountUtf16UnitsOrBytes) {
    // "à" is one UTF-16 unit and two bytes; "🙂" two units and four bytes.
    const TextDocument text("ab\nà🙂x\r\nlast");
    const std::size_t x = std::string("ab\nà🙂").size();
    EXPECT_EQ(x, text.offset({1, 3}, PositionEncoding::utf16));
    EXPECT_EQ(x, text.offset({1, 6}, PositionEncoding::utf8));
    EXPECT_EQ((Position{1, 3}), text.position(x, PositionEncoding::utf16));
    EXPECT_EQ((Position{1, 6}), text.position(x, PositionEncoding::utf8));
    EXPECT_EQ((Position{2, 0}), text.position(x + 3, PositionEncoding::utf16)); // after \r\n
}

TEST(TextDocument, PositionsPastTheEndAndInsideACharacterAreClamped) {
    const TextDocument text("à🙂\nsecond");
    const std::size_t line_end = std::string("à🙂").size();
    EXPECT_EQ(line_end, text.offset({0, 99}, PositionEncoding::utf16));
    EXPECT_EQ(text.text().size(), text.offset({7, 0}, PositionEncoding::utf16));
    // The middle of the surrogate pair moves to the end of the emoji.
    EXPECT_EQ(line_end, text.offset({0, 2}, PositionEncoding::utf16));
    // The middle of "à" moves past it.
    EXPECT_EQ(2u, text.offset({0, 1}, PositionEncoding::utf8));
}

TEST(TextDocument, IncrementalEditsKeepTheLinesRight) {
    TextDocument text("one\ntwo\nthree\n");
    text.replace(text.offset({1, 0}, PositionEncoding::utf16),
                 text.offset({2, 0}, PositionEncoding::utf16), "");
    EXPECT_EQ("one\nthree\n", text.text());
    text.replace(text.offset({1, 5}, PositionEncoding::utf16),
                 text.offset({1, 5}, PositionEncoding::utf16), "\nfour");
    EXPECT_EQ("one\nthree\nfour\n", text.text());
    EXPECT_EQ((Position{2, 4}), text.position(text.text().size() - 1, PositionEncoding::utf16));
    text.replace(100, 50, "!"); // out of range: appended at the end, nothing lost
    EXPECT_EQ("one\nthree\nfour\n!", text.text());
}

namespace {

std::string framed(const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace

TEST(MessageReader, ReadsMessagesAndSkipsWhatIsNotOne) {
    std::istringstream in("garbage line\r\n\r\n" + framed("{\"a\":1}") +
                          "content-length: 2\r\nContent-Type: application/json\r\n\r\n{}" +
                          "Content-Length: x\r\n\r\n" + framed(std::string(100, ' ')) +
                          framed("[]") + "Content-Length: 10\r\n\r\n{\"cut\"");
    MessageReader reader(in, 50);
    Message message = reader.next();
    EXPECT_EQ(Message::Kind::malformed, message.kind);
    message = reader.next();
    ASSERT_EQ(Message::Kind::body, message.kind);
    EXPECT_EQ("{\"a\":1}", message.body);
    message = reader.next();
    EXPECT_EQ("{}", message.body) << "header names are case-insensitive";
    message = reader.next();
    EXPECT_EQ(Message::Kind::malformed, message.kind);
    EXPECT_EQ("Content-Length 'x' is not a number", message.problem);
    message = reader.next();
    EXPECT_EQ(Message::Kind::too_large, message.kind);
    message = reader.next();
    EXPECT_EQ("[]", message.body) << "the oversized message was read past";
    EXPECT_EQ(Message::Kind::end, reader.next().kind) << "a cut message ends the stream";
}

TEST(ParagraphChecker, ChecksOnlyTheParagraphsThatChanged) {
    translint::Config config;
    config.dictionary_paths = translint::default_dictionary_paths();
    const translint::Engine engine(config);
    ParagraphChecker checker;
    std::string text = "Il presidennte ha parlato.\n\nHa parlato Ilon Musk.\n\n\nFine del discorso.\n";
    std::vector<translint::Diagnostic> found = checker.check(engine, "a.txt", text, "it");
    EXPECT_EQ(3u, checker.count());
    EXPECT_EQ(3u, checker.checked());
    ASSERT_EQ(2u, found.size());
    EXPECT_EQ(text.find("presidennte"), found[0].offset);
    EXPECT_EQ(text.find("Ilon"), found[1].offset);
    text.replace(text.find("discorso"), 8, "discorrso");
    found = checker.check(engine, "a.txt", text, "it");
    EXPECT_EQ(1u, checker.checked());
    ASSERT_EQ(3u, found.size());
    EXPECT_EQ(text.find("Ilon"), found[1].offset);
    EXPECT_EQ(text.find("discorrso"), found[2].offset);
}
