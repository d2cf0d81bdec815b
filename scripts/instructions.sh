#!/usr/bin/env bash
# Instructions of one full check of the generated 200 × 30 declaration, counted by callgrind: a
# figure that stays the same from run to run on a noisy machine, for comparing two versions of
# the checker (wall-clock time is `cargo bench --bench check`). Needs valgrind (not installed by
# setup.sh: it is a developer's tool, no test uses it). `bash scripts/instructions.sh [N]` also
# prints the N functions with the most instructions of their own.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bench=$(cargo bench --bench check --no-run --message-format=json 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){try{const m=JSON.parse(l);if(m.executable&&m.target&&m.target.name==="check")console.log(m.executable)}catch{}}})')
out=$(mktemp)
valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='jixiao::check::check' \
  "$bench" --bench --once 2>&1 | grep -o 'Collected : [0-9]*' | sed 's/Collected :/instructions of one full check:/'
if [ -n "${1:-}" ]; then
  callgrind_annotate "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -"$1"
fi
rm -f "$out"
