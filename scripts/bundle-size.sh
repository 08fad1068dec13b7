#!/usr/bin/env bash
# Prints the raw and gzip -9 sizes of the wasm, js and css files in a Trunk dist folder.
set -euo pipefail
DIST="${1:-dist}"
raw_total=0; gz_total=0
printf '%-44s %10s %10s\n' file raw gzip
for f in "$DIST"/*.wasm "$DIST"/*.js "$DIST"/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9 -n -c "$f" | wc -c)
  raw_total=$((raw_total + raw)); gz_total=$((gz_total + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$raw_total" "$gz_total"
