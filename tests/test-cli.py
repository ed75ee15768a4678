#!/usr/bin/env python3
# test-cli.py: the weft command line, run as a user would.
#
# Usage: test-cli.py WEFT
# SPDX-License-Identifier: MIT
"""Runs the weft binary on the bundled example and on broken files and
checks its output and exit statuses. Prints TAP."""

import os
import re
import sys
import tempfile

import weft_tap
from weft_tap import EXAMPLE, case, expect

WEFT = sys.argv[1]


def run(*args, env=None):
    return weft_tap.run([WEFT, *args], env=env, timeout=120)


@case
def test_help():
    code, out, err = run("--help")
    expect(code == 0, f"exit {code}")
    for word in ("validate", "stats", "path", "search", "slides", "Usage:"):
        expect(word in out, f"{word!r} missing from --help:\n{out}")


@case
def test_version():
    code, out, _ = run("--version")
    expect(code == 0 and re.fullmatch(r"weft \d+\.\d+\.\d+\n", out), out)


@case
def test_mistyped_command():
    # A bare word that names no file is a command gone wrong, said on the
    # terminal (exit 2), not a window opening on a missing file.
    for word, meant in (("valdate", "validate"), ("stat", "stats"), ("grpah", "graph"), ("frobnicate", None)):
        code, out, err = run(word, EXAMPLE)
        expect(code == 2 and out == "", f"{word}: exit {code}, {out!r}")
        expect(f"unknown command “{word}”" in err and "weft --help" in err, f"{word}: {err!r}")
        if meant:
            expect(f"did you mean “{meant}”" in err, f"{word}: {err!r}")
        else:
            expect("did you mean" not in err, f"{word}: {err!r}")


@case
def test_subcommand_help():
    for sub in ("validate", "stats", "path", "search", "slides"):
        code, out, _ = run(sub, "--help")
        expect(code == 0, f"{sub} --help exit {code}")
        expect(f"weft {sub}" in out or f"{sub} " in out, out)
    code, out, _ = run("validate", "--help")
    expect("Exit status" in out, out)


@case
def test_validate_example():
    code, out, err = run("validate", EXAMPLE)
    expect(code == 0, f"exit {code}: {out}{err}")
    expect(out.strip().endswith("0 errors, 0 warnings"), out)


@case
def test_validate_errors_exit_1():
    with tempfile.TemporaryDirectory() as d:
        bad = os.path.join(d, "bad.weft")
        with open(bad, "w") as f:
            f.write('{\n  "weft": 1,\n  "title": "x",\n  "entities": [\n'
                    '    {"id": "a", "name": "A", "kind": "corp"}\n  ],\n'
                    '  "events": [{"id": "v", "title": "T", "date": "2020-13", "participants": [{"entity": "zz"}]}]\n}\n')
        code, out, _ = run("validate", bad)
        expect(code == 1, f"exit {code}: {out}")
        lines = out.splitlines()
        expect(lines[0].startswith(f"{bad}:5:38: error: entities[0].kind: unknown kind “corp”"), out)
        expect(any(l.startswith(f"{bad}:7:54: error: events[0].date:") for l in lines), out)
        expect(any(l.startswith(f"{bad}:7:87: error: events[0].participants[0].entity:") for l in lines), out)
        expect(lines[-1] == f"{bad}: 3 errors, 0 warnings", out)


@case
def test_validate_warnings_exit_0():
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "w.weft")
        with open(f, "w") as fh:
            fh.write('{"weft": 1, "title": "x", "extra_thing": true}')
        code, out, _ = run("validate", f)
        expect(code == 0, f"exit {code}: {out}")
        expect(":1:42: warning: extra_thing: unknown member" in out, out)


