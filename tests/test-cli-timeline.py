#!/usr/bin/env python3
# test-cli-timeline.py: weft timeline FILE OUT, run as a user would.
#
# Usage: test-cli-timeline.py WEFT
# SPDX-License-Identifier: MIT
"""Exports the bundled example as SVG, PNG and PDF and checks what a
reader of the file would: titles as text, the size asked for, the span
asked for, and clear errors. Prints TAP."""

import json
import os
import re
import struct
import sys
import tempfile
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import EXAMPLE, case, expect

WEFT = sys.argv[1]
WOMEN = os.path.join(weft_tap.CORPUS, "timelinejs", "women_in_computing.json")
SVG_NS = "{http://www.w3.org/2000/svg}"


def run(*args):
    return weft_tap.run([WEFT, *args])


def export(*args, suffix=".svg"):
    out = weft_tap.tmp("timeline" + suffix)
    code, stdout, stderr = run("timeline", *args[:1], out, *args[1:])
    expect(code == 0, f"exit {code}: {stdout}{stderr}")
    with open(out, "rb") as f:
        return f.read()


def svg_texts(data):
    root = ET.fromstring(data)  # also checks that the document is well-formed
    return root, ["".join(t.itertext()) for t in root.iter(SVG_NS + "text")]


def example_events():
    with open(EXAMPLE, encoding="utf-8") as f:
        return json.load(f)["events"]


