#!/usr/bin/env python3
# check-valgrind.py: the command-line subcommands lose no memory, on the
# example and on broken and hostile files.
#
# Usage: check-valgrind.py GROUP VALGRIND WEFT SUPPRESSIONS EXAMPLE PATH…
# GROUP is example, broken, limits or corpus (so that meson runs them side by side);
# PATHs are more files, or folders of them, to validate for corpus.
# SPDX-License-Identifier: MIT
"""Runs each subcommand under valgrind --leak-check=full and fails on a
definite or indirect leak or any memory error. valgrind's own exit code for
those is 97 here, not 1, so that weft's exit statuses (1 = problems found,
2 = cannot read) are still checked. Prints TAP."""

import os
import subprocess
import sys
import tempfile

import weft_tap
from weft_tap import result

GROUP, VALGRIND, WEFT, SUPP, EXAMPLE = sys.argv[1:6]
MORE = []
for path in sys.argv[6:]:
    if os.path.isdir(path):
        MORE += sorted(os.path.join(path, n) for n in os.listdir(path)
                       if not n.startswith(".") and os.path.isfile(os.path.join(path, n)))
    else:
        MORE.append(path)
VALGRIND_ERROR = 97


def run(name, args, expected, env=None):
    if not name.startswith(GROUP + ":"):
        return
    e = dict(os.environ)
    # GLib 2.74 still has GSlice: plain malloc lets valgrind see every block.
    e.update({"G_SLICE": "always-malloc", "G_DEBUG": "gc-friendly"})
    if env:
        e.update(env)
    cmd = [VALGRIND, "-q", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
           "--show-leak-kinds=definite,indirect", f"--error-exitcode={VALGRIND_ERROR}",
           f"--suppressions={SUPP}", "--gen-suppressions=all", "--num-callers=30",
           WEFT, *args]
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", env=e, timeout=300)
    ok = p.returncode == expected
    why = ""
    if p.returncode == VALGRIND_ERROR:
        why = "valgrind found a leak or a memory error"
    elif not ok:
        why = f"weft exited {p.returncode}, expected {expected}"
    result(ok, name, why + ("\n" + p.stderr[-6000:] if not ok else ""))


with tempfile.TemporaryDirectory() as d:
    def write(name, text):
        path = os.path.join(d, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    syntax = write("syntax.weft", '{"weft": 1,\n "title": "x",,\n}')
    invalid = write("invalid.weft",
                    '{"weft": 1, "title": "x", "extra": [1, {"a": null}],\n'
                    ' "entities": [{"id": "a", "name": "A", "kind": "corp"}, "oops", {"id": "a"}],\n'
                    ' "events": [{"id": "v", "title": "T", "date": "2020-13", "participants": [{"entity": "zz"}, 4]}],\n'
                    ' "claims": [{"id": "c", "text": "t", "status": "said", "about": ["nobody"],'
                    ' "citations": [{"source": "a", "quote": 5}]}],\n'
                    ' "relations": [{"id": "r", "from": "a", "to": "v", "type": 1}]}\n')
    hostile = write("hostile.weft",
                    '{"weft": 1, "title": "T\\u001b]0;x\\u0007", "x\\u001b[2J": 1,'
                    ' "entities": [{"id": "a", "name": "A\\u202e", "kind": "person"},'
                    ' {"id": "b", "name": "B\\u001b[1m", "kind": "person"}]}')
    islands = write("islands.weft",
                    '{"weft": 1, "title": "x", "entities": [{"id": "a", "name": "A", "kind": "person"},'
                    ' {"id": "b", "name": "B", "kind": "person"}]}')
    newer = write("newer.weft", '{"weft": 9, "title": "x"}')
    empty = write("empty.weft", "")

    run("example:validate", ["validate", EXAMPLE], 0)
    run("example:stats", ["stats", EXAMPLE], 0)
    run("example:path", ["path", EXAMPLE, "ent-ibm", "ent-huawei"], 0)
    run("example:path-unknown-entity", ["path", EXAMPLE, "ent-ibm", "nobody"], 2)
    run("example:search", ["search", EXAMPLE, "Perú camera"], 1)
    run("example:search-quotes", ["search", EXAMPLE, "camera"], 0)
    run("broken:validate", ["validate", syntax, invalid, hostile, newer, empty], 1)
    run("corpus:validate", ["validate", "--quiet", *MORE], 1)
    run("broken:stats", ["stats", invalid], 2)
    run("broken:path", ["path", syntax, "a", "b"], 2)
    run("broken:path-not-connected", ["path", islands, "a", "b"], 1)
    run("broken:search", ["search", syntax, "a"], 2)
    run("limits:stats-hostile", ["stats", hostile], 0)
    run("limits:search-hostile", ["search", hostile, "\u202e"], 0)
    run("limits:validate-missing", ["validate", os.path.join(d, "missing.weft")], 2)
    run("limits:validate-over-limit", ["validate", EXAMPLE], 2, env={"WEFT_MAX_FILE_SIZE": "1000"})
    run("limits:validate-too-deep", ["validate", write("deep.weft", "[" * 100 + "]" * 100)], 1)
    run("limits:usage", ["validate", "--bogus"], 2)

weft_tap.finish()
