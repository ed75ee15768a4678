#!/usr/bin/env python3
# bench.py: Weft's graph layout, export and drawing against Graphviz's
# command line, on the same synthetic graphs. See README.md.
#
# Usage: tests/bench/bench.py BUILDDIR [--quick]
#   --quick skips dot on 1,000 entities (about a minute per run).
# SPDX-License-Identifier: MIT

import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
QUICK = "--quick" in sys.argv
WEFT = os.path.join(BUILD, "src", "weft")
BENCH_LAYOUT = os.path.join(BUILD, "tests", "bench", "bench-layout")
BENCH_DRAW = os.path.join(BUILD, "tests", "bench", "bench-draw")
RUNS = 3


def best_of(cmd, runs=RUNS):
    """Best wall-clock and best CPU (user + system) seconds of RUNS runs."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, best_cpu


def same_layout(nodes_file, plain_file):
    """Whether the command line put every node where Weft did (the same
    graph, laid out the same way: the same work)."""
    with open(nodes_file) as f:
        ours = f.read().split("\n")[:-1]
    with open(plain_file) as f:
        theirs = [" ".join(line.split()[2:4]) for line in f if line.startswith("node ")]
    if ours == theirs:
        return "same layout"
    return f"DIFFERENT layouts ({sum(a != b for a, b in zip(ours, theirs))} of {len(ours)} nodes moved)"


def main():
    d = tempfile.mkdtemp(prefix="weft-bench-")
    graphs = [("300", 300, 390, "dot"), ("10k", 10000, 20000, "sfdp")]
    if not QUICK:
        graphs.insert(1, ("1k", 1000, 1300, "dot"))
    for name, n, m, _ in graphs:
        subprocess.run([sys.executable, os.path.join(HERE, "gen-graph.py"), str(n), str(m),
                        os.path.join(d, f"g{name}.weft")], check=True)

    print(f"# graphs in {d}")
    print("## layout: in-process (build graph, lay out, copy geometry) vs the command line (-Tplain)")
    for name, n, m, engine in graphs:
        weft_file = os.path.join(d, f"g{name}.weft")
        dot_file = os.path.join(d, f"g{name}.dot")
        runs = 1 if name in ("1k", "10k") else RUNS
        nodes_file = os.path.join(d, f"g{name}.nodes")
        plain_file = os.path.join(d, f"g{name}.plain")
        out = subprocess.run([BENCH_LAYOUT, weft_file, engine, dot_file, str(runs), nodes_file],
                             check=True, capture_output=True, text=True).stdout
        inproc, inproc_cpu = float(out.split()[1]), float(out.split()[2])
        fit_cpu = float(out.split()[5])
        cli, cli_cpu = best_of([engine, "-Tplain", dot_file, "-o", plain_file], runs)
        print(f"{n:>6} entities {m:>6} relations {engine:5}: CPU in-process {inproc_cpu:8.3f} s, "
              f"`{engine} -Tplain` {cli_cpu:8.3f} s, ratio {inproc_cpu / cli_cpu:.3f} "
              f"(wall {inproc:.3f} s vs {cli:.3f} s); {same_layout(nodes_file, plain_file)}; "
              f"with the view's fit to 1280x720 (+{fit_cpu:.3f} s) {(inproc_cpu + fit_cpu) / cli_cpu:.3f}")

    print("## SVG: `weft graph FILE.weft OUT.svg` (load included) vs `dot -Tsvg` on Weft's DOT export")
    for name, n, m, engine in graphs:
        if name == "1k":
            continue
        weft_file = os.path.join(d, f"g{name}.weft")
        dot_file = os.path.join(d, f"g{name}-export.dot")
        subprocess.run([WEFT, "graph", weft_file, dot_file, "--engine", engine], check=True)
        weft_t, weft_cpu = best_of([WEFT, "graph", weft_file, os.path.join(d, "w.svg"), "--engine", engine])
        dot_t, dot_cpu = best_of(["dot", "-Tsvg", dot_file, "-o", os.path.join(d, "d.svg")])
        print(f"{n:>6} entities {engine:5}: CPU weft graph {weft_cpu:8.3f} s, dot -Tsvg {dot_cpu:8.3f} s, "
              f"ratio {weft_cpu / dot_cpu:.3f} (wall {weft_t:.3f} s vs {dot_t:.3f} s)")

    if os.path.exists(BENCH_DRAW):
        print("## drawing 10k entities / 20k relations at 1920x1080, cairo renderer (CPU ms per frame)")
        env = dict(os.environ, GDK_BACKEND="x11", GSK_RENDERER="cairo", GTK_A11Y="none")
        cmd = [BENCH_DRAW, os.path.join(d, "g10k.weft"), "sfdp"]
        if "DISPLAY" not in os.environ:
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24"] + cmd
        subprocess.run(cmd, check=True, env=env)


main()