@case
def test_svg_titles_are_text():
    data = export(EXAMPLE)
    root, texts = svg_texts(data)
    expect(root.get("width") == "1600px", root.attrib)
    # Glyph outlines would be <symbol>/<use> pairs; titles are <text>.
    expect(b"<symbol" not in data, "text drawn as glyph outlines")
    # All vector: no part fell back to an embedded bitmap.
    expect(b"<image" not in data, "the SVG embeds a bitmap")
    full = 0
    for event in example_events():
        title = event["title"]
        if title in texts:
            full += 1
            continue
        # Long titles may be cut with an ellipsis, never dropped.
        cut = [t for t in texts if t.endswith("…") and title.startswith(t[:-1].rstrip()) and len(t) > 15]
        expect(cut, f"title {title!r} is not in the SVG's text: {texts}")
    expect(full >= len(example_events()) // 2, f"only {full} titles in full")
    # Lanes, eras and the axis are text too.
    for word in ("Pandemic", "Origins", "Trump administration", "COVID-19 pandemic", "2008", "2021"):
        expect(word in texts, f"{word!r} not among {texts}")
    expect(any(t.startswith("Smart cities") for t in texts), texts)


@case
def test_svg_width_and_span():
    data = export(EXAMPLE, "--from", "2020", "--to", "2021-06", "--width", "1000")
    root, texts = svg_texts(data)
    expect(root.get("width") == "1000px", root.attrib)
    expect(root.get("viewBox", "").startswith("0 0 1000 "), root.attrib)
    # Months at this span, with the years above them.
    expect("Jul" in texts and "2021" in texts, texts)
    # An event of 2008 is out of the span; one of 2020-10 is in it.
    expect(not any("IBM coins" in t for t in texts), texts)
    expect(any(t.startswith("Chinese state media report") for t in texts), texts)


@case
def test_svg_lanes():
    _, texts = svg_texts(export(EXAMPLE, "--lanes", "kind"))
    for kind in ("Company", "Government", "Place"):
        expect(kind in texts, f"{kind} lane missing: {texts}")
    expect("Pandemic" not in texts, "group lanes with --lanes kind")
    _, texts = svg_texts(export(EXAMPLE, "--lanes", "entity"))
    expect("IBM" in texts and "SenseTime" in texts, texts)


@case
def test_png_size():
    data = export(EXAMPLE, "--width", "1200", suffix=".png")
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", data[:8])
    expect(data[12:16] == b"IHDR", data[12:16])
    width, height = struct.unpack(">II", data[16:24])
    expect(width == 1200, f"width {width}")
    expect(300 < height < 4000, f"height {height}")
    # Not a blank picture: many distinct bytes in the compressed data.
    expect(len(set(data[100:4000])) > 200, "suspiciously uniform PNG")


@case
def test_pdf_size():
    data = export(EXAMPLE, "--width", "1200", suffix=".pdf")
    expect(data.startswith(b"%PDF-"), data[:8])
    expect(data.rstrip().endswith(b"%%EOF"), data[-16:])
    m = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    expect(m, "no MediaBox")
    expect(abs(float(m.group(1)) - 900) < 0.01, f"width {m.group(1)} pt, expected 900 (1200 px at 96 dpi)")
    expect(float(m.group(2)) > 200, m.group(2))
    # Fonts embedded: the text is text.
    expect(b"/FontFile" in data, "no embedded font")
    expect(b"/Subtype /Image" not in data, "the PDF embeds a bitmap")


@case
def test_dark_and_no_legend():
    light = export(EXAMPLE)
    dark = export(EXAMPLE, "--dark", "--no-legend")
    expect(light != dark, "dark export identical to light")
    _, texts = svg_texts(dark)
    expect("Uncertain (?)" not in texts, "legend drawn with --no-legend")
    _, texts = svg_texts(light)
    expect("Uncertain (?)" in texts and "Disputed" in texts, texts)


def view_events(data):
    """The <g class="event"> of an SVG: (id, title tooltip, [(text, font px)])."""
    root = ET.fromstring(data)
    events = []
    for g in root.iter(SVG_NS + "g"):
        if g.get("class") != "event":
            continue
        title = g.find(SVG_NS + "title")
        texts = [("".join(t.itertext()), t.get("font-size")) for t in g.iter(SVG_NS + "text")]
        events.append((g.get("id"), title.text if title is not None else None, texts))
    return root, events


def font_px(size):
    expect(size is not None and size.endswith("px"), f"font size {size!r} not in px")
    return float(size[:-2])


@case
def test_view_svg():
    # The window's pane at 1920x1080: every event of the example has a
    # row there, its whole title as text, its id on its group.
    data = export(EXAMPLE, "--view", "1920x1080")
    root, events = view_events(data)
    expect(root.get("width") == "1920px" and root.get("height") == "1080px", root.attrib)
    expect(root.get("viewBox") == "0 0 1920 1080", root.attrib)
    by_id = {e["id"]: e for e in example_events()}
    ids = [e[0] for e in events]
    expect(sorted(ids) == sorted(by_id), f"drawn {sorted(ids)}, events {sorted(by_id)}")
    for ident, tooltip, texts in events:
        title = by_id[ident]["title"]
        expect(tooltip is not None and ident in tooltip and title in tooltip, (ident, tooltip))
        expect(texts and " ".join(t for t, _ in texts) == title, (ident, texts))
    # No text under 11 px anywhere: titles, lanes, axis, counts.
    for t in root.iter(SVG_NS + "text"):
        expect(font_px(t.get("font-size")) >= 11, ("".join(t.itertext()), t.get("font-size")))
    expect("Chinese regime sends drones with facial-recognition cameras" in
           [t for _, _, texts in events for t, _ in texts], "the drones event has no row")


@case
def test_view_smaller():
    # At 1280x720 the example's lanes need a little more than the pane: the
    # lanes in view are drawn (scrolled to the top), each event on its own
    # row with its group, nothing twice.
    root, events = view_events(export(EXAMPLE, "--view", "1280x720"))
    ids = [e[0] for e in events]
    expect(len(ids) == len(set(ids)), ids)
    expect(8 <= len(ids) < 16, ids)
    for t in root.iter(SVG_NS + "text"):
        expect(font_px(t.get("font-size")) >= 11, t.get("font-size"))
    # Lanes by entity: an event is drawn in each of its lanes, its second
    # group named ID~2, the pane scrolls (only the lanes in view drawn).
    _, events = view_events(export(EXAMPLE, "--view", "1280x720", "--lanes", "entity"))
    ids = [e[0] for e in events]
    expect(len(ids) == len(set(ids)) and any("~" in i for i in ids), ids)


@case
def test_view_timelinejs():
    weft_tap.need(WOMEN)
    with open(WOMEN, encoding="utf-8") as f:
        slides = json.load(f)["events"]
    _, events = view_events(export(WOMEN, "--view", "1280x720"))
    expect(len(events) == len(slides) == 10, [e[0] for e in events])
    titles = sorted(t for _, _, texts in events for t, _ in texts)
    expect(titles == sorted(s["text"]["headline"] for s in slides), titles)


@case
def test_view_png_pdf():
    data = export(EXAMPLE, "--view", "1280x720", suffix=".png")
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", data[:8])
    expect(struct.unpack(">II", data[16:24]) == (1280, 720), struct.unpack(">II", data[16:24]))
    dark = export(EXAMPLE, "--view", "1280x720", "--dark", suffix=".png")
    expect(dark != data, "dark view identical to light")
    data = export(EXAMPLE, "--view", "1280x720", suffix=".pdf")
    m = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    expect(m and abs(float(m.group(1)) - 960) < 0.01 and abs(float(m.group(2)) - 540) < 0.01,
           m.group(0) if m else "no MediaBox")
    expect(b"/FontFile" in data, "no embedded font")


@case
def test_page_events_grouped():
    # The page export names its events the same way.
    _, events = view_events(export(EXAMPLE))
    expect(len(events) >= 12 and all(e[1] and e[0] in e[1] for e in events), events[:3])


@case
def test_markup_in_data_is_text():
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "m.weft")
        doc = {
            "weft": 1, "title": "<b>Bold</b> & \\N",
            "entities": [{"id": "a", "name": "<i>A</i> & co", "kind": "company"}],
            "events": [{"id": "v", "title": "x < y & \\G \"q\"", "date": "2020-05",
                        "participants": [{"entity": "a"}]}],
        }
        with open(f, "w", encoding="utf-8") as fh:
            json.dump(doc, fh)
        out = os.path.join(d, "m.svg")
        code, _, err = run("timeline", f, out, "--lanes", "entity")
        expect(code == 0, err)
        with open(out, "rb") as fh:
            _, texts = svg_texts(fh.read())
        for s in ("<b>Bold</b> & \\N", "<i>A</i> & co", 'x < y & \\G "q"'):
            expect(s in texts, f"{s!r} not kept literally: {texts}")


