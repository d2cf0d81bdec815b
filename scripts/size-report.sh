#!/usr/bin/env bash
# Prints what the hosted page transfers (gzip -9 of each file in dist/), the single file's size, and
# the checker script for other pages (dist/api/, not loaded by the page).
# Run after scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
total=0
for f in dist/*; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '  %-48s %9d B   gzip -9 %8d B\n' "$f" "$raw" "$gz"
done
# The budget (issue 5): 200 KB, read as 200,000 bytes.
awk -v t="$total" 'BEGIN { printf "hosted page, total gzip -9: %d B (%.1f KiB); budget 200000 B: %s\n", t, t / 1024, (t <= 200000 ? "within" : "OVER") }'
single=dist-single/jixiao.html
awk -v s="$(stat -c %s "$single")" -v g="$(gzip -9c "$single" | wc -c)" -v f="$single" \
  'BEGIN { printf "single file %s: %d B (%.1f KiB), gzip -9 %d B\n", f, s, s / 1024, g }'
api=dist/api/jixiao-check.js
awk -v s="$(stat -c %s "$api")" -v g="$(gzip -9c "$api" | wc -c)" -v f="$api" \
  'BEGIN { printf "checker for other pages %s: %d B (%.1f KiB), gzip -9 %d B (not loaded by the app page)\n", f, s, s / 1024, g }'
