#!/usr/bin/env bash
# run-layout-instructions.sh BUILDDIR [ENTITIES RELATIONS ENGINE]…: Weft's
# in-process layout against the Graphviz command line on the same DOT, in
# instructions (valgrind's callgrind), which do not depend on what else the
# machine is doing. For each graph (gen-graph.py), three counts:
#   weft layout   bench-layout, only inside weft_layout_run() (write the
#                 DOT, read it, lay out, copy the geometry, free)
#   weft process  bench-layout as a whole (also loading the .weft file and
#                 writing the DOT export)
#   ENGINE -Tplain the command line as a whole (start, read, lay out, write)
# and whether both put every node in the same place (the same work).
# Slow: about three minutes for 1,000 entities with dot.
# Default: 300 390 dot 1000 1300 dot.
# SPDX-License-Identifier: MIT
set -euo pipefail
build=${1:?usage: run-layout-instructions.sh BUILDDIR [ENTITIES RELATIONS ENGINE]…}
shift
set -- ${*:-300 390 dot 1000 1300 dot}
here=$(cd "$(dirname "$0")" && pwd)
bench=$build/tests/bench/bench-layout
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

refs () {
  sed -n 's/.*I *refs: *//p' | tr -d ,
}

printf '%-8s %-9s %-5s %15s %15s %15s %8s %8s  %s\n' entities relations engine \
  "weft layout" "weft process" "command line" "layout" "process" "nodes"
while [ $# -ge 3 ]; do
  n=$1 m=$2 engine=$3
  shift 3
  g=$tmp/g$n
  python3 "$here/gen-graph.py" "$n" "$m" "$g.weft"
  layout=$(valgrind --tool=callgrind --toggle-collect=weft_layout_run --callgrind-out-file="$tmp/cg" \
    "$bench" "$g.weft" "$engine" "$g.dot" 1 "$g.nodes" 2>&1 >/dev/null | refs)
  process=$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
    "$bench" "$g.weft" "$engine" "$g.dot" 1 2>&1 >/dev/null | refs)
  cli=$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
    "$engine" -Tplain "$g.dot" -o "$g.plain" 2>&1 >/dev/null | refs)
  if awk '$1 == "node" { print $3, $4 }' "$g.plain" | cmp -s - "$g.nodes"; then
    same="same layout"
  else
    same="DIFFERENT layouts"
  fi
  python3 -c "print(f'{$n:<8} {$m:<9} {\"$engine\":<5} {$layout:15d} {$process:15d} {$cli:15d} {$layout / $cli:8.3f} {$process / $cli:8.3f}  $same')"
done
