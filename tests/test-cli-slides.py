#!/usr/bin/env python3
# test-cli-slides.py: weft slides FILE OUT.pdf, run as a user would.
#
# Usage: test-cli-slides.py WEFT
# SPDX-License-Identifier: MIT
"""Writes the bundled example's slides and reads them back with
poppler-utils (pdfinfo, pdftotext), as tests/test-print.c does: a page a
slide, in date order, each card's text in reading order (step, date in
words, title), fonts large enough for a classroom, and clear errors.
Prints TAP."""

import json
import re
import shutil
import sys

import weft_tap
from weft_tap import EXAMPLE, Skip, case, expect

WEFT = sys.argv[1]


def run(*args):
    return weft_tap.run([WEFT, *args], timeout=120)


def tool(name):
    path = shutil.which(name)
    if path is None:
        # poppler-utils is a test dependency (build-aux/deps.sh).
        raise AssertionError(f"{name} is missing: install poppler-utils")
    return path


def slides(out, *options):
    code, stdout, stderr = run("slides", EXAMPLE, out, *options)
    expect(code == 0 and stdout == "" and stderr == "", f"exit {code}: {stdout}{stderr}")
    return out


def pages_and_size(pdf):
    code, out, _ = weft_tap.run([tool("pdfinfo"), pdf])
    expect(code == 0, out)
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return pages, float(m.group(1)), float(m.group(2))


def page_text(pdf, page):
    """A page's text, every run of white space one space."""
    code, out, _ = weft_tap.run([tool("pdftotext"), "-enc", "UTF-8", "-f", str(page), "-l", str(page), pdf, "-"])
    expect(code == 0, out)
    return " ".join(out.split())


