#!/usr/bin/env python3
"""Drives `pyflags server` with a scripted JSON-RPC client (stdlib only) and checks its answers.

Usage: lsp_client.py PATH/TO/pyflags

The LspClient class is also used by bench/lsp_latency.py.
"""
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 30.0


class LspClient:
    """One server process; a reader thread turns its stdout frames into a queue of messages."""

    def __init__(self, exe, env=None, cwd=None):
        self.proc = subprocess.Popen([exe, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=cwd)
        self.inbox = queue.Queue()
        self.backlog = []
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()  # never let stderr block

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            body = out.read(length)
            self.inbox.put((time.perf_counter(), json.loads(body)))

    # -- sending
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params if params is not None else {}})

    def send_request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params if params is not None else {}})
        return rid

    def request(self, method, params=None):
        rid = self.send_request(method, params)
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m)

    # -- receiving
    def wait_for(self, predicate, timeout=TIMEOUT, with_time=False):
        """The first message (kept or new) matching `predicate`; the others stay for later waits."""
        for i, (stamp, message) in enumerate(self.backlog):
            if predicate(message):
                del self.backlog[i]
                return (stamp, message) if with_time else message
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("timed out waiting for a message; pending: %r" % [m for _, m in self.backlog][-5:])
            try:
                item = self.inbox.get(timeout=remaining)
            except queue.Empty:
                continue
            if item is None:
                raise AssertionError("the server closed its output (exit code %r)" % self.proc.poll())
            stamp, message = item
            if predicate(message):
                return (stamp, message) if with_time else message
            self.backlog.append(item)

    def diagnostics_for(self, uri, timeout=TIMEOUT, with_time=False):
        result = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                               and m["params"]["uri"] == uri, timeout, with_time)
        if with_time:
            return result[0], result[1]["params"]
        return result["params"]

    def drop_backlog(self):
        self.backlog.clear()

    def initialize(self, encodings=None, capabilities=None):
        caps = dict(capabilities or {})
        if encodings is not None:
            caps["general"] = {"positionEncodings": encodings}
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": caps})
        self.notify("initialized", {})
        return result

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})

    def finish(self):
        assert self.request("shutdown")["result"] is None
        self.notify("exit")
        return self.proc.wait(timeout=TIMEOUT)


# ---------------------------------------------------------------------------------------------------
# helpers

def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def codes(params):
    return [d["code"] for d in params["diagnostics"]]


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def offset_of(text, position, encoding):
    """Python-side conversion of an LSP position to an index into `text` (for applying edits)."""
    lines = text.splitlines(keepends=True)
    line, character = position["line"], position["character"]
    if line >= len(lines):
        return len(text)
    start = sum(len(l) for l in lines[:line])
    content = lines[line].rstrip("\r\n")
    units = 0
    for i, ch in enumerate(content):
        width = utf16_len(ch) if encoding == "utf-16" else len(ch.encode())
        if units + width > character:
            return start + i
        units += width
    return start + len(content)


def apply_text_edits(text, edits, encoding="utf-16"):
    spans = sorted(((offset_of(text, e["range"]["start"], encoding), offset_of(text, e["range"]["end"], encoding), e["newText"])
                    for e in edits), reverse=True)
    for begin, end, new in spans:
        text = text[:begin] + new + text[end:]
    return text


CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


# ---------------------------------------------------------------------------------------------------
# the checks; each gets the path of the binary and a scratch directory

SOURCE = "def add(item, items=[]):\n    return items\n\n\ndef f(x):\n    return x is 1\n"


@check
def pulling_client_gets_no_pushes(exe, tmp):
    # A client that pulls diagnostics would show pushed ones twice: the server only answers pulls.
    c = LspClient(exe, cwd=tmp)
    c.initialize(capabilities={"textDocument": {"diagnostic": {"dynamicRegistration": False}}})
    uri = "file://" + os.path.join(tmp, "pull_only.py")
    c.open(uri, SOURCE)
    pulled = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
    expect(sorted(d["code"] for d in pulled["items"]) == ["PF101", "PF102"], "pulled: %r" % pulled)
    pushed = [m for _, m in c.backlog if m.get("method") == "textDocument/publishDiagnostics"]
    expect(not pushed, "no publishDiagnostics for a pulling client: %r" % pushed)
    c.finish()


