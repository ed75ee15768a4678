#!/usr/bin/env python3
# test-convert.py: weft convert, run as a user would.
#
# Usage: test-convert.py WEFT
#
# Uses the TimelineJS3 example timelines (Knight Lab, Northwestern
# University; Mozilla Public License 2.0) from ../shared/corpus/timelinejs
# (without it, the cases that read them skip); the spreadsheets are counted
# here with python's csv module.
#
# SPDX-License-Identifier: MIT
"""Prints TAP."""

import csv
import json
import os
import shutil
import sys

import weft_tap
from weft_tap import CORPUS, EXAMPLE, HERE, case, expect, need, tmp

WEFT = sys.argv[1]
TIMELINES = os.path.join(CORPUS, "timelinejs")
FIXTURE = os.path.join(HERE, "data", "ftm", "all-schemas.ftm")


def run(*args):
    return weft_tap.run([WEFT, *args])


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@case
def test_help():
    code, out, _ = run("--help")
    expect(code == 0 and "convert IN OUT" in out, out)
    code, out, _ = run("convert", "--help")
    expect(code == 0, f"exit {code}")
    for word in ("--from", "--to", "--strict", "--focus", "--hops", "timelinejs-csv", "graphml", "gexf", "Exit status"):
        expect(word in out, f"{word!r} missing from convert --help:\n{out}")


@case
def test_timelinejs_corpus():
    need(TIMELINES)
    for name in sorted(os.listdir(TIMELINES)):
        if not name.endswith(".json"):
            continue
        out = tmp(name + ".weft")
        code, _, err = run("convert", os.path.join(TIMELINES, name), out)
        expect(code == 0, f"{name}: exit {code}\n{err}")
        source = load(os.path.join(TIMELINES, name))
        weft = load(out)
        slides = source["timeline"]["date"] if "timeline" in source else source["events"]
        expect(len(weft["events"]) == len(slides), f"{name}: {len(weft['events'])} events, not {len(slides)}")


@case
def test_spreadsheets():
    need(TIMELINES)
    for name in ("my-own-timeline.csv", "women_in_computing.csv"):
        path = os.path.join(TIMELINES, name)
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        kinds = [(r.get("Type") or "").strip().lower() for r in rows]
        n_events = sum(1 for k in kinds if k not in ("title", "era"))
        n_eras = kinds.count("era")
        groups = {r["Group"] for r, k in zip(rows, kinds) if k not in ("title", "era") and r.get("Group")}
        title = next(r["Headline"] for r, k in zip(rows, kinds) if k == "title")

        out = tmp(name + ".weft")
        code, _, err = run("convert", path, out)
        expect(code == 0, f"{name}: exit {code}\n{err}")
        weft = load(out)
        expect(len(weft["events"]) == n_events, f"{name}: {len(weft['events'])} events, not {n_events}")
        expect(len(weft["eras"]) == n_eras, f"{name}: eras")
        expect({e["group"] for e in weft["events"] if "group" in e} == groups, f"{name}: groups")
        expect(weft["title"] == title, f"{name}: title {weft['title']!r}")
        # Read back from the same name, as the spreadsheet template again.
        again = tmp(name)
        code, _, err = run("convert", out, again, "--to", "timelinejs-csv")
        expect(code == 0, err)
        with open(again, newline="", encoding="utf-8") as f:
            back = list(csv.DictReader(f))
        expect(sum(1 for r in back if r["Type"] not in ("title", "era")) == n_events, "template written back")


def same_items(a, b, sections):
    for section in sections:
        x = {i["id"]: i for i in a[section]}
        y = {i["id"]: i for i in b[section]}
        expect(x == y, f"{section} differ: {[k for k in x if x.get(k) != y.get(k)][:5]}")


