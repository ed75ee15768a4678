# weft_tap.py: what the Python checks share: cases, TAP output, running weft.
#
#   import weft_tap
#   from weft_tap import case, expect, Skip
#
#   @case
#   def test_something():          # reported as "something"
#       expect(1 + 1 == 2, "why it failed")
#
#   weft_tap.finish()              # prints the plan and the results, exits
#
# A case passes when it returns, fails on an AssertionError or any other
# exception (a crash of the check itself is a failure too), and is skipped,
# with the reason, when it raises Skip (a tool or a file it needs is not
# there). A case that takes an argument is given a temporary folder, removed
# after it. Checks that find their results otherwise report them with
# result().
#
# SPDX-License-Identifier: MIT

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("WEFT_DATADIR", os.path.join(HERE, "..", "data"))
EXAMPLE = os.path.join(DATA, "examples", "smart-cities.weft")
# Sample files others wrote, beside the repository (README.md, "Development").
CORPUS = os.environ.get("WEFT_CORPUS", os.path.join(HERE, "..", "..", "shared", "corpus"))

_results = []
_tmp = None


class Skip(Exception):
    """A tool or a file the case needs is not there (in TAP: ok # SKIP)."""


def result(ok, name, why=""):
    """Records one result; @why is printed under a failure."""
    _results.append((ok, name, why))


def case(fn):
    """Runs the case @fn at once and records its result, named after it
    without its "test_" prefix."""
    name = fn.__name__[5:] if fn.__name__.startswith("test_") else fn.__name__
    try:
        if fn.__code__.co_argcount:
            with tempfile.TemporaryDirectory(prefix="weft-tap-") as d:
                fn(d)
        else:
            fn()
        result(True, name)
    except Skip as e:
        result(True, f"{name} # SKIP {e}")
    except AssertionError as e:
        result(False, name, str(e))
    except Exception as e:  # a crash of the check itself is a failure too
        result(False, name, f"{type(e).__name__}: {e}")
    return fn


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def need(path, what="../shared/corpus"):
    """Skip the case, saying so, unless @path (a file or folder of @what)
    is there."""
    if not os.path.exists(path):
        raise Skip(f"{what} not found: {path}")


def skip_all(reason):
    """Skips the whole check: a plan of no tests, with the reason."""
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def tmp(name):
    """NAME in a temporary folder that finish() removes."""
    global _tmp
    if _tmp is None:
        _tmp = tempfile.mkdtemp(prefix="weft-tap-")
    return os.path.join(_tmp, name)


def run(argv, env=None, timeout=60):
    """Runs @argv, with @env added to the environment (values None remove a
    variable); its exit status, standard output and standard error."""
    e = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            e.pop(key, None)
        else:
            e[key] = value
    p = subprocess.run(argv, capture_output=True, text=True, env=e, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def finish():
    """Prints the plan and every result (a failure's reason as comments),
    removes the temporary folder, and exits 0 when nothing failed (a check
    that ran no case fails: it could not have failed)."""
    if not _results:
        sys.exit("no case ran")
    print(f"1..{len(_results)}")
    for i, (ok, name, why) in enumerate(_results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            for line in why.splitlines():
                print(f"# {line}")
    if _tmp is not None:
        shutil.rmtree(_tmp, ignore_errors=True)
    sys.exit(0 if all(ok for ok, _, _ in _results) else 1)
