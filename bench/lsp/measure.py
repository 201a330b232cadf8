#!/usr/bin/env python3
"""Times `translint lsp` as an editor uses it: start-up to the first diagnostics, and the
re-check after a one-word edit of a 1,000-word document, edits sent at typing pace.

Usage: bench/lsp/measure.py path/to/translint DOCUMENT LANGUAGE [--edits N] [--starts N]
Prints one JSON object with the figures.
"""
import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "lsp"))
from lsp_client import Client  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("translint")
parser.add_argument("document")
parser.add_argument("language")
parser.add_argument("--edits", type=int, default=60)
parser.add_argument("--starts", type=int, default=5)
args = parser.parse_args()
args.translint = os.path.abspath(args.translint)
text = open(args.document, encoding="utf-8").read()
words = len(text.split())


def position(text, offset):
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


with tempfile.TemporaryDirectory() as workspace:
    path = os.path.join(workspace, f"article.{args.language}.txt")
    uri = "file://" + path

    # Start-up: a fresh server each time, from launch to the first diagnostics of the document.
    starts = []
    for _ in range(args.starts):
        began = time.monotonic()
        client = Client([args.translint, "lsp"], cwd=workspace)
        client.initialize(root_uri="file://" + workspace, options={"debounceMs": 0})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        client.diagnostics(uri, version=1, timeout=60)
        starts.append((client.last_time - began) * 1000)
        client.close()

    # Re-checks: one word changed at a time (a letter doubled, then put back), 150 ms apart.
    client = Client([args.translint, "lsp"], cwd=workspace)
    client.initialize(root_uri="file://" + workspace, options={"debounceMs": 0})
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
    client.diagnostics(uri, version=1, timeout=60)
    time.sleep(1.5)  # let the first whole-document check finish
    spans = [m.span() for m in re.finditer(r"\b[a-zà-ù]{5,}\b", text)]
    rng = random.Random(7)
    round_trips, server_times, version, current = [], [], 1, text
    for i in range(args.edits):
        begin, end = spans[rng.randrange(len(spans))]
        word = current[begin:end]
        edited = word[:2] + word[2] + word[2:]  # one letter doubled: a typo
        version += 1
        sent = time.monotonic()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position(current, begin),
                                          "end": position(current, end)}, "text": edited}]})
        current = current[:begin] + edited + current[end:]
        log = client.wait(lambda m: m.get("method") == "window/logMessage"
                          and f"version {version}:" in m["params"]["message"])["params"]["message"]
        client.diagnostics(uri, version=version)
        round_trips.append((client.last_time - sent) * 1000)
        server_times.append(float(re.search(r"in ([0-9.]+) ms", log).group(1)))
        # Put the word back, so the document stays the same size and mostly correct.
        version += 1
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position(current, begin),
                                          "end": position(current, begin + len(edited))},
                                "text": word}]})
        current = current[:begin] + word + current[begin + len(edited):]
        client.diagnostics(uri, version=version)
        time.sleep(0.15)
    # The whole document, as the check after typing settles does it.
    time.sleep(1.5)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    whole = client.wait(lambda m: m.get("method") == "window/logMessage"
                        and "whole document" in m["params"]["message"])["params"]["message"]
    client.close()


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


print(json.dumps({
    "document_words": words, "language": args.language,
    "startup_ms_median": round(statistics.median(starts), 1), "startups": len(starts),
    "recheck_round_trip_ms_median": round(statistics.median(round_trips), 2),
    "recheck_round_trip_ms_p90": round(quantile(round_trips, 0.9), 2),
    "recheck_server_ms_median": round(statistics.median(server_times), 2),
    "whole_document_check_ms": float(re.search(r"in ([0-9.]+) ms", whole).group(1)),
    "edits": len(round_trips)}))