@check
def lifecycle_and_encoding(exe, tmp):
    c = LspClient(exe, cwd=tmp)
    err = c.request("textDocument/diagnostic", {"textDocument": {"uri": "file:///x.py"}})
    expect(err.get("error", {}).get("code") == -32002, "request before initialize: %r" % err)
    result = c.initialize()["result"]
    caps = result["capabilities"]
    expect(caps["positionEncoding"] == "utf-16", "default encoding: %r" % caps)
    expect(caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"], "sync: %r" % caps)
    expect("save" in caps["textDocumentSync"], "save: %r" % caps)
    expect(caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"], "code actions: %r" % caps)
    dp = caps["diagnosticProvider"]
    expect(dp["interFileDependencies"] is False and dp["workspaceDiagnostics"] is False, "diagnosticProvider: %r" % dp)
    expect(result["serverInfo"]["name"] == "pyflags" and result["serverInfo"]["version"], "serverInfo: %r" % result)
    again = c.request("initialize", {"capabilities": {}})
    expect("error" in again, "second initialize must fail: %r" % again)
    expect(c.finish() == 0, "exit after shutdown must be 0")

    c = LspClient(exe, cwd=tmp)
    caps = c.initialize(["utf-8", "utf-16"])["result"]["capabilities"]
    expect(caps["positionEncoding"] == "utf-8", "utf-8 offered: %r" % caps)
    after = c.request("shutdown")
    expect(after["result"] is None, "shutdown")
    late = c.request("textDocument/diagnostic", {"textDocument": {"uri": "file:///x.py"}})
    expect(late.get("error", {}).get("code") == -32600, "request after shutdown: %r" % late)
    c.notify("exit")
    expect(c.proc.wait(timeout=TIMEOUT) == 0, "exit code after shutdown")

    c = LspClient(exe, cwd=tmp)
    c.initialize(["utf-16"])
    c.notify("exit")
    expect(c.proc.wait(timeout=TIMEOUT) == 1, "exit without shutdown must be 1")

    c = LspClient(exe, cwd=tmp)
    c.initialize()
    c.proc.stdin.close()  # EOF ends the server
    expect(c.proc.wait(timeout=TIMEOUT) in (0, 1), "EOF must end the server")


@check
def diagnostics_edits_and_actions(exe, tmp):
    uri = "file://" + os.path.join(tmp, "sample%20one.py").replace(" ", "%20")
    c = LspClient(exe, cwd=tmp)
    c.initialize()
    c.open(uri, SOURCE)
    p = c.diagnostics_for(uri)
    expect(sorted(codes(p)) == ["PF101", "PF102"], "didOpen diagnostics: %r" % p)
    expect(p["version"] == 1, "version echoed")
    pf101 = next(d for d in p["diagnostics"] if d["code"] == "PF101")
    expect(pf101["range"] == rng(0, 20, 0, 22), "PF101 range: %r" % pf101["range"])
    expect(pf101["severity"] == 1 and pf101["source"] == "pyflags", "severity/source: %r" % pf101)
    expect(pf101["codeDescription"]["href"].endswith("/docs/rules.md#pf101-mutable-default-argument"), "href: %r" % pf101)
    expect("tags" not in pf101, "PF101 is not unnecessary code")

    # Incremental change fixing PF101: `[]` -> `None`.
    text = SOURCE
    c.change(uri, 2, [{"range": rng(0, 20, 0, 22), "text": "None"}])
    text = text.replace("items=[]", "items=None")
    p = c.diagnostics_for(uri)
    expect(codes(p) == ["PF102"], "after fixing PF101: %r" % p)
    expect(p["version"] == 2, "version 2")
    # ... and re-introducing it, in two changes of one notification (the second relative to the first).
    c.change(uri, 3, [{"range": rng(0, 20, 0, 24), "text": "{"}, {"range": rng(0, 21, 0, 21), "text": "}"}])
    text = text.replace("items=None", "items={}")
    p = c.diagnostics_for(uri)
    expect(sorted(codes(p)) == ["PF101", "PF102"], "re-introduced: %r" % p)
    # A multi-line insertion above shifts everything down by two lines.
    c.change(uri, 4, [{"range": rng(0, 0, 0, 0), "text": "import os\n\n"}])
    text = "import os\n\n" + text
    p = c.diagnostics_for(uri)
    pf101 = next(d for d in p["diagnostics"] if d["code"] == "PF101")
    expect(pf101["range"] == rng(2, 20, 2, 22), "shifted range: %r" % pf101["range"])

    # Pull diagnostics agree with what was pushed.
    pulled = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
    expect(pulled["kind"] == "full" and sorted(d["code"] for d in pulled["items"]) == ["PF101", "PF102"], "pull: %r" % pulled)
    same = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": pulled["resultId"]})["result"]
    expect(same["kind"] == "unchanged", "unchanged pull: %r" % same)

    # Code actions on PF101: the rule's fix and the noqa action.
    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(2, 21, 2, 21),
                                                    "context": {"diagnostics": []}})["result"]
    titles = [a["title"] for a in actions]
    expect(any("None" in t for t in titles), "fix action: %r" % titles)
    expect("Ignore PF101 on this line" in titles, "noqa action: %r" % titles)
    expect(all(a["kind"] == "quickfix" for a in actions), "kinds")
    fix = next(a for a in actions if "None" in a["title"])
    expect(not fix.get("isPreferred"), "PF101's fix is unsafe, not preferred")
    fixed = apply_text_edits(text, fix["edit"]["changes"][uri])
    expect("items=None" in fixed and "if items is None:" in fixed, "fixed text:\n" + fixed)
    c.change(uri, 5, [{"text": fixed}])  # whole-text change
    text = fixed
    p = c.diagnostics_for(uri)
    expect(codes(p) == ["PF102"], "after applying the fix: %r" % p)

    # PF102's fix is safe (preferred); then the noqa action silences it, and extends an existing list.
    line = next(i for i, l in enumerate(text.splitlines()) if "x is 1" in l)
    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(line, 0, line, 100),
                                                    "context": {"diagnostics": [], "only": ["quickfix"]}})["result"]
    safe = next(a for a in actions if a["title"] != "Ignore PF102 on this line")
    expect(safe.get("isPreferred") is True, "safe fix preferred: %r" % safe)
    expect(apply_text_edits(text, safe["edit"]["changes"][uri]).count("x == 1") == 1, "PF102 fix")
    noqa = next(a for a in actions if a["title"] == "Ignore PF102 on this line")
    silenced = apply_text_edits(text, noqa["edit"]["changes"][uri])
    expect("return x is 1  # noqa: PF102\n" in silenced, "noqa text:\n" + silenced)
    none = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(line, 0, line, 100),
                                                 "context": {"diagnostics": [], "only": ["refactor"]}})["result"]
    expect(none == [], "context.only excludes quickfix: %r" % none)

    c.change(uri, 6, [{"text": "def g(a=[]):  # noqa: PF102\n    return a\n"}])
    p = c.diagnostics_for(uri)
    expect(codes(p) == ["PF101"], "noqa for another code: %r" % p)
    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(0, 8, 0, 8)})["result"]
    noqa = next(a for a in actions if a["title"] == "Ignore PF101 on this line")
    extended = apply_text_edits("def g(a=[]):  # noqa: PF102\n    return a\n", noqa["edit"]["changes"][uri])
    expect(extended.startswith("def g(a=[]):  # noqa: PF102, PF101\n"), "extended noqa:\n" + extended)
    c.change(uri, 7, [{"text": extended}])
    expect(codes(c.diagnostics_for(uri)) == [], "silenced by the extended noqa")

    c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    expect(c.diagnostics_for(uri)["diagnostics"] == [], "didSave publishes")
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    p = c.diagnostics_for(uri)
    expect(p["diagnostics"] == [], "didClose clears: %r" % p)
    expect(c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(0, 0, 0, 0)})["result"] == [],
           "closed document has no actions")
    expect(c.finish() == 0, "clean exit")


