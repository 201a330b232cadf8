#include "translint/document.hpp"
#include "translint/error.hpp"

#include <gtest/gtest.h>

using namespace translint;

TEST(Document, RejectsInvalidUtf8AndNamesTheByteOffset) {
    try {
        Document::from_text("bad.txt", "ciao\nmon\xC3"
                                       "do");
        FAIL() << "invalid UTF-8 was accepted";
    } catch (const Error& e) {
        EXPECT_STREQ(
            "bad.txt: invalid UTF-8 at byte offset 8 (line 2); translint reads UTF-8 text only",
            e.what());
    }
}

TEST(Document, RejectsOverlongsSurrogatesAndTruncatedSequences) {
    for (const char* bytes : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "abc\xE2\x82"})
        EXPECT_THROW(Document::from_text("x", bytes), Error) << bytes;
}

TEST(Document, RejectsBinaryAndUtf16) {
    EXPECT_THROW(Document::from_text("x", std::string("ab\0cd", 5)), Error);
    EXPECT_THROW(Document::from_text("x", std::string("\xFF\xFE"
                                                      "a\0",
                                                      4)),
                 Error);
}

TEST(Document, EmptyFileIsValid) {
    const Document document = Document::from_text("empty.txt", "");
    ASSERT_EQ(1u, document.segments().size());
    EXPECT_EQ("", document.segments()[0].text);
}

TEST(Document, LinesAndColumnsCountCodePointsWithLfAndCrlf) {
    const Document document = Document::from_text("x", "più città\r\nè già\nfine");
    EXPECT_EQ(1u, document.position(0).line);
    const Position citta = document.position(std::string("più ").size());
    EXPECT_EQ(1u, citta.line);
    EXPECT_EQ(5u, citta.column);
    const Position gia = document.position(std::string("più città\r\nè ").size());
    EXPECT_EQ(2u, gia.line);
    EXPECT_EQ(3u, gia.column);
    EXPECT_EQ("più città", document.line_text(1));
    EXPECT_EQ("è già", document.line_text(2));
    EXPECT_EQ("fine", document.line_text(3));
}

TEST(Document, ByteOrderMarkIsNotText) {
    const Document document = Document::from_text("x", "\xEF\xBB\xBFRoma");
    EXPECT_EQ("Roma", document.segments()[0].text);
    EXPECT_EQ(3u, document.segments()[0].map.to_original(0));
    EXPECT_EQ(1u, document.position(3).column);
}

TEST(OffsetMap, MapsRunsBackToTheOriginal) {
    OffsetMap map;
    map.add_run(0, 10);
    map.add_run(5, 30);
    EXPECT_EQ(10u, map.to_original(0));
    EXPECT_EQ(14u, map.to_original(4));
    EXPECT_EQ(30u, map.to_original(5));
    EXPECT_EQ(33u, map.to_original(8));
}
