#!/usr/bin/env bash
# run-load.sh BUILDDIR [N…]: the load benchmark.
# For each size (default 10000 100000 entities) it generates a dataset,
# then runs json-glib's bare parse and Weft's load (read, check, model,
# references, indexes) RUNS times each (default 7), alternating, each in
# its own process, and prints the medians of wall time, processor time
# (user + system) and peak resident memory of each, with the ratios.
# Goals (issue 16): time at most 0.4x json-glib's, memory at most 0.5x.
# SPDX-License-Identifier: MIT
set -euo pipefail
build=${1:?usage: run-load.sh BUILDDIR [N…]}
shift
sizes=${*:-10000 100000}
runs=${RUNS:-7}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-9s %8s | %9s %9s %6s | %9s %9s %6s | %9s %9s %6s\n' entities "file MiB" \
  "json-glib" "weft" "x" "json-glib" "weft" "x" "json-glib" "weft" "x"
printf '%-9s %8s | %26s | %26s | %26s\n' "" "" "wall s (median)" "CPU s (median)" "peak RSS MiB (median)"
for n in $sizes; do
  f="$tmp/synthetic-$n.weft"
  python3 "$here/gen-dataset.py" "$n" "$f"
  : > "$tmp/json-glib"; : > "$tmp/weft"
  for i in $(seq "$runs"); do
    "$build/tests/bench/bench-load" json-glib "$f" >> "$tmp/json-glib"
    "$build/tests/bench/bench-load" weft "$f" >> "$tmp/weft"
  done
  python3 - "$n" "$f" "$tmp/json-glib" "$tmp/weft" <<'PY'
import os, statistics, sys
n, f, jf, wf = sys.argv[1:]
def medians(path):
    rows = [list(map(float, line.split())) for line in open(path)]
    return [statistics.median(col) for col in zip(*rows)]
tj, mj, cj = medians(jf)
tw, mw, cw = medians(wf)
size = os.path.getsize(f) / 2**20
print(f"{n:<9} {size:8.1f} | {tj:9.3f} {tw:9.3f} {tw / tj:6.2f} | {cj:9.3f} {cw:9.3f} {cw / cj:6.2f} | "
      f"{mj / 1024:9.1f} {mw / 1024:9.1f} {mw / mj:6.2f}")
PY
done