@case
def test_round_trips():
    for fmt, ext in (("timelinejs", "json"), ("ftm", "ftm")):
        middle = tmp(f"example.{ext}")
        back = tmp(f"example-from-{fmt}.weft")
        code, _, err = run("convert", EXAMPLE, middle)
        expect(code == 0, f"to {fmt}: {err}")
        code, _, err = run("convert", middle, back)
        expect(code == 0, f"from {fmt}: {err}")
        same_items(load(EXAMPLE), load(back), ("events", "relations", "claims", "sources", "entities", "eras"))


@case
def test_content_not_name():
    # An FtM file called .txt, a TimelineJS file called .weft.
    shutil.copy(FIXTURE, tmp("entities.txt"))
    code, _, err = run("convert", tmp("entities.txt"), tmp("entities.weft"))
    expect(code == 0, err)
    expect("FollowTheMoney" in err, err)
    if os.path.isdir(TIMELINES):
        shutil.copy(os.path.join(TIMELINES, "eras.json"), tmp("eras.weft"))
        code, _, err = run("convert", tmp("eras.weft"), tmp("eras-out.weft"))
        expect(code == 0 and "TimelineJS" in err, err)


BAD = (
    '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
    '{"id": "b", "schema": "Person", "properties": {"name": ["B"]}\n'
    '{"id": "c", "schema": "Person", "properties": {"name": ["C"]}}\n'
)


@case
def test_malformed_lines():
    path = tmp("bad.ftm")
    with open(path, "w") as f:
        f.write(BAD)
    out = tmp("bad.weft")
    code, _, err = run("convert", path, out)
    expect(code == 1, f"exit {code}: {err}")
    expect(f"{path}:2:62: error:" in err, err)
    expect("3 records read, 1 left out" in err, err)
    expect(os.path.exists(out), "OUT should be written without --strict")
    expect([e["id"] for e in load(out)["entities"]] == ["a", "c"], "a and c are read")


@case
def test_strict():
    path = tmp("bad2.ftm")
    with open(path, "w") as f:
        f.write(BAD)
    out = tmp("strict.weft")
    code, _, err = run("convert", "--strict", path, out)
    expect(code == 1, f"exit {code}: {err}")
    expect(not os.path.exists(out), "nothing is written with --strict")
    code, _, err = run("convert", "--strict", FIXTURE, out)
    expect(code == 1 and "strict" in err, "a warning is fatal with --strict")


@case
def test_stdout_and_check():
    code, out, err = run("convert", FIXTURE, "-", "--to", "dot", "-q")
    expect(code == 0 and out.startswith("digraph "), err)
    expect(err == "", f"quiet: {err}")
    code, _, err = run("convert", FIXTURE, "-")
    expect(code == 2 and "--to" in err, err)
    code, out, err = run("convert", "--check", FIXTURE)
    expect(code == 0 and "68 records read, 0 left out" in err, err)
    code, _, _ = run("convert", "--check", FIXTURE, tmp("x.weft"))
    expect(code == 2, "--check takes IN only")


