#!/usr/bin/env bash
# run-load-instructions.sh BUILDDIR [N…]: the load benchmark counted in
# instructions (valgrind's callgrind, only the measured region), which does
# not depend on what else the machine is doing. Slow: about a minute for
# 10000 entities. The wall-clock version is run-load.sh.
# SPDX-License-Identifier: MIT
set -euo pipefail
build=${1:?usage: run-load-instructions.sh BUILDDIR [N…]}
shift
sizes=${*:-2000 10000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count () {
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/cg" \
    "$build/tests/bench/bench-load" "$1" "$2" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}

printf '%-9s %16s %16s %7s\n' entities "json-glib Ir" "weft Ir" "ratio"
for n in $sizes; do
  f="$tmp/synthetic-$n.weft"
  python3 "$here/gen-dataset.py" "$n" "$f"
  j=$(count json-glib "$f")
  w=$(count weft "$f")
  python3 -c "print(f'{$n:<9} {$j:16d} {$w:16d} {$w / $j:7.2f}')"
done
