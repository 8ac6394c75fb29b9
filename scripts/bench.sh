#!/usr/bin/env bash
# Times `mcplint check --format json` (release build, every rule on) on generated corpora of 10,
# 20,000 and 100,000 servers (examples/gen_corpus: 60% stdio, 40% remote, a tenth with a planted
# secret), next to python's json.load of the same file and, when installed, its peers.
# Then the walk of `check DIR` over a generated tree of 10,000 files holding 100 configs of ten
# clients (JSON, Codex TOML, Continue YAML)
# (examples/gen_tree; target under 300 ms).
# Not part of CI. Usage: scripts/bench.sh [RUNS] [walk] (default 7 runs; `walk`: the walk only).
# Timed with hyperfine when it is installed, else with a loop of our own (same warm-up, median).
#   peers: PEERS=/path/with/bin scripts/bench.sh    (detect-secrets, check-jsonschema, ripsecrets,
#          secretlint, ajv, jq, gitleaks are looked up in $PEERS and on PATH; a missing one is
#          named and skipped; `gitleaks dir PATH` scans files without git history since v8.19.0,
#          --no-banner and --log-level are its root flags: github.com/gitleaks/gitleaks README and
#          cmd/root.go at v8.22.0)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
only=${2:-}
export PATH="${PEERS:+$PEERS:}$PATH"
cargo build --release --quiet --example gen_corpus --example gen_tree
cargo build --release --quiet
root=$PWD
bin=$root/target/release/mcplint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Median wall time in milliseconds of a command, over $2 runs after a warm-up.
median_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 1 --runs "$2" --export-json "$tmp/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"]*1000))' "$tmp/h.json"
  else
    # Like `hyperfine -N`: no shell, output discarded, a failing exit ignored.
    python3 - "$1" "$2" <<'PY'
import shlex, statistics, subprocess, sys, time
cmd, runs = shlex.split(sys.argv[1]), int(sys.argv[2])
quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
subprocess.run(cmd, **quiet)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, **quiet)
    times.append(time.perf_counter() - start)
print("%.1f" % (statistics.median(times) * 1000))
PY
  fi
}

# The walk of `check DIR`: 10,000 files, 100 of them configs, a .gitignore'd target/ folder.
walk_bench() {
  local tree=$tmp/tree
  "$root/target/release/examples/gen_tree" 10000 100 "$tree"
  git -C "$tree" init -q
  local found
  found=$({ "$bin" check --no-process-env --format json "$tree" || true; } |
    python3 -c 'import json,sys; print(sum(1 for i in json.load(sys.stdin)["inputs"] if i.get("status") == "checked"))')
  local t
  t=$(median_ms "$bin check --no-process-env --format json $tree" "$runs")
  echo "check DIR: walk of $(find "$tree" -type f -not -path '*/.git/*' | wc -l) files, $found configs checked: $t ms (target: under 300 ms)"
}
# Peak resident memory in MiB (median of 3).
peak_mib() {
  for _ in 1 2 3; do
    /usr/bin/time -f "%M" -o "$tmp/m" bash -c "$1" >/dev/null 2>&1 || true
    tail -n 1 "$tmp/m"
  done | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 / 1024 }'
}

cat >"$tmp/.secretlintrc.json" <<'JSON'
{ "rules": [{ "id": "@secretlint/secretlint-rule-preset-recommend" }] }
JSON

echo "mcplint $("$bin" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
if [[ $only == walk ]]; then
  walk_bench
  exit 0
fi
printf '%-8s %7s | %10s %8s %7s | %10s %7s\n' servers size mcplint peak target json.load speedup
declare -A ms size_mb
for n in 10 20000 100000; do
  dir=$tmp/c$n
  "$root/target/release/examples/gen_corpus" "$n" 20261126 "$dir"
  f=$dir/mcp-servers.json
  cmd="$bin check --no-process-env --format json $f"
  t=$(median_ms "$cmd" "$runs")
  m=$(peak_mib "$cmd")
  b=$(median_ms "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $f" 3)
  bytes=$(stat -c %s "$f")
  ms[$n]=$t
  size_mb[$n]=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
  case $n in 10) target="5 ms";; 20000) target="60 ms";; 100000) target="300 ms";; esac
  printf '%-8s %6.1fM | %8s ms %5s MiB %7s | %7s ms %6sx\n' "$n" "${size_mb[$n]}" "$t" "$m" "$target" "$b" \
    "$(awk -v a="$b" -v t="$t" 'BEGIN { printf "%.1f", a / t }')"
  # Peers, same file, same run, from the corpus's folder (detect-secrets looks at the git
  # repository of the current folder otherwise).
  cd "$dir"
  for peer in "jq . mcp-servers.json" \
              "ajv validate --spec=draft2020 -s $root/schema/mcp-servers.schema.json -d mcp-servers.json" \
              "secretlint --secretlintrc $tmp/.secretlintrc.json mcp-servers.json" "ripsecrets mcp-servers.json" \
              "detect-secrets scan mcp-servers.json" \
              "gitleaks dir --no-banner --log-level error mcp-servers.json" \
              "check-jsonschema --schemafile $root/schema/mcp-servers.schema.json mcp-servers.json"; do
    exe=${peer%% *}
    if ! command -v "$exe" >/dev/null; then
      [[ $n -eq 10 ]] && printf '         %-16s not installed, skipped\n' "$exe"
      continue
    fi
    # The slowest peers are timed once on the large corpora.
    r=$runs; [[ $n -gt 10 ]] && r=1
    if [[ $n -eq 100000 && ( $exe == detect-secrets || $exe == check-jsonschema ) ]]; then continue; fi
    pt=$(median_ms "$peer" "$r")
    printf '         %-16s %9s ms  (mcplint is %sx faster)\n' "$exe" "$pt" \
      "$(awk -v p="$pt" -v t="$t" 'BEGIN { printf "%.1f", p / t }')"
  done
  cd "$root"
done
growth=$(awk -v a="${ms[100000]}" -v sa="${size_mb[100000]}" -v b="${ms[20000]}" -v sb="${size_mb[20000]}" \
  'BEGIN { printf "%.2f", (a / sa) / (b / sb) }')
echo "time per MB at 100,000 servers / at 20,000: ${growth} (target: at most 1.5)"
f=$tmp/c20000/mcp-servers.json
findings=$({ "$bin" check --no-process-env --format json "$f" || true; } | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnostics"]))')
th=$(median_ms "$bin check --no-process-env --format human --color never $f" "$runs")
echo "human / json at 20,000 servers with $findings findings: $th ms / ${ms[20000]} ms = $(awk -v h="$th" -v j="${ms[20000]}" 'BEGIN { printf "%.2f", h / j }') (target: at most 2)"
walk_bench
