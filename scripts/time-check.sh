#!/usr/bin/env bash
# Median wall time and peak memory of `mcplint check --format json` on generated configs,
# next to a baseline measured in the same run (python's json.load of the same file).
# Usage: scripts/time-check.sh [RUNS]   (default 7; builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --release --quiet
bin=target/release/mcplint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median of "milliseconds KiB" lines, by milliseconds
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
measure() {
  "$@" >/dev/null 2>&1 || true # warm-up
  for _ in $(seq "$runs"); do
    local start=$EPOCHREALTIME
    local kib
    /usr/bin/time -f "%M" -o "$tmp/kib" "$@" >/dev/null 2>&1 || true
    kib=$(tail -n 1 "$tmp/kib")
    local end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" -v k="$kib" 'BEGIN { printf "%.1f %d\n", (e - s) * 1000, k }'
  done | median
}

printf '%-9s %6s %12s %9s %12s %7s\n' servers size mcplint peak json.load ratio
# The variables the generated configs reference, so that a run reports no finding.
{
  for i in $(seq 0 12); do echo "SERVICE_${i}_TOKEN=synthetic-service-$i"; done
  for i in $(seq 0 10); do echo "REMOTE_${i}_TOKEN=synthetic-remote-$i"; done
} >"$tmp/.env"
for n in 10 20000 100000; do
  f=$tmp/$n.json
  python3 scripts/gen-config.py "$n" >"$f"
  read -r t m < <(measure "$bin" check --no-process-env --format json "$f")
  read -r b _ < <(measure python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$f")
  size=$(du -h "$f" | cut -f1)
  ratio=$(awk -v t="$t" -v b="$b" 'BEGIN { if (t > 0) printf "%.1fx", b / t; else print "-" }')
  printf '%-9s %6s %9s ms %5d MiB %9s ms %7s\n' "$n" "$size" "$t" $((m / 1024)) "$b" "$ratio"
done
echo "ratio: json.load time / mcplint time (above 1: mcplint is faster than merely parsing in Python)"
