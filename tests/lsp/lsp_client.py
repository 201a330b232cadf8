"""A small LSP client over a child process's stdio, for the server's tests and benchmark."""
import json
import os
import queue
import subprocess
import threading
import time


# Sanitizer builds run several times slower (ci/sanitize sets this): every wait is this many
# times longer.
TIMEOUT_SCALE = float(os.environ.get("TRANSLINT_TEST_TIMEOUT_SCALE", "1"))


class Client:
    def __init__(self, command, cwd=None):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                raise ValueError("a message without Content-Length from the server")
            body = stream.read(length)
            try:
                self.messages.put((time.monotonic(), json.loads(body)))
            except json.JSONDecodeError as e:
                raise ValueError(f"the server sent invalid JSON: {body[:200]!r}") from e

    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=30):
        self.next_id += 1
        request_id = self.next_id
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == request_id and "method" not in m, timeout)

    def wait(self, predicate, timeout=30):
        """The first message that satisfies `predicate`; others are kept in `seen`."""
        deadline = time.monotonic() + timeout * TIMEOUT_SCALE
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no matching message from the server")
            try:
                item = self.messages.get(timeout=remaining)
            except queue.Empty:
                raise TimeoutError("no matching message from the server")
            if item is None:
                raise EOFError("the server closed its output")
            self.last_time, message = item
            if predicate(message):
                return message

    def diagnostics(self, uri, version=None, timeout=30):
        def match(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                    and (version is None or m["params"].get("version") == version))
        return self.wait(match, timeout)["params"]["diagnostics"]

    def initialize(self, root_uri=None, encodings=None, options=None):
        capabilities = {"general": {"positionEncodings": encodings}} if encodings else {}
        result = self.request("initialize", {"processId": None, "rootUri": root_uri,
                                             "capabilities": capabilities,
                                             "initializationOptions": options or {}})
        self.notify("initialized", {})
        return result

    def close(self):
        """shutdown and exit; returns the server's exit status."""
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=10 * TIMEOUT_SCALE)
