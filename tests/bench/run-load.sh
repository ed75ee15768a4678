#!/usr/bin/env bash
# run-load.sh BUILDDIR [N…]: the foundation's load benchmark.
# For each size (default 10000 100000 entities) it generates a dataset,
# then runs json-glib's bare parse and Weft's load (parse, check, index,
# tree freed) five times each, alternating, in separate processes, and
# prints the best time and the peak resident memory of each with the ratios.
# Goal: time ratio <= 1.5, memory ratio <= 1.2.
# SPDX-License-Identifier: MIT
set -euo pipefail
build=${1:?usage: run-load.sh BUILDDIR [N…]}
shift
sizes=${*:-10000 100000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-9s %-10s %10s %10s %12s %12s %7s %7s\n' entities "file MiB" "json-glib s" "weft s" "json-glib KiB" "weft KiB" "time x" "mem x"
for n in $sizes; do
  f="$tmp/synthetic-$n.weft"
  python3 "$here/gen-dataset.py" "$n" "$f"
  best_j=999; best_w=999; mem_j=0; mem_w=0
  for i in 1 2 3 4 5; do
    read -r t m < <("$build/tests/bench/bench-load" json-glib "$f")
    best_j=$(python3 -c "print(min($best_j, $t))"); mem_j=$m
    read -r t m < <("$build/tests/bench/bench-load" weft "$f")
    best_w=$(python3 -c "print(min($best_w, $t))"); mem_w=$m
  done
  size=$(python3 -c "import os; print(round(os.path.getsize('$f') / 2**20, 1))")
  python3 - "$n" "$size" "$best_j" "$best_w" "$mem_j" "$mem_w" <<'PY'
import sys
n, size, tj, tw, mj, mw = sys.argv[1:]
tj, tw, mj, mw = float(tj), float(tw), int(mj), int(mw)
print(f"{n:<9} {size:<10} {tj:10.3f} {tw:10.3f} {mj:12d} {mw:12d} {tw / tj:7.2f} {mw / mj:7.2f}")
PY
done
