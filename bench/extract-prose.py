#!/usr/bin/env python3
"""Extracts Italian prose from HTML pages and plain-text files.

Reads file paths (one per line) on stdin and writes one paragraph per line,
with a blank line between paragraphs, to stdout. Files ending in .html are
parsed as HTML; anything else is plain text whose paragraphs are separated by
blank lines or by '%' lines (fortune-style). Only the standard library is used.

Paragraphs that are not prose are dropped: fewer than MIN_WORDS words, mostly
non-letters (code, tables of numbers) or not Italian (untranslated English
passages). Exact duplicates (navigation text, notes repeated on many pages)
are kept once, so the corpus does not count the same text twice.
"""
import html.parser
import re
import sys

MIN_WORDS = 4

# Whole subtrees that are never visible prose: code, scripts, page chrome.
SKIP_TAGS = {"head", "script", "style", "code", "pre", "kbd", "samp", "noscript",
             "header", "footer", "nav", "aside", "button", "label", "select", "textarea"}
# Skipped inline elements: their text is dropped, the paragraph goes on.
INLINE_SKIP_TAGS = {"code", "kbd", "samp"}
# Navigation bars (DocBook, Sphinx, LilyPond), repeated on every page.
SKIP_CLASSES = {"navheader", "navfooter", "nav_table", "sphinxsidebar", "related", "toc"}
# Elements that end a paragraph.
BLOCK_TAGS = {"p", "div", "br", "li", "dd", "dt", "td", "th", "tr", "table", "ul", "ol", "dl",
              "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "body"}

IT_WORDS = set("il lo la gli le di del dello della dei degli delle che è per con non una "
               "uno nel nella nei sono alla al dal dalla questo questa si come più anche".split())
EN_WORDS = set("the and of to is are you your for with this that be it by from can "
               "which when not".split())
WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


class HtmlProse(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.buf = [], []
        self.skip_tag, self.skip_depth = None, 0  # subtree being skipped

    def flush(self):
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if text:
            self.paragraphs.append(text)

    def handle_starttag(self, tag, attrs):
        if self.skip_tag:
            self.skip_depth += tag == self.skip_tag
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in SKIP_TAGS or classes & SKIP_CLASSES:
            if tag not in INLINE_SKIP_TAGS:
                self.flush()
            self.skip_tag, self.skip_depth = tag, 1
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self.skip_tag:
            self.buf.append(data)


def html_paragraphs(path):
    parser = HtmlProse()
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    parser.close()
    parser.flush()
    return parser.paragraphs


def text_paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = re.sub(r"(?m)^%$", "", f.read())
    blocks = re.split(r"\n[ \t]*\n", text)
    return [" ".join(b.split()) for b in blocks]


def is_prose(text):
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    letters = sum(c.isalpha() or c.isspace() for c in text)
    if letters < 0.75 * len(text):
        return False
    tokens = [w.lower() for w in WORD_RE.findall(text)]
    italian = sum(t in IT_WORDS for t in tokens)
    english = sum(t in EN_WORDS for t in tokens)
    return italian > english


def main():
    seen = set()
    out = sys.stdout
    for path in (line.rstrip("\n") for line in sys.stdin):
        if not path:
            continue
        paragraphs = html_paragraphs(path) if path.endswith(".html") else text_paragraphs(path)
        for text in paragraphs:
            if text not in seen and is_prose(text):
                seen.add(text)
                out.write(text + "\n\n")


if __name__ == "__main__":
    main()
