#!/usr/bin/env python3
"""`translint lsp` driven by a real LSP client over stdio: encodings, incremental edits, code
actions, the word list, per-document rule switches, hover, config reloads, paragraph-by-paragraph
re-checks, bad input, and the end of a session.

Usage: tests/lsp/server_test.py path/to/translint
"""
import json
import os
import stat
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import TIMEOUT_SCALE, Client  # noqa: E402

translint = os.path.abspath(sys.argv[1])
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def uri_of(path):
    return "file://" + path


def open_document(client, path, text, version=1, language_id="plaintext"):
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri_of(path), "languageId": language_id, "version": version, "text": text}})


def change(client, path, version, changes):
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri_of(path), "version": version}, "contentChanges": changes})


def rules(diagnostics):
    return sorted(d["code"] for d in diagnostics)


def start(workspace, **initialize):
    client = Client([translint, "lsp"], cwd=workspace)
    result = client.initialize(root_uri=uri_of(workspace), **initialize)
    return client, result["result"]


def text_at(text, range_, encoding):
    """The text a range covers, counting characters as the encoding does."""
    lines = text.split("\n")
    def offset(position):
        line = lines[position["line"]].encode("utf-8" if encoding == "utf-8" else "utf-16-le")
        width = 1 if encoding == "utf-8" else 2
        prefix = line[:position["character"] * width]
        return sum(len(l) + 1 for l in lines[:position["line"]]) + len(
            prefix.decode("utf-8" if encoding == "utf-8" else "utf-16-le"))
    return text[offset(range_["start"]):offset(range_["end"])]