@case
def test_validate_unsourced_claim():
    # A claim that cites nothing is valid, with a warning where its
    # citations are.
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "u.weft")
        with open(f, "w") as fh:
            fh.write('{"weft": 1, "title": "x", "entities": [{"id": "a", "name": "A", "kind": "person"}],\n'
                     ' "claims": [{"id": "k", "text": "t", "status": "reported", "about": ["a"],\n'
                     '   "citations": []}]}')
        code, out, _ = run("validate", f)
        expect(code == 0, f"exit {code}: {out}")
        expect(":3:17: warning: claims[0].citations: the claim cites no source" in out, out)
        expect("0 errors, 1 warning" in out, out)


@case
def test_validate_unreadable_exit_2():
    code, out, err = run("validate", "/nonexistent/x.weft")
    expect(code == 2, f"exit {code}")
    expect("/nonexistent/x.weft" in err, err)
    code, _, _ = run("validate")
    expect(code == 2, "no file should be a usage error")
    code, _, _ = run("validate", "--bogus", EXAMPLE)
    expect(code == 2, "unknown option should be a usage error")


@case
def test_validate_syntax_error():
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "s.weft")
        with open(f, "w") as fh:
            fh.write('{"weft": 1,\n "title": "x",,\n}')
        code, out, _ = run("validate", f)
        expect(code == 1, f"exit {code}")
        expect(out.startswith(f"{f}:2:15: error: "), out)


@case
def test_validate_not_utf8_and_empty():
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "latin1.weft")
        with open(f, "wb") as fh:
            fh.write(b'{"weft": 1, "title": "Caf\xe9"}')
        code, out, _ = run("validate", f)
        expect(code == 1 and f"{f}:1:26: error: invalid UTF-8" in out, out)
        e = os.path.join(d, "empty.weft")
        open(e, "w").close()
        code, out, _ = run("validate", e)
        expect(code == 1 and f"{e}:1:1: error: the file is empty" in out, out)


@case
def test_stats():
    code, out, err = run("stats", EXAMPLE)
    expect(code == 0, f"exit {code}: {err}")
    values = dict(line.split(": ", 1) for line in out.splitlines())
    keys = list(values)
    expect(keys[1:7] == ["entities", "events", "claims", "sources", "relations", "eras"], keys)
    expect(int(values["claims"]) >= 40 and int(values["events"]) >= 15 and int(values["relations"]) >= 30, out)
    expect(values["first-date"].startswith("2000-"), out)
    expect("kind.company" in values and "status.reported" in values, out)
    total_kinds = sum(int(v) for k, v in values.items() if k.startswith("kind."))
    expect(total_kinds == int(values["entities"]), out)
    total_status = sum(int(v) for k, v in values.items() if k.startswith("status."))
    expect(total_status == int(values["claims"]), out)


@case
def test_path():
    code, out, err = run("path", EXAMPLE, "ent-ibm", "ent-huawei")
    expect(code == 0, f"exit {code}: {out}{err}")
    lines = out.splitlines()
    m = re.match(r"IBM to Huawei: (\d+) hops?", lines[0])
    expect(m, out)
    hops = int(m.group(1))
    numbered = [l for l in lines if re.match(r"\d+\. ", l)]
    expect(len(numbered) == hops, out)
    expect("“" in out, "no quote in the evidence:\n" + out)
    # By name, case-insensitive, works too.
    code2, out2, _ = run("path", EXAMPLE, "ibm", "HUAWEI")
    expect(code2 == 0 and out2 == out, out2)


@case
def test_path_errors():
    code, _, err = run("path", EXAMPLE, "ent-ibm", "nobody-at-all")
    expect(code == 2 and "nobody-at-all" in err, err)
    code, _, _ = run("path", EXAMPLE, "ent-ibm")
    expect(code == 2, "missing argument")


def write(folder, name, text):
    """@text in the file @name of @folder; its path."""
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