@case
def test_csv_outputs():
    code, _, err = run("convert", EXAMPLE, tmp("tables"), "--to", "csv")
    expect(code == 0, err)
    expected = {"entities", "events", "claims", "citations", "sources", "relations", "eras"}
    expect({n[:-4] for n in os.listdir(tmp("tables"))} == expected, os.listdir(tmp("tables")))
    code, _, err = run("convert", EXAMPLE, tmp("out.csv"))
    expect(code == 0, err)
    expect(os.path.exists(tmp("out-relations.csv")) and not os.path.exists(tmp("out.csv")), os.listdir(tmp("")))
    with open(tmp("out-entities.csv"), "rb") as f:
        raw = f.read()
    expect(not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw, "UTF-8 without BOM, CRLF")
    with open(tmp("out-entities.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expect(len(rows) == len(load(EXAMPLE)["entities"]), "one row per entity")
    code, _, err = run("convert", EXAMPLE, "-", "--to", "csv")
    expect(code == 2, err)


@case
def test_graph_outputs():
    for ext in ("graphml", "gexf", "gv"):
        out = tmp(f"example.{ext}")
        code, _, err = run("convert", EXAMPLE, out)
        expect(code == 0, err)
        with open(out, encoding="utf-8") as f:
            text = f.read()
        expect("Huawei" in text, ext)


@case
def test_focus():
    out = tmp("focus.weft")
    code, _, err = run("convert", FIXTURE, out, "--focus", "p-ada", "--hops", "1")
    expect(code == 0, err)
    ids = {e["id"] for e in load(out)["entities"]}
    expect("p-ada" in ids and "p-charles" in ids and "c-acme" in ids, ids)
    expect("le-x" not in ids, f"le-x is two links away: {ids}")
    expect("passes over the file" in err and "outside the focus" in err, err)
    code, _, err = run("convert", FIXTURE, out, "--focus", "nobody")
    expect(code == 2 and "nobody" in err, err)
    code, _, err = run("convert", FIXTURE, out, "--hops", "2")
    expect(code == 2, err)
    if os.path.isdir(TIMELINES):
        code, _, err = run("convert", os.path.join(TIMELINES, "eras.json"), out, "--focus", "x")
        expect(code == 2 and "FollowTheMoney" in err, err)


@case
def test_usage_errors():
    code, _, err = run("convert", EXAMPLE)
    expect(code == 2, err)
    code, _, err = run("convert", "--from", "pdf", EXAMPLE, tmp("x.weft"))
    expect(code == 2 and "pdf" in err, err)
    code, _, err = run("convert", "--from", "gexf", EXAMPLE, tmp("x.weft"))
    expect(code == 2, err)
    code, _, err = run("convert", "/nonexistent/in.ftm", tmp("x.weft"))
    expect(code == 2 and "/nonexistent/in.ftm" in err, err)
    code, _, err = run("convert", EXAMPLE, "/nonexistent/dir/out.ftm")
    expect(code == 2, err)
    code, _, err = run("convert", EXAMPLE, tmp("out.unknown"))
    expect(code == 2 and "--to" in err, err)


@case
def test_story():
    # --story: the story's title on the title slide, then its steps in its
    # order; an undated step takes the start of the one before (TimelineJS
    # sorts by date, keeping ties in order) and says so. The interop test
    # checks what TimelineJS shows.
    views = os.path.join(HERE, "data", "views.weft")
    story = load(views)["stories"][0]
    out = tmp("story.json")
    code, _, err = run("convert", views, out, "--story", story["id"])
    expect(code == 0, f"exit {code}: {err}")
    expect("1 step of “story-smart-cities” is undated" in err, err)
    data = load(out)
    expect(data["title"]["text"]["headline"] == story["title"], data["title"])
    slides = data["events"]
    expect([s["unique_id"] for s in slides] == [f"{story['id']}-{i + 1}" for i in range(len(story["steps"]))],
           [s["unique_id"] for s in slides])
    for slide, step in zip(slides, story["steps"]):
        expect(step["note"] in slide["text"]["text"], f"{step['note']} not in {slide['text']}")
    expect(slides[3]["start_date"] == slides[2]["start_date"] and slides[3]["display_date"] == "Undated",
           slides[3])
    expect(slides[1]["start_date"] == {"year": "2015"} and "view-huawei" not in json.dumps(slides[1]["text"]),
           slides[1])
    # To standard output too; the errors say what is wrong.
    code, stdout, _ = run("convert", "-q", views, "-", "--to", "timelinejs", "--story", story["id"])
    expect(code == 0 and json.loads(stdout) == data, f"exit {code}")
    code, _, err = run("convert", views, tmp("s.json"), "--story", "nope")
    expect(code == 2 and "no story “nope”; its stories: story-smart-cities" in err, err)
    code, _, err = run("convert", views, tmp("s.ftm"), "--story", story["id"])
    expect(code == 2 and "--story writes TimelineJS" in err, err)


weft_tap.finish()