with tempfile.TemporaryDirectory() as workspace:
    article = os.path.join(workspace, "articolo.it.txt")
    # Non-ASCII before the name, one code point outside the BMP (two UTF-16 units) among it.
    text = "Già a gennaio 🙂 «Ilon Musk» ha parlato.\n"

    # Positions in UTF-16 by default, in UTF-8 when the client offers it.
    for offered, expected in ((None, "utf-16"), (["utf-8", "utf-16"], "utf-8")):
        client, capabilities = start(workspace, encodings=offered)
        check(capabilities["capabilities"]["positionEncoding"] == expected,
              f"encoding {expected} for {offered}")
        open_document(client, article, text)
        diagnostics = client.diagnostics(uri_of(article))
        ilon = [d for d in diagnostics if d["code"] == "it.names.garbled"]
        check(len(ilon) == 1, f"one it.names.garbled finding ({expected}): {diagnostics}")
        if ilon:
            check(text_at(text, ilon[0]["range"], expected) == "Ilon",
                  f"the {expected} range covers 'Ilon': {ilon[0]['range']}")
            check(ilon[0]["data"]["range"] == ilon[0]["range"], "data carries the range")
            check(ilon[0]["data"]["suggestions"][0] == "Elon", "suggestion Elon")
            check(ilon[0]["severity"] == 1 and ilon[0]["source"] == "translint", "severity, source")
        check(client.close() == 0, "exit status 0 after shutdown and exit")

    client, _ = start(workspace)
    open_document(client, article, text)
    diagnostics = client.diagnostics(uri_of(article))
    ilon = next(d for d in diagnostics if d["code"] == "it.names.garbled")

    # Code actions: one quick fix per suggestion, the preferred first, and the rule switch.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri_of(article)}, "range": ilon["range"],
        "context": {"diagnostics": [ilon]}})["result"]
    titles = [a["title"] for a in actions]
    check(titles[:2] == ["Replace with 'Elon'", "Replace with 'Elon Musk'"], f"titles {titles}")
    check(actions[0]["isPreferred"] is True, "the first fix is preferred")
    check("Disable it.names.garbled in this document" in titles, "disable action")
    edit = actions[0]["edit"]["changes"][uri_of(article)][0]
    check(edit["range"] == ilon["range"] and edit["newText"] == "Elon", f"edit {edit}")

    # Hover explains the rule.
    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": uri_of(article)}, "position": ilon["range"]["start"]})["result"]
    check("it.names.garbled" in hover["contents"]["value"] and "**Elon**" in hover["contents"]["value"],
          "hover names the rule and the suggestion")

    # An incremental edit applies the fix; the re-check drops the finding.
    change(client, article, 2, [{"range": ilon["range"], "text": "Elon"}])
    diagnostics = client.diagnostics(uri_of(article), version=2)
    check("it.names.garbled" not in rules(diagnostics), f"fixed: {rules(diagnostics)}")
    # A full-text change works as well.
    change(client, article, 3, [{"text": "Il presidennte ha parlato.\n"}])
    diagnostics = client.diagnostics(uri_of(article), version=3)
    check(rules(diagnostics) == ["it.spelling"], f"full change: {rules(diagnostics)}")

    # Disabling a rule for the document.
    client.request("workspace/executeCommand", {"command": "translint.disableRule",
                                                "arguments": [uri_of(article), "it.spelling"]})
    diagnostics = client.diagnostics(uri_of(article), version=3)
    check(diagnostics == [], f"rule disabled: {rules(diagnostics)}")

    # Closing clears the diagnostics.
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(article)}})
    check(client.diagnostics(uri_of(article)) == [], "closing clears")
    check(client.close() == 0, "clean exit")

    # The project's word list, written atomically, keeps the file's permissions; the config is
    # read again when it changes.
    project = os.path.join(workspace, "project")
    os.mkdir(project)
    words = os.path.join(project, "words.txt")
    with open(words, "w") as f:
        f.write("# the newsroom's words\nZelensky")
    os.chmod(words, 0o640)
    config = os.path.join(project, ".translint.yaml")
    with open(config, "w") as f:
        f.write("language: it\nword_lists: [words.txt]\n")
    note = os.path.join(project, "nota.txt")
    client, _ = start(project)
    open_document(client, note, "Il presidennte ha parlato.\n")
    diagnostics = client.diagnostics(uri_of(note))
    check(rules(diagnostics) == ["it.spelling"], f"language from the config: {rules(diagnostics)}")
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri_of(note)}, "range": diagnostics[0]["range"],
        "context": {"diagnostics": diagnostics}})["result"]
    add = [a for a in actions if a["title"] == "Add 'presidennte' to the project word list"]
    check(len(add) == 1, f"add-to-word-list action: {[a['title'] for a in actions]}")
    if add:
        client.request("workspace/executeCommand", add[0]["command"])
        diagnostics = client.diagnostics(uri_of(note))
        check(diagnostics == [], f"the added word is accepted: {rules(diagnostics)}")
        with open(words) as f:
            check(f.read() == "# the newsroom's words\nZelensky\npresidennte\n", "word appended")
        check(stat.S_IMODE(os.stat(words).st_mode) == 0o640, "permissions kept")
    time.sleep(1.1)  # a new modification time for the config
    with open(config, "w") as f:
        f.write("language: it\nword_lists: [words.txt]\ndisable: [it.names]\n")
    change(client, note, 2, [{"text": "Ha parlato Ilon Musk.\n"}])
    diagnostics = client.diagnostics(uri_of(note), version=2)
    check(diagnostics == [], f"the changed config disables it.names: {rules(diagnostics)}")

    # A file translint cannot read shows why, at the line that is wrong.
    broken = os.path.join(project, "broken.xlf")
    open_document(client, broken, '<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n',
                  language_id="xml")
    diagnostics = client.diagnostics(uri_of(broken))
    check(len(diagnostics) == 1 and diagnostics[0]["code"] == "input", f"input problem {diagnostics}")
    check(client.close() == 0, "clean exit")

    # A long document is checked again paragraph by paragraph; the whole-document check that
    # follows finds what spans paragraphs (a number split by a blank line).
    paragraphs = [f"Paragrafo {i}: il vertice si è chiuso giovedì sera con un documento comune "
                  f"firmato dai leader di molti paesi europei e asiatici." for i in range(60)]
    paragraphs[30] = "Hanno manifestato 12.\n\n000 persone."
    long_text = "\n\n".join(paragraphs) + "\n"
    longer = os.path.join(workspace, "lungo.it.txt")
    client, _ = start(workspace, options={"debounceMs": 0})
    open_document(client, longer, long_text)
    client.diagnostics(uri_of(longer), version=1)
    target = long_text.index("Paragrafo 10:")
    line = long_text[:target].count("\n")
    column = paragraphs[10].index("vertice")
    change(client, longer, 2, [{"range": {"start": {"line": line, "character": column},
                                          "end": {"line": line, "character": column + 7}},
                                "text": "verticce"}])
    log = client.wait(lambda m: m.get("method") == "window/logMessage"
                      and "version 2:" in m["params"]["message"])["params"]["message"]
    check(": 1 of 61 paragraphs in " in log, f"only the edited paragraph: {log}")
    first = client.diagnostics(uri_of(longer), version=2)
    check("it.spelling" in rules(first), f"the new typo at once: {rules(first)}")
    settled = client.diagnostics(uri_of(longer), version=2, timeout=10)
    check("it.number.broken" in rules(settled), f"the whole-document check: {rules(settled)}")

    # Garbage, bad JSON, unknown methods and edits of unopened documents are answered or
    # ignored, and the server goes on serving.
    client.send_raw(b"garbage without headers\r\n\r\n")
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    error = client.wait(lambda m: "error" in m and m.get("id") is None)["error"]
    check(error["code"] == -32700, f"parse error: {error}")
    unknown = client.request("translint/unknown", {})
    check(unknown["error"]["code"] == -32601, f"method not found: {unknown}")
    client.notify("$/unknownNotification", {})
    change(client, os.path.join(workspace, "never-opened.txt"), 2, [{"text": "x"}])
    bad_params = client.request("textDocument/hover", {"position": {}})
    check(bad_params["error"]["code"] == -32602, f"invalid params: {bad_params}")
    for position in ({"line": 0, "character": 1.5}, {"line": -1, "character": 0},
                     {"line": 0, "character": 1.8e19}, {"line": "0", "character": 0}):
        answer = client.request("textDocument/hover", {
            "textDocument": {"uri": uri_of(longer)}, "position": position})
        check(answer.get("error", {}).get("code") == -32602
              and "whole number from 0" in answer["error"]["message"],
              f"a position that is no whole number is refused: {position}: {answer}")
    change(client, longer, 3, [{"text": "Ha parlato Ilon Musk.\n"}])
    check("it.names.garbled" in rules(client.diagnostics(uri_of(longer), version=3)),
          "still serving after bad input")
    check(client.close() == 0, "clean exit after bad input")

    # Requests before initialize are refused; the input closing without shutdown ends the
    # server with status 1.
    client = Client([translint, "lsp"], cwd=workspace)
    early = client.request("textDocument/hover", {})
    check(early["error"]["code"] == -32002, f"not initialized: {early}")
    client.process.stdin.close()
    check(client.process.wait(timeout=10 * TIMEOUT_SCALE) == 1,
          "status 1 when the input ends without shutdown")

if failures:
    sys.exit(f"{len(failures)} checks failed")
print("lsp server: all checks passed")
