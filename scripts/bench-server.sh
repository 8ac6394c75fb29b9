#!/usr/bin/env bash
# Keystroke to diagnostics in `mcplint server` (release build): a generated config of 50 and
# of 1,000 servers (examples/gen_corpus, with its .env) is opened, then edited one character at
# a time (a full-text didChange, as editors send with full sync); each edit is timed from the
# moment its last byte is written to the server's stdin to the moment the publishDiagnostics
# of that version has been read back. Prints the median and the 90th percentile.
# Not part of CI. Usage: scripts/bench-server.sh [EDITS] (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-200}
cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "mcplint $("$root/target/release/mcplint" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $edits edits"
for n in 50 1000; do
  "$root/target/release/examples/gen_corpus" "$n" 20261126 "$tmp/c$n"
  python3 - "$root/target/release/mcplint" "$tmp/c$n/mcp-servers.json" "$edits" "$n" <<'PY'
import json, statistics, subprocess, sys, time
binary, path, edits, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
server = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(msg):
    body = json.dumps(msg).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()
def read():
    length = None
    while True:
        line = server.stdout.readline()
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))
uri = "file://" + path
text = open(path).read()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
while "id" not in read(): pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
      {"uri": uri, "languageId": "json", "version": 0, "text": text}}})
def wait(version):
    count = 0
    while True:
        m = read()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri \
                and m["params"].get("version") == version:
            return len(m["params"]["diagnostics"])
wait(0)
# Each edit types one character into the first "command" value (and the next takes it back).
at = text.index('"command": "') + len('"command": "')
times, found = [], 0
for version in range(1, edits + 1):
    edited = text[:at] + ("x" if version % 2 else "") + text[at:]
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
    found = wait(version)
    times.append((time.perf_counter() - start) * 1000)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=10)
times.sort()
print("%5s servers, %7.1f KB, %4d findings: median %6.2f ms, p90 %6.2f ms, max %6.2f ms" % (
    n, len(text.encode()) / 1024, found, statistics.median(times),
    times[int(len(times) * 0.9) - 1], times[-1]))
PY
done