@check
def malformed_input(exe, tmp):
    c = LspClient(exe, cwd=tmp)
    c.initialize()
    is_error = lambda code: (lambda m: "error" in m and m["error"]["code"] == code)
    # A header line that is not a header, followed by a blank line.
    c.send_raw(b"Garbage that is not a header\r\n\r\n")
    expect(c.wait_for(is_error(-32700))["id"] is None, "garbage header")
    # A Content-Length that is not a number; its body cannot be found, the next frame must still work.
    c.send_raw(b"Content-Length: twelve\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}")
    c.wait_for(is_error(-32700))
    # A too-short Content-Length: the truncated body is invalid JSON.
    body = json.dumps({"jsonrpc": "2.0", "id": 9000, "method": "shutdown"}).encode()
    c.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 8) + body)
    c.wait_for(is_error(-32700))
    # Invalid JSON with a correct length, and JSON that is not an object.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    c.wait_for(is_error(-32700))
    c.send_raw(b"Content-Length: 5\r\n\r\n[1,2]")
    c.wait_for(is_error(-32600))
    # Nesting a million deep must not overflow the stack.
    deep = b"[" * 1000000 + b"]" * 1000000
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    c.wait_for(is_error(-32600))
    # An object without a method, an unknown method, an unknown notification, a cancellation.
    c.send({"jsonrpc": "2.0", "id": 77})
    expect(c.wait_for(is_error(-32600))["id"] == 77, "request without a method")
    unknown = c.request("textDocument/hover", {"textDocument": {"uri": "file:///x.py"}, "position": {"line": 0, "character": 0}})
    expect(unknown["error"]["code"] == -32601, "unknown method: %r" % unknown)
    c.notify("pyflags/somethingUnknown", {"x": 1})
    c.notify("$/cancelRequest", {"id": 1})
    c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.py"}, "contentChanges": []})
    bad = c.request("textDocument/codeAction", {"textDocument": {"uri": 5}})
    expect(bad["error"]["code"] == -32602, "invalid params: %r" % bad)
    # Still alive, and the shutdown inside the truncated frame was never executed.
    uri = "file://" + os.path.join(tmp, "after.py")
    c.open(uri, "def f(a=[]):\n    pass\n")
    expect(codes(c.diagnostics_for(uri)) == ["PF101"], "server still works after bad input")
    expect(c.finish() == 0, "clean exit after bad input")