@case
def test_errors():
    with tempfile.TemporaryDirectory() as d:
        svg = os.path.join(d, "x.svg")
        for args, needle in [
            ((EXAMPLE, os.path.join(d, "x.gif")), ".svg"),
            ((EXAMPLE, svg, "--lanes", "colour"), "entity"),
            ((EXAMPLE, svg, "--from", "2021-13"), "--from"),
            ((EXAMPLE, svg, "--from", "2021", "--to", "2019"), "before"),
            ((EXAMPLE, os.path.join(d, "x.png"), "--width", "10"), "wide"),
            (("/nonexistent.weft", svg), "nonexistent"),
            ((EXAMPLE, "/nonexistent-dir/x.svg"), "nonexistent-dir"),
            ((EXAMPLE,), ""),  # no OUT
            ((EXAMPLE, svg, "--view", "wide"), "1280x720"),
            ((EXAMPLE, svg, "--view", "1280x720", "--width", "900"), "--width"),
            ((EXAMPLE, svg, "--view", "1280x50"), "tall"),
        ]:
            code, _, err = run("timeline", *args)
            expect(code == 2 and needle in err, (args, code, err))
        expect(not os.listdir(d), os.listdir(d))


@case
def test_help():
    code, out, _ = run("timeline", "--help")
    expect(code == 0 and "--lanes" in out and "--from" in out and "--view" in out, out)
    code, out, _ = run("--help")
    expect("timeline" in out, out)


VIEWS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "views.weft")