@case
def test_path_options():
    # Hikvision to the CCP: directly alleged. Through no place; only
    # reported or confirmed links; relations only.
    def hops(*options):
        code, out, err = run("path", EXAMPLE, "Hikvision", "ent-ccp", *options)
        expect(code in (0, 1), f"{options}: exit {code}: {err}")
        if code == 1:
            expect("not connected" in out, out)
            return None, out
        return int(re.match(r".* (\d+) hops?", out.splitlines()[0]).group(1)), out

    direct, out = hops()
    expect(direct == 1 and "[Alleged]" in out, out)
    n, out = hops("--statuses", "confirmed,reported")
    expect(n == 3 and "[Reported]" in out and "[Alleged]" not in out, out)
    # The longer way runs through technology: without it, nothing is left.
    n, out = hops("--exclude-kinds", "place,technology,group", "--statuses", "reported")
    expect(n is None, out)
    n, out = hops("--relations-only")
    expect(n == 1 and "named in the same claim" not in out and "both take part" not in out, out)
    # Unknown names are usage errors that say which.
    for args, fragment in ((("--exclude-kinds", "place,concept"), "concept"), (("--statuses", "true"), "true")):
        code, _, err = run("path", EXAMPLE, "Hikvision", "ent-ccp", *args)
        expect(code == 2 and fragment in err, f"{args}: exit {code}: {err}")


@case
def test_path_not_connected(d):
    f = write(d, "islands.weft", '{"weft": 1, "title": "x", "entities": ['
              '{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}]}')
    code, out, _ = run("path", f, "a", "b")
    expect(code == 1 and "not connected" in out, out)


SEARCH_LINE = re.compile(r"(entity|event|claim|citation|relation|source|era) \S+: .+")


def search(*args):
    code, out, err = run("search", *args)
    for line in out.splitlines():
        expect(SEARCH_LINE.fullmatch(line), f"not “TYPE ID: text”: {line!r}")
    return code, out, err


@case
def test_search():
    # An event by a word of its title; claims by their text; a quote, as
    # its claim's id; one line each.
    code, out, err = search(EXAMPLE, "genocide")
    expect(code == 0 and err == "", f"exit {code}: {out}{err}")
    lines = out.splitlines()
    expect("event ev-uyghur-genocide-designation: Trump administration designates the persecution of "
           "Uyghurs a genocide" in lines, out)
    expect(any(l.startswith("claim cl-uyghur-genocide: ") for l in lines), out)
    expect(any(l.startswith("citation cl-uyghur-genocide: ") for l in lines), out)
    # Grouped: entities, events, claims, quotes, relations, sources, eras.
    kinds = [l.split(" ", 1)[0] for l in lines]
    order = ["entity", "event", "claim", "citation", "relation", "source", "era"]
    expect(kinds == sorted(kinds, key=order.index), kinds)
    # A quote alone.
    code, out, _ = search(EXAMPLE, "who coined it as a marketing")
    expect(code == 0 and out == "citation cl-ibm-coined-term: in 2008 it was IBM who coined it as a "
           "marketing initiative\n", out)
    # Case does not matter.
    code, upper, _ = search(EXAMPLE, "Huawei")
    code2, lower, _ = search(EXAMPLE, "huawei")
    expect(code == code2 == 0 and upper == lower and "entity ent-huawei: Huawei\n" in upper, upper)


@case
def test_search_accents_and_exit_statuses(d):
    f = write(d, "peru.weft", '{"weft": 1, "title": "x", "entities": [{"id": "pe", "name": "Perú", "kind": "place"},'
              ' {"id": "lima", "name": "Lima", "kind": "place", "aliases": ["Ciudad de los Reyes"]}]}')
    code, out, _ = search(f, "peru")
    expect(code == 0 and out == "entity pe: Perú\n", out)
    code, out, _ = search(f, "  REYES ")
    expect(code == 0 and out == "entity lima: Ciudad de los Reyes\n", out)
    # Nothing found: exit 1, nothing printed.
    code, out, err = search(f, "zzz")
    expect(code == 1 and out == "" and err == "", f"exit {code}: {out}{err}")
    # Usage and unreadable files: 2.
    code, out, err = search(f)
    expect(code == 2 and out == "" and "weft search" in err, err)
    code, out, err = search(f, " ")
    expect(code == 2 and out == "", err)
    code, out, err = search(os.path.join(d, "missing.weft"), "a")
    expect(code == 2 and out == "" and "missing.weft" in err, err)
    code, out, _ = run("search", "--help")
    expect(code == 0 and "Exit status" in out and "citation" in out, out)


