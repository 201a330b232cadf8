#!/usr/bin/env python3
"""`translint lsp` under abuse: fed garbage, wrong Content-Lengths, invalid JSON, unknown
methods and edits of documents it never opened, it still answers `initialize` and publishes
diagnostics; a burst of 1,000 edits in a second is absorbed by the debounce, in bounded memory.

Usage: tests/lsp/abuse_test.py path/to/translint
"""
import json
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client  # noqa: E402

translint = os.path.abspath(sys.argv[1])


def fail(message):
    sys.exit(f"FAIL: {message}")


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


with tempfile.TemporaryDirectory() as workspace:
    client = Client([translint, "lsp"], cwd=workspace)
    rng = random.Random(11)
    # Before initialize: binary garbage, a header without a number, a Content-Length shorter
    # than its JSON (the rest reads as garbage), invalid JSON, a request for an unknown method,
    # and an edit of a document that was never opened.
    client.send_raw(bytes(rng.randrange(256) for _ in range(4096)) + b"\r\n\r\n")
    client.send_raw(b"Content-Length: lots\r\n\r\n")
    client.send_raw(b"Content-Length: 5\r\n\r\n" + json.dumps({"jsonrpc": "2.0", "id": 99, "method": "initialize"}).encode() + b"\r\n\r\n")
    client.send_raw(b"Content-Length: 12\r\n\r\n{\"jsonrpc\":}")
    client.send_raw(frame({"jsonrpc": "2.0", "id": 98, "method": "no/such/method", "params": {}}))
    client.send_raw(frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///nowhere.txt", "version": 2}, "contentChanges": [{"text": "x"}]}}))
    client.send_raw(frame([1, 2, 3]))
    client.send_raw(frame({"jsonrpc": "2.0", "id": 97, "method": 42}))

    result = client.initialize(root_uri="file://" + workspace, options={"debounceMs": 100})
    if "result" not in result or "capabilities" not in result["result"]:
        fail(f"initialize after garbage: {result}")
    uri = "file://" + os.path.join(workspace, "articolo.it.txt")
    text = "Ha parlato Ilon Musk.\n"
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
    diagnostics = client.diagnostics(uri, version=1)
    if [d["code"] for d in diagnostics] != ["it.names.garbled"]:
        fail(f"diagnostics after garbage: {diagnostics}")

    # A burst: 1,000 one-character edits within a second, then the final text is checked once
    # the typing stops, and memory stays where it was.
    before = resident_kib(client.process.pid)
    typed = "E il presidente ha parlato ancora. "
    burst_start = time.monotonic()
    for i in range(1000):
        character = typed[i % len(typed)]
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2 + i},
            "contentChanges": [{"range": {"start": {"line": 1, "character": i},
                                          "end": {"line": 1, "character": i}},
                                "text": character}]})
        text += character
    burst = time.monotonic() - burst_start
    published = []

    def final_version(message):
        if message.get("method") == "textDocument/publishDiagnostics":
            published.append(message["params"].get("version"))
        return published[-1:] == [1001]
    final = client.wait(final_version, timeout=60)["params"]["diagnostics"]
    after = resident_kib(client.process.pid)
    if burst > 2.0:
        fail(f"sending the burst took {burst:.1f} s")
    if [d["code"] for d in final] != ["it.names.garbled"]:
        fail(f"diagnostics of the final text: {final}")
    if len(published) > 10:
        fail(f"the debounce let {len(published)} checks through: {published}")
    if after > before + 50 * 1024:
        fail(f"memory grew from {before} KiB to {after} KiB during the burst")
    if client.close() != 0:
        fail("no clean exit after the abuse")
print(f"lsp abuse: answered initialize and published diagnostics after garbage; 1,000 edits in "
      f"{burst:.2f} s gave {len(published)} check(s); resident memory {before} KiB before, "
      f"{after} KiB after")
