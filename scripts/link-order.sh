#!/usr/bin/env bash
# Writes scripts/link-order.txt: the functions a small check runs, in the order they first run,
# for the linker to put together at the start of the binary's code (build.rs passes it to lld
# as --symbol-ordering-file). The kernel maps a binary's code 64 KiB around each page a run
# touches; with the functions of a usual run side by side, a check of a small config maps
# fewer pages (scripts/bench.sh's peak memory at 10 servers). Needs valgrind.
#
# Symbol names carry a hash of the crate's build settings and dependencies: after a change to
# Cargo.toml or to the toolchain, run this again (a stale list is harmless, only less useful;
# `scripts/link-order.sh --check` says how much of it the built binary still has).
set -euo pipefail
cd "$(dirname "$0")/.."
list=scripts/link-order.txt
bin=target/release/mcplint
cargo build --release --locked --quiet
symbols=$(mktemp)
nm --defined-only "$bin" | awk '$2 ~ /^[tT]$/ { print $3 }' | sort -u >"$symbols"
if [[ ${1:-} == --check ]]; then
  total=$(grep -c . "$list")
  found=$(sort -u "$list" | comm -12 - "$symbols" | grep -c . || true)
  echo "$found of the $total functions in $list are in $bin"
  rm -f "$symbols"
  exit 0
fi
command -v valgrind >/dev/null || { echo "link-order.sh needs valgrind" >&2; exit 1; }
work=$(mktemp -d)
corpus=$work/corpus
cargo run --release --locked --quiet --example gen_corpus -- 10 20261126 "$corpus" >/dev/null
runs=(
  "--version"
  "check --no-process-env --format json $corpus/mcp-servers.json"
  "check --no-process-env --format human --color never $corpus/mcp-servers.json"
  "check fixtures/misspelt-field/mcp-servers.json"
)
i=0
for args in "${runs[@]}"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$i" "$bin" $args \
    >/dev/null 2>&1 || true
done
# Function names in the order the runs first reach them, kept if the binary defines them.
cat "$work"/cg.* | sed -n 's/^c\{0,1\}fn=([0-9]*) //p' | awk '!seen[$0]++' \
  | awk -v defined="$symbols" 'BEGIN { while ((getline s < defined) > 0) have[s] = 1 } have[$0]' \
  >"$list"
rm -rf "$work" "$symbols"
echo "$list: $(grep -c . "$list") functions"