@case
def test_search_imported_file():
    corpus = os.path.join(weft_tap.CORPUS, "timelinejs", "women_in_computing.json")
    weft_tap.need(corpus)
    code, out, err = search(corpus, "ada")
    expect(code == 0 and out.startswith("event "), f"exit {code}: {out}{err}")


def inert(text):
    """No character of the output would act in a terminal."""
    for ch in text:
        o = ord(ch)
        if ch != "\n" and (o < 0x20 or 0x7f <= o < 0xa0 or o in (0x202e, 0x200b)):
            return False
    return True


@case
def test_terminal_escapes_are_shown_not_sent():
    # Names, titles, quotes, ids and member names with ESC sequences (set
    # the window title, clear the screen), a C1 CSI and a right-to-left
    # override: every subcommand prints them escaped.
    esc = "\\u001b"
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "hostile.weft")
        with open(f, "w") as fh:
            fh.write('{"weft": 1, "title": "T' + esc + ']0;owned\\u0007",'
                     ' "x' + esc + '[2J": 1,'
                     ' "sources": [{"id": "s", "title": "S' + esc + '[31m", "kind": "report"}],'
                     ' "entities": [{"id": "a", "name": "A' + esc + '[1m", "kind": "person"},'
                     ' {"id": "b", "name": "B\\u202e\\u009b2J", "kind": "person"}],'
                     ' "claims": [{"id": "c", "text": "C' + esc + '[5m", "status": "reported", "about": ["a", "b"],'
                     ' "citations": [{"source": "s", "quote": "Q' + esc + '[8m"}]}],'
                     ' "relations": [{"id": "r", "from": "a", "to": "b", "type": "t' + esc + '[7m", "claims": ["c"]}]}')
        code, out, err = run("validate", f)
        expect(code == 0, f"exit {code}: {out}{err}")
        expect(inert(out + err) and "x\\u{001B}[2J" in out, repr(out))
        code, out, err = run("stats", f)
        expect(code == 0 and inert(out + err), repr(out))
        expect("title: T\\u{001B}]0;owned\\u{0007}\n" in out, repr(out))
        code, out, err = run("path", f, "a", "b")
        expect(code == 0 and inert(out + err), repr(out))
        code, out2, err = run("search", f, "[")
        expect(code == 0 and inert(out2 + err), repr(out2))
        for shown in ("entity a: A\\u{001B}[1m", "relation r: t\\u{001B}[7m", "citation c: Q\\u{001B}[8m"):
            expect(shown in out2, f"{shown} not in {out2!r}")
        for shown in ("A\\u{001B}[1m", "B\\u{202E}\\u{009B}2J", "t\\u{001B}[7m", "C\\u{001B}[5m",
                      "Q\\u{001B}[8m", "S\\u{001B}[31m"):
            expect(shown in out, f"{shown} not in {out!r}")
        # A file with errors: the diagnostics quote the values escaped.
        with open(f, "w") as fh:
            fh.write('{"weft": 1, "title": "x", "entities": [{"id": "a' + esc + '[2J", "name": "A", "kind": "k' + esc + '[1m"}]}')
        code, out, err = run("validate", f)
        expect(code == 1 and inert(out + err), repr(out))
        expect("unknown kind “k\\u{001B}[1m”" in out, repr(out))
        # File names may hold escapes too: a file that cannot be read, and
        # one with problems.
        named = os.path.join(d, "x\x1b]0;owned\x07.weft")
        code, out, err = run("stats", named)
        expect(code == 2 and inert(out + err) and "x\\u{001B}]0;owned\\u{0007}.weft" in err, repr(err))
        code, out, err = run("validate", named)
        expect(code == 2 and inert(out + err), repr(err))
        os.rename(f, named)
        code, out, err = run("validate", named)
        expect(code == 1 and inert(out + err) and "x\\u{001B}]0;owned\\u{0007}.weft:1:" in out, repr(out))


weft_tap.finish()
