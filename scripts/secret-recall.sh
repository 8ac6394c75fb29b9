#!/usr/bin/env bash
# Recall and false alarms of the secret rules, through the release binary, on a generated
# corpus: scripts/secret-recall.sh [SERVERS] [SEED]   (default 1000 servers)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
seed=${2:-20261126}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
target/release/examples/gen_corpus "$n" "$seed" "$tmp"
(cd "$tmp" && GIT_CEILING_DIRECTORIES="$tmp" "$OLDPWD/target/release/mcplint" check \
  --no-process-env --format json mcp-servers.json >report.json) || true
python3 - "$tmp" <<'PY'
import json, sys, collections
d = sys.argv[1]
truth = json.load(open(f"{d}/truth.json"))
report = json.load(open(f"{d}/report.json"))
at = collections.defaultdict(set)
for x in report["diagnostics"]:
    at[x["pointer"]].add(x["rule"])
def secret(p): return any(r.startswith("secret/") for r in at[p])
planted = [t for t in truth if t["kind"] == "secret"]
decoys = [t for t in truth if t["kind"] == "decoy"]
found = [t for t in planted if secret(t["pointer"])]
flagged = [t for t in decoys if secret(t["pointer"])]
placeholder = [t for t in decoys if "config/placeholder-value" in at[t["pointer"]]]
print(f"planted secrets: {len(planted)}, found: {len(found)} ({100*len(found)/len(planted):.1f}%)")
print(f"decoys: {len(decoys)}, flagged as secrets: {len(flagged)} ({100*len(flagged)/len(decoys):.1f}%)")
print(f"decoys that are placeholders, reported as config/placeholder-value: {len(placeholder)}")
by_slot = collections.Counter(t["what"].split()[0] for t in planted)
missed = collections.Counter(t["what"].split()[0] for t in planted if t not in found)
for slot, count in sorted(by_slot.items()):
    print(f"  {slot:24} {count - missed[slot]}/{count}")
PY
