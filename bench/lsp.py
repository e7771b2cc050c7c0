#!/usr/bin/env python3
"""Re-lint latency of `mrd lsp` after a keystroke, side by side with two peers
in one run (the target: under 5 ms in a 1,000-line assessment).

Three round trips, each repeated N times over the same pipes:

- cat: the same didChange message through `cat` and back: what the pipes
  and this client cost;
- mrd ping: a request mrd answers at once (an unknown method): the
  transport, without linting;
- mrd keystroke: one character typed into an answer (an incremental
  didChange), until the publishDiagnostics for that version arrives: the
  change applied, the whole file parsed and linted, the ranges converted.

Usage: bench/lsp.py MRD_BINARY [N]   (bench/lsp.sh builds and runs it)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

SENTENCE = ("Teams that self-host their pipelines lose about a day a month to "
            "failed cron runs nobody notices, by our September interviews.")


def assessment(lines_per_answer=109):
    """A complete assessment of about 1,000 lines: nine long answers, and one
    unknown key, so every keystroke publishes a finding."""
    keys = ["problem", "target_market", "market_size", "alternatives",
            "differentiator", "market_window", "go_to_market", "metrics",
            "success_factors"]
    out = ["---", "title: A long assessment", "author: Bench", "colour: blue",
           "created: 2026-10-02", "status: review", "answers:"]
    for key in keys:
        out.append(f"  {key}: |")
        for i in range(lines_per_answer):
            out.append(f"    {SENTENCE} Measured at 40% by 2026-12-01, line {i}.")
    out += ["recommendation:", "  decision: go", "  rationale: |",
            "    The evidence above, weighed.", "---", "## Notes", ""]
    return "\n".join(out)


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise SystemExit("the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(stream.read(length))


def summary(label, samples):
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(f"{label:<16} median {statistics.median(ms):7.3f} ms   p95 {p95:7.3f} ms   "
          f"max {ms[-1]:7.3f} ms   ({len(ms)} round trips)")


def main():
    mrd = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    text = assessment()
    lines = text.count("\n") + 1
    with tempfile.TemporaryDirectory() as root:
        os.mkdir(os.path.join(root, ".git"))
        path = os.path.join(root, "assessments", "long.md")
        os.makedirs(os.path.dirname(path))
        with open(path, "w") as f:
            f.write(text)
        uri = "file://" + path
        # The line of the first answer's first text line; typing goes there.
        line = text.split("\n").index("  problem: |") + 1
        change = lambda version, column: {
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"range": {
                           "start": {"line": line, "character": column},
                           "end": {"line": line, "character": column}},
                           "text": "x"}]}}

        cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        samples = []
        for i in range(n):
            start = time.perf_counter()
            cat.stdin.write(frame(change(i + 2, 4)))
            cat.stdin.flush()
            read(cat.stdout)
            samples.append(time.perf_counter() - start)
        cat.stdin.close()
        cat.wait()

        server = subprocess.Popen([mrd, "lsp"], cwd=root, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        send = lambda m: (server.stdin.write(frame(m)), server.stdin.flush())
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
        while read(server.stdout).get("id") != 1:
            pass
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri, "languageId": "markdown",
                                          "version": 1, "text": text}}})
        first = read(server.stdout)
        findings = len(first["params"]["diagnostics"])

        ping = []
        for i in range(n):
            start = time.perf_counter()
            send({"jsonrpc": "2.0", "id": 100 + i, "method": "mrd/ping"})
            read(server.stdout)
            ping.append(time.perf_counter() - start)

        keystroke = []
        for i in range(n):
            start = time.perf_counter()
            send(change(i + 2, 4 + i))
            message = read(server.stdout)
            assert message["params"]["version"] == i + 2, message
            keystroke.append(time.perf_counter() - start)
        send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        read(server.stdout)
        send({"jsonrpc": "2.0", "method": "exit"})
        server.wait()

    print(f"document: {lines} lines, {len(text) // 1024} KB, {findings} findings; "
          f"{os.cpu_count()} cores")
    summary("cat (pipes)", samples)
    summary("mrd ping", ping)
    summary("mrd keystroke", keystroke)
    print("target: mrd keystroke under 5 ms")


if __name__ == "__main__":
    main()