@check
def huge_document_and_clamping(exe, tmp):
    uri = "file://" + os.path.join(tmp, "huge.py")
    lines = ["x%d = %d" % (i, i) for i in range(20000)]
    lines[19998] = "def f(a=[]):"
    lines[19999] = "    return a"
    text = "\n".join(lines) + "\n"
    c = LspClient(exe, cwd=tmp)
    c.initialize()
    start = time.perf_counter()
    c.open(uri, text)
    p = c.diagnostics_for(uri)
    expect(codes(p) == ["PF101"] and p["diagnostics"][0]["range"]["start"]["line"] == 19998, "huge: %r" % p)
    print("    20,000-line didOpen → diagnostics in %.1f ms" % ((time.perf_counter() - start) * 1000))
    start = time.perf_counter()
    c.change(uri, 2, [{"range": rng(10000, 0, 10000, 0), "text": "def g(b={}):\n    return b\n"}])
    p = c.diagnostics_for(uri)
    expect(sorted(d["range"]["start"]["line"] for d in p["diagnostics"]) == [10000, 20000], "huge edit: %r" % p)
    print("    one edit in the middle → diagnostics in %.1f ms" % ((time.perf_counter() - start) * 1000))

    # Out-of-range edits are clamped: past the end appends, a character past a line's end means its end,
    # negative numbers mean 0, a reversed range is its span.
    small = "file://" + os.path.join(tmp, "clamp.py")
    c.open(small, "a = 1\n")
    c.diagnostics_for(small)
    c.change(small, 2, [{"range": rng(10**6, 10**6, 10**7, 5), "text": "def f(a=[]):\n    pass\n"}])
    p = c.diagnostics_for(small)
    expect(codes(p) == ["PF101"] and p["diagnostics"][0]["range"]["start"]["line"] == 1, "appended: %r" % p)
    c.change(small, 3, [{"range": rng(0, 500, 0, 999), "text": "  # end"}])
    c.change(small, 4, [{"range": rng(-5, -5, -1, -1), "text": "# top\n"}])
    c.change(small, 5, [{"range": rng(2, 10, 2, 8), "text": "None"}])  # reversed: [] -> None
    p = c.diagnostics_for(small, with_time=False)
    while p["version"] != 5:
        p = c.diagnostics_for(small)
    expect(codes(p) == [], "clamped edits: %r" % p)
    pulled = c.request("textDocument/diagnostic", {"textDocument": {"uri": small}})["result"]
    expect(pulled["items"] == [], "document state after clamped edits")
    # The text must now be exactly this; a fresh document with it has the same (no) diagnostics and the
    # server has survived: check it by re-introducing the problem at the known position.
    c.change(small, 6, [{"range": rng(2, 8, 2, 12), "text": "[]"}])
    p = c.diagnostics_for(small)
    while p["version"] != 6:
        p = c.diagnostics_for(small)
    expect(codes(p) == ["PF101"] and p["diagnostics"][0]["range"] == rng(2, 8, 2, 10), "text after clamping: %r" % p)
    expect(c.finish() == 0, "clean exit")