@case
def test_saved_view():
    # The view's span and title.
    root, texts = svg_texts(export(VIEWS, "--saved-view", "view-huawei"))
    expect("Huawei, two hops, 2015–2020" in texts, texts)
    expect(any(t.startswith("2015 to 2020") for t in texts), texts)
    # With --view, as the window shows it.
    data = export(VIEWS, "--saved-view", "view-huawei", "--view", "1280x720", suffix=".png")
    expect(data.startswith(b"\x89PNG"), data[:8])
    code, _, err = run("timeline", VIEWS, weft_tap.tmp("x.svg"), "--saved-view", "nope")
    expect(code == 2, f"exit {code}")
    expect("no saved view “nope”; its saved views are view-huawei, view-ibm-ccp" in err, err)


def event_fills(data):
    """{event id: (fill, fill-opacity)} of each event's title in an SVG."""
    root = ET.fromstring(data)
    return {g.get("id"): (g.find(SVG_NS + "text").get("fill"), g.find(SVG_NS + "text").get("fill-opacity"))
            for g in root.iter(SVG_NS + "g") if g.get("class") == "event"}


@case
def test_saved_view_as_the_window_shows_it():
    # What the window's timeline shows of a view besides its span: the
    # selected entity's events lit and the rest dimmed (else the search's),
    # a selected event ringed, the time window tinted; its focus, hidden
    # kinds and statuses filter the graph only.
    with open(VIEWS, encoding="utf-8") as f:
        data = json.load(f)
    span = "2015/2022"
    data["views"] += [
        {"id": "plain", "span": span},
        {"id": "filters", "span": span, "focus": "ent-china", "hops": 1, "hidden_kinds": ["company"],
         "statuses": ["denied"]},
        {"id": "search", "span": span, "search": "temperature"},
        {"id": "entity", "span": span, "search": "temperature", "selected": "ent-chinese-people"},
        {"id": "event", "span": span, "selected": "ev-covid-pandemic"},
        {"id": "window", "span": span, "window": "2020/2020"},
    ]
    path = weft_tap.tmp("views.weft")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    svg = {v["id"]: export(path, "--saved-view", v["id"]) for v in data["views"][-6:]}
    fills = {k: event_fills(v) for k, v in svg.items()}
    plain = fills["plain"]
    expect(len(set(plain.values())) == 1, f"the plain view dims or lights: {plain}")
    normal = next(iter(plain.values()))
    expect(fills["filters"] == plain, f"focus, kinds or statuses changed the timeline: {fills['filters']}")

    def lit(view):
        return sorted(e for e, fill in fills[view].items() if fill == normal)

    def dimmed(view):
        return sorted(e for e, fill in fills[view].items() if fill != normal)

    expect(sorted(fills["search"]) == sorted(plain), "the search hid or added events")
    titles = {e["id"]: e["title"] for e in data["events"]}
    found = [e for e in plain if "temperature" in titles[e].lower()]
    expect(found and set(found) <= set(lit("search")) and dimmed("search"),
           f"search: lit {lit('search')}, dimmed {dimmed('search')}")
    # The selection wins over the search, as in the window.
    takes_part = sorted(e["id"] for e in data["events"] if e["id"] in plain and
                        any(p["entity"] == "ent-chinese-people" for p in e.get("participants", [])))
    expect(takes_part and lit("entity") == takes_part, f"entity: lit {lit('entity')}, not {takes_part}")
    # A ring round the selected event, a tint over the window: more shapes.
    shapes = {k: len(re.findall(rb"<path", v)) for k, v in svg.items()}
    expect(fills["event"] == plain and shapes["event"] > shapes["plain"], f"no ring: {shapes}")
    expect(fills["window"] == plain and shapes["window"] > shapes["plain"], f"no window: {shapes}")
    # The same as the window's pane.
    png = export(path, "--saved-view", "entity", "--view", "1280x720", suffix=".png")
    expect(png.startswith(b"\x89PNG"), png[:8])


weft_tap.finish()
