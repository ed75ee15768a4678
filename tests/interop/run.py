#!/usr/bin/env python3
# run.py NAME WEFT DATE_BOUNDS: runs tests/interop/NAME.mjs under node with
# the packages of package-lock.json, installed in tests/interop/node_modules
# by build-aux/test (npm ci). When node or the packages are missing it prints
# a TAP skip with the reason; with WEFT_INTEROP_REQUIRED=1 (build-aux/test in
# CI, which installed them) a missing piece is a failure instead.
#
# SPDX-License-Identifier: MIT

import json
import os
import shutil
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
name, weft, date_bounds = sys.argv[1:4]


def cannot(reason):
    if os.environ.get("WEFT_INTEROP_REQUIRED") == "1":
        print("1..1")
        print(f"not ok 1 - {reason} (WEFT_INTEROP_REQUIRED=1)")
        sys.exit(1)
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


node = shutil.which("node")
if node is None:
    cannot("node is not installed (build-aux/test installs nodejs and npm)")
version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
if int(version.lstrip("v").split(".")[0]) < 18:
    cannot(f"node {version} is too old; the tests need node 18 or newer")

with open(os.path.join(here, "package.json")) as f:
    wanted = json.load(f)["devDependencies"]
for package, pinned in wanted.items():
    manifest = os.path.join(here, "node_modules", package, "package.json")
    try:
        with open(manifest) as f:
            installed = json.load(f)["version"]
    except OSError:
        cannot(f"{package} is not installed: run npm ci in tests/interop (build-aux/test does)")
    if installed != pinned:
        cannot(f"{package} {installed} is installed, not {pinned}: run npm ci in tests/interop")

sys.stdout.flush()
os.execv(node, [node, os.path.join(here, f"{name}.mjs"), weft, date_bounds])
