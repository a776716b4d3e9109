#!/usr/bin/env bash
# Seeds the corpus of the `everything` target: every sample and hostile fixture, once for each
# command line (the first byte of an input picks the command).
set -euo pipefail
cd "$(dirname "$0")"
corpus=corpus/everything
mkdir -p "$corpus"
commands=$(grep -c '^    &\[' ../src/app/fuzz.rs)
for f in ../samples/*.json ../tests/fixtures/hostile/* ../tests/fixtures/bad/* seeds/*; do
  [ -f "$f" ] || continue
  for ((i = 0; i < commands; i++)); do
    { printf "\\$(printf '%03o' "$i")"; head -c 4096 "$f"; } > "$corpus/$(basename "$f").$i"
  done
done
echo "seeded $(ls "$corpus" | wc -l) inputs for $commands command lines"
