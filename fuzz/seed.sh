#!/usr/bin/env bash
# Seeds the fuzz corpora from fixtures/: configs for parse, parse_fast, parse_split and check, .env files for dotenv,
# string values with `$` for template. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/{parse,parse_fast,parse_split,check,dotenv,template}
i=0
for f in fixtures/*/*.json fixtures/*/*.jsonc fixtures/*/.mcp.json fixtures/bad/*; do
  [[ -f $f ]] || continue
  i=$((i + 1))
  cp "$f" "fuzz/corpus/parse/seed-$i"
  cp "$f" "fuzz/corpus/parse_fast/seed-$i"
  env=$(dirname "$f")/.env
  { cat "$f"; printf '\0'; [[ -f $env ]] && cat "$env"; } >"fuzz/corpus/check/seed-$i"
done
# The vendor snippets too: real-world JSON and JSONC (comments, trailing commas, escapes).
for f in tests/vendor/snippets/*; do
  i=$((i + 1))
  cp "$f" "fuzz/corpus/parse_fast/seed-$i"
done
# parse_split reads two bytes (which quote to split at) before the text.
for f in fuzz/corpus/parse_fast/seed-*; do
  { head -c 2 /dev/urandom; cat "$f"; } >"fuzz/corpus/parse_split/${f##*/}"
done
for f in fixtures/*/.env fixtures/*/.env.example; do
  [[ -f $f ]] || continue
  i=$((i + 1))
  cp "$f" "fuzz/corpus/dotenv/seed-$i"
done
grep -ho '"[^"]*\$[^"]*"' fixtures/*/*.json | sort -u | while read -r s; do
  i=$((i + 1))
  printf '%s' "${s:1:${#s}-2}" >"fuzz/corpus/template/seed-$i-$RANDOM"
done
echo "seeded fuzz/corpus from fixtures/"