@check
def utf16_and_utf8_columns(exe, tmp):
    line = 'def f(s="é😀", items=[]):'
    text = line + "\n    return s, items\n"
    before = line[:line.index("[]")]
    expected = {"utf-16": utf16_len(before), "utf-8": len(before.encode())}
    expect(expected == {"utf-16": 21, "utf-8": 24}, "test arithmetic")
    for encoding in ("utf-16", "utf-8"):
        uri = "file://" + os.path.join(tmp, "unicode_%s.py" % encoding)
        c = LspClient(exe, cwd=tmp)
        caps = c.initialize([encoding])["result"]["capabilities"]
        expect(caps["positionEncoding"] == encoding, "negotiated %s" % encoding)
        c.open(uri, text)
        p = c.diagnostics_for(uri)
        col = expected[encoding]
        expect(codes(p) == ["PF101"] and p["diagnostics"][0]["range"] == rng(0, col, 0, col + 2),
               "%s columns: %r" % (encoding, p))
        # An edit expressed in the same encoding lands on `[]`.
        c.change(uri, 2, [{"range": rng(0, col, 0, col + 2), "text": "None"}])
        expect(codes(c.diagnostics_for(uri)) == [], "%s edit position" % encoding)
        # A position inside the emoji (UTF-16: between its surrogates; UTF-8: inside its bytes) rounds down.
        inside = utf16_len('def f(s="é') + 1 if encoding == "utf-16" else len('def f(s="é'.encode()) + 2
        c.change(uri, 3, [{"range": rng(0, inside, 0, inside), "text": "x"}])
        pulled = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
        expect(pulled["kind"] == "full", "still serving after a mid-character edit")
        expect(c.finish() == 0, "clean exit")


@check
def configuration(exe, tmp):
    project = os.path.join(tmp, "project")
    os.makedirs(project, exist_ok=True)
    config = os.path.join(project, "pyflags.toml")
    with open(config, "w") as f:
        f.write('ignore = ["PF101"]\n')
    uri = "file://" + os.path.join(project, "m.py")
    c = LspClient(exe, cwd=tmp)
    c.initialize(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                                             "diagnostics": {"refreshSupport": True}}})
    # The server asks to watch configuration files (they are not documents it is sent).
    registration = c.wait_for(lambda m: m.get("method") == "client/registerCapability")
    watched = registration["params"]["registrations"][0]
    expect(watched["method"] == "workspace/didChangeWatchedFiles", "watch registration: %r" % registration)
    c.send({"jsonrpc": "2.0", "id": registration["id"], "result": None})
    c.open(uri, SOURCE)
    expect(codes(c.diagnostics_for(uri)) == ["PF102"], "pyflags.toml ignore applies")
    with open(config, "w") as f:
        f.write('ignore = ["PF102"]\n')
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + config, "type": 2}]})
    expect(codes(c.diagnostics_for(uri)) == ["PF101"], "re-read after a watched config file changed")
    refresh = c.wait_for(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    c.send({"jsonrpc": "2.0", "id": refresh["id"], "result": None})
    with open(config, "w") as f:
        f.write("ignore = []\n")
    c.notify("workspace/didChangeConfiguration", {"settings": {}})
    expect(sorted(codes(c.diagnostics_for(uri))) == ["PF101", "PF102"], "re-read after didChangeConfiguration")
    with open(config, "w") as f:
        f.write("this is not toml [\n")
    c.notify("textDocument/didSave", {"textDocument": {"uri": "file://" + config}})
    log = c.wait_for(lambda m: m.get("method") == "window/logMessage" and "configuration" in m["params"]["message"])
    expect(log["params"]["type"] == 1, "config error logged as an error: %r" % log)
    expect(sorted(codes(c.diagnostics_for(uri))) == ["PF101", "PF102"], "defaults after a config error")
    expect(c.finish() == 0, "clean exit")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    exe = os.path.abspath(sys.argv[1])
    failures = 0
    for fn in CHECKS:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                fn(exe, tmp)
                print("ok   %s" % fn.__name__)
            except Exception as e:  # report every check, then fail
                failures += 1
                print("FAIL %s: %s" % (fn.__name__, e))
    print("%d of %d checks passed" % (len(CHECKS) - failures, len(CHECKS)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