def page_words(pdf, page):
    """(text, height in pixels at 96 dpi) of every word of a page."""
    code, out, _ = weft_tap.run([tool("pdftotext"), "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page), pdf, "-"])
    expect(code == 0, out)
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        words.append((m.group(5), (float(m.group(4)) - float(m.group(2))) * 96 / 72))
    return words


def line_ratio(pdf):
    """The tallest font's height (ascent - descent) per pixel of size: a
    word's box in pdftotext is that tall, so a box's height over it is a
    lower bound of the word's font size."""
    with open(pdf, "rb") as f:
        data = f.read()
    ascents = [int(a) for a in re.findall(rb"/Ascent (-?\d+)", data)]
    descents = [int(d) for d in re.findall(rb"/Descent (-?\d+)", data)]
    expect(ascents and len(ascents) == len(descents), "no font descriptors")
    return max(a - d for a, d in zip(ascents, descents)) / 1000


def first_day(edtf):
    """The first day an example date starts (its known end's for an open
    start), as (year, month, day): enough EDTF for the example."""
    start, _, end = edtf.partition("/")
    if start in ("", ".."):
        start = end
    parts = re.sub(r"[~?%]", "", start).split("-")
    return tuple(int(p) for p in parts) + (1,) * (3 - len(parts))


def example_order():
    """The slides' order by its rule: the first day, ties by title."""
    with open(EXAMPLE, encoding="utf-8") as f:
        events = json.load(f)["events"]
    return sorted(events, key=lambda e: (first_day(e["date"]), e["title"].casefold(), e["id"]))


@case
def test_pages_in_date_order(d):
    pdf = slides(f"{d}/slides.pdf")
    order = example_order()
    pages, width, height = pages_and_size(pdf)
    expect(pages == len(order) == 16, f"{pages} pages")
    expect((width, height) == (1440, 810), f"{width} x {height} pt")
    # The open starts among the dated ones, by their known end, not first.
    ids = [e["id"] for e in order]
    expect(ids.index("ev-data-storage-discovered") == 13 and ids.index("ev-800-billion-allocation") == 15, ids)
    for i, event in enumerate(order, 1):
        text = page_text(pdf, i)
        step = text.find(f"{i} of 16")
        title = text.find(event["title"], max(step, 0))
        expect(step >= 0 and title > step, f"page {i}: no “{i} of 16” then “{event['title']}” in {text!r}")
        if event["id"] == "ev-ibm-coins-smart-city":
            date = text.find("sometime in 2008", step)
            expect(step < date < title, f"page {i}: {text!r}")
        if event["id"] == "ev-data-storage-discovered":
            date = text.find("until 20 January 2021", step)
            expect(step < date < title, f"page {i}: {text!r}")
        # No jargon on the card.
        for word in ("precision", "open start", "(uncertain)"):
            expect(word not in text, f"page {i}: {word!r} in {text!r}")


@case
def test_fonts_for_a_classroom(d):
    """At 1920 x 1080 the card's title is at least 28 px, its other text
    and the timeline's at least 20 (19.8 for the timeline's axis)."""
    pdf = slides(f"{d}/slides.pdf")
    ratio = line_ratio(pdf)
    order = example_order()
    for i, event in enumerate(order, 1):
        words = page_words(pdf, i)
        sizes = {}
        for text, h in words:
            sizes.setdefault(text, []).append(h / ratio)
        largest = max(h / ratio for _, h in words)
        smallest = min(h / ratio for _, h in words)
        expect(largest >= 28, f"page {i}: the largest text is {largest:.1f} px")
        expect(smallest >= 19.5, f"page {i}: text of {smallest:.1f} px")
        # The title's words are the largest on the page.
        first = event["title"].split()[0]
        expect(max(sizes[first]) >= 28, f"page {i}: “{first}” at {max(sizes[first]):.1f} px")
        # The card's step counter and the description's first words.
        expect(min(sizes["of"]) >= 19.9, f"page {i}: “of” at {min(sizes['of']):.1f} px")
        for word in event.get("description", "").split()[:3]:
            expect(max(sizes.get(word, [0])) >= 19.9, f"page {i}: “{word}” at {sizes.get(word)}")


@case
def test_size_and_dark(d):
    pdf = slides(f"{d}/small.pdf", "--width", "1280", "--height", "720", "--dark")
    pages, width, height = pages_and_size(pdf)
    expect(pages == 16 and (width, height) == (960, 540), f"{pages} pages of {width} x {height} pt")
    expect("1 of 16" in page_text(pdf, 1), page_text(pdf, 1))


@case
def test_errors(d):
    code, out, err = run("slides", EXAMPLE, f"{d}/slides.svg")
    expect(code == 2 and ".pdf" in err and out == "", err)
    code, out, err = run("slides", EXAMPLE)
    expect(code == 2 and "weft slides" in err, err)
    code, out, err = run("slides", EXAMPLE, f"{d}/s.pdf", "--width", "10")
    expect(code == 2 and "--width" in err, err)
    code, out, err = run("slides", f"{d}/missing.weft", f"{d}/s.pdf")
    expect(code == 2 and "missing.weft" in err, err)
    # A dataset without events has nothing to present.
    empty = f"{d}/empty.weft"
    with open(empty, "w") as f:
        f.write('{"weft": 1, "title": "x", "entities": [{"id": "a", "name": "A", "kind": "person"}]}')
    code, out, err = run("slides", empty, f"{d}/s.pdf")
    expect(code == 1 and "no events" in err, err)
    code, out, _ = run("slides", "--help")
    expect(code == 0 and "--width" in out and "--height" in out and "Exit status" in out, out)


@case
def test_imported_timelinejs(d):
    corpus = f"{weft_tap.CORPUS}/timelinejs/women_in_computing.json"
    weft_tap.need(corpus)
    code, out, err = run("slides", corpus, f"{d}/women.pdf")
    expect(code == 0, f"exit {code}: {out}{err}")
    pages, _, _ = pages_and_size(f"{d}/women.pdf")
    expect(pages == 10, f"{pages} pages")


weft_tap.finish()
