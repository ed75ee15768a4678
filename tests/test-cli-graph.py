#!/usr/bin/env python3
# test-cli-graph.py: weft graph FILE OUT, run as a user would.
#
# Usage: test-cli-graph.py WEFT
# SPDX-License-Identifier: MIT
"""Draws the bundled example and awkward datasets to every format and
checks the files: counts, focus and time windows, escaping, errors.
Prints TAP."""

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import EXAMPLE, case, expect

WEFT = sys.argv[1]
SVG_NS = "{http://www.w3.org/2000/svg}"
DOT = shutil.which("dot")


def run(*args):
    return weft_tap.run([WEFT, *args])


def svg_parts(path):
    """(node titles, edge count, every text) of a Graphviz SVG."""
    root = ET.parse(path).getroot()
    nodes, edges = [], 0
    for g in root.iter(SVG_NS + "g"):
        cls = g.get("class")
        if cls == "node":
            nodes.append(g.find(SVG_NS + "title").text)
        elif cls == "edge":
            edges += 1
    texts = [t.text or "" for t in root.iter(SVG_NS + "text")]
    return nodes, edges, texts


def node_texts(path):
    """{node title: [its texts]} of an SVG: each name drawn in its own node."""
    root = ET.parse(path).getroot()
    return {g.find(SVG_NS + "title").text: [t.text or "" for t in g.iter(SVG_NS + "text")]
            for g in root.iter(SVG_NS + "g") if g.get("class") == "node"}


def shows_name(texts, name):
    """Whether a node's lines of text are @name, wrapped at spaces (which
    go) or after slashes (which stay)."""
    return " ".join(texts).replace(" ", "") == name.replace(" ", "") and all(texts)


def example():
    with open(EXAMPLE) as f:
        return json.load(f)


@case
def test_svg(d):
    out = os.path.join(d, "g.svg")
    code, _, err = run("graph", EXAMPLE, out)
    expect(code == 0, f"exit {code}: {err}")
    nodes, edges, texts = svg_parts(out)
    data = example()
    expect(len(nodes) == len(data["entities"]), f"{len(nodes)} nodes")
    expect(edges == len(data["relations"]), f"{edges} edges")
    expect(set(nodes) == {e["id"] for e in data["entities"]}, "node titles are the entity ids")
    drawn = node_texts(out)
    for e in data["entities"]:
        expect(shows_name(drawn[e["id"]], e["name"]), f"{e['name']} not drawn in its node: {drawn[e['id']]}")
    # Each relation label ends with its source count.
    expect(any(t == "coined (1)" for t in texts), texts)


@case
def test_formats(d):
    for ext, magic in ((".png", b"\x89PNG\r\n\x1a\n"), (".pdf", b"%PDF-"), (".dot", b"digraph")):
        out = os.path.join(d, "g" + ext)
        code, _, err = run("graph", EXAMPLE, out)
        expect(code == 0, f"{ext}: exit {code}: {err}")
        with open(out, "rb") as f:
            head = f.read(len(magic))
        expect(head == magic, f"{ext} starts with {head!r}")


@case
def test_dot_relays_out(d):
    out = os.path.join(d, "g.dot")
    code, _, err = run("graph", EXAMPLE, out, "--engine", "neato")
    expect(code == 0, f"exit {code}: {err}")
    text = open(out).read()
    expect("layout=neato" in text, "the DOT file names its engine")
    if DOT is None:
        return
    svg = os.path.join(d, "again.svg")
    p = subprocess.run([DOT, "-Tsvg", out, "-o", svg], capture_output=True, text=True, timeout=60)
    expect(p.returncode == 0 and p.stderr == "", f"dot says: {p.stderr}")
    nodes, edges, _ = svg_parts(svg)
    data = example()
    expect(len(nodes) == len(data["entities"]) and edges == len(data["relations"]), f"{len(nodes)}, {edges}")


def dot_node_shapes(path):
    """{node name: shape} of a DOT file, each node's own shape or else the
    last `node [shape=…]` default before it (Graphviz's box without one)."""
    text = open(path, encoding="utf-8").read()
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c == '"':
            j, value = i + 1, []
            while text[j] != '"':
                # Inside quotes \" is a quote; other pairs stay as written.
                if text[j] == "\\":
                    value.append(text[j:j + 2] if text[j + 1] != '"' else '"')
                    j += 2
                else:
                    value.append(text[j])
                    j += 1
            i = j + 1
            # "a" + "b" is one string.
            if tokens and tokens[-1][0] == "+" and len(tokens) > 1 and tokens[-2][0] == "id":
                tokens.pop()
                tokens[-1] = ("id", tokens[-1][1] + "".join(value))
            else:
                tokens.append(("id", "".join(value)))
        elif text.startswith("->", i):
            tokens.append(("->", None))
            i += 2
        elif c in "[]=,;{}+":
            tokens.append((c, None))
            i += 1
        else:
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] in "_.-#"):
                j += 1
            expect(j > i, f"{path}: cannot read {text[i:i + 20]!r}")
            tokens.append(("id", text[i:j]))
            i = j
    shapes, default, k = {}, "box", 0
    while k < len(tokens):
        if tokens[k][0] != "id" or (k + 1 < len(tokens) and tokens[k + 1][0] == "="):
            k += 1
            continue
        names = [tokens[k][1]]
        k += 1
        while k + 1 < len(tokens) and tokens[k][0] == "->":
            names.append(tokens[k + 1][1])
            k += 2
        attrs = {}
        if k < len(tokens) and tokens[k][0] == "[":
            k += 1
            while tokens[k][0] != "]":
                if tokens[k][0] == "id" and tokens[k + 1][0] == "=":
                    attrs[tokens[k][1]] = tokens[k + 2][1]
                    k += 3
                else:
                    k += 1
            k += 1
        if names == ["node"]:
            default = attrs.get("shape", default)
        elif len(names) == 1 and names[0] not in ("graph", "edge", "digraph"):
            shapes[names[0]] = attrs.get("shape", default)
    return shapes


@case
def test_dot_shapes_agree(d):
    # weft convert --to dot and weft graph … .dot draw each kind of node
    # with the same Graphviz shape: one style table serves both.
    network = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "network.weft")
    for src in (EXAMPLE, network):
        converted, drawn = os.path.join(d, "converted.gv"), os.path.join(d, "drawn.dot")
        code, _, err = run("convert", "-q", src, converted, "--to", "dot")
        expect(code == 0, f"convert: exit {code}: {err}")
        code, _, err = run("graph", src, drawn, "--events", "--claims")
        expect(code == 0, f"graph: exit {code}: {err}")
        by_convert, by_graph = dot_node_shapes(converted), dot_node_shapes(drawn)
        with open(src) as f:
            entities = [e["id"] for e in json.load(f)["entities"]]
        expect(set(entities) <= set(by_convert) and set(entities) <= set(by_graph),
               f"{src}: entities missing from {sorted(by_convert)} or {sorted(by_graph)}")
        for node in set(by_convert) & set(by_graph):
            expect(by_convert[node] == by_graph[node],
                   f"{src}: {node} is a {by_convert[node]} in weft convert, a {by_graph[node]} in weft graph")
        expect(len(set(by_graph.values())) >= 4, f"{src}: too few shapes to tell: {set(by_graph.values())}")


def drawn_nodes(d, name, *options):
    """The node titles of the example drawn by weft graph as d/name (SVG)
    with options."""
    out = os.path.join(d, name)
    code, _, err = run("graph", EXAMPLE, out, *options)
    expect(code == 0, f"{' '.join(options)}: exit {code}: {err}")
    return svg_parts(out)[0]


@case
def test_focus(d):
    counts = []
    for hops in ("1", "2"):
        nodes = drawn_nodes(d, f"f{hops}.svg", "--focus", "Huawei", "--hops", hops)
        expect("ent-huawei" in nodes, "the focus is drawn")
        counts.append(len(nodes))
    expect(1 < counts[0] < counts[1] <= len(example()["entities"]), counts)
    # By id works as well as by name.
    expect(len(drawn_nodes(d, "id.svg", "--focus", "ent-huawei")) == counts[0], "id and name agree")


@case
def test_window(d):
    nodes = drawn_nodes(d, "w.svg", "--from", "2019", "--to", "2019")
    expect(0 < len(nodes) < len(example()["entities"]), f"{len(nodes)} nodes in 2019")


@case
def test_events_and_claims(d):
    nodes = drawn_nodes(d, "ec.svg", "--events", "--claims", "--engine", "sfdp")
    data = example()
    expect(len(nodes) == len(data["entities"]) + len(data["events"]) + len(data["claims"]), len(nodes))


def picture(d, name, width, height, *options):
    """The root of the SVG weft graph draws of the example with @options,
    checked to be @width x @height pixels."""
    out = os.path.join(d, name)
    code, _, err = run("graph", EXAMPLE, out, *options)
    expect(code == 0, f"{' '.join(options)}: exit {code}: {err}")
    root = ET.parse(out).getroot()
    expect(root.get("width") in (f"{width}px", f"{width}") and root.get("height") in (f"{height}px", f"{height}"),
           f"canvas {root.get('width')} x {root.get('height')}")
    return root


@case
def test_view_svg(d):
    # What the window's graph pane of 1280x720 shows: a node a group with
    # its id as <title>, names as text of 11 px or more, no transforms.
    out = os.path.join(d, "v.svg")
    root = picture(d, "v.svg", 1280, 720, "--view", "1280x720")
    groups = [g for g in root.iter(SVG_NS + "g") if g.get("class") == "node"]
    data = example()
    expect(sorted(g.get("id") for g in groups) == sorted(e["id"] for e in data["entities"]),
           "one group a node, its id the entity's")
    for g in groups:
        expect(g.find(SVG_NS + "title").text == g.get("id"), f"{g.get('id')}: title")
        expect(g.get("transform") is None, f"{g.get('id')}: transformed")
    drawn = node_texts(out)
    for e in data["entities"]:
        expect(shows_name(drawn[e["id"]], e["name"]), f"{e['name']} not in its group: {drawn[e['id']]}")
    for t in root.iter(SVG_NS + "text"):
        expect(t.get("transform") is None, "a transformed text")
        expect(float(t.get("font-size").rstrip("px")) >= 11, f"{t.text!r} at {t.get('font-size')}")
    # The same picture as PNG and PDF, and dark.
    for ext, magic in ((".png", b"\x89PNG\r\n\x1a\n"), (".pdf", b"%PDF-")):
        out = os.path.join(d, "v" + ext)
        code, _, err = run("graph", EXAMPLE, out, "--view", "1280x720", "--dark")
        expect(code == 0, f"{ext}: exit {code}: {err}")
        with open(out, "rb") as f:
            head = f.read(24)
        expect(head.startswith(magic), f"{ext} starts with {head!r}")
        if ext == ".png":
            expect(int.from_bytes(head[16:20], "big") == 1280 and int.from_bytes(head[20:24], "big") == 720,
                   "the PNG is 1280 x 720")


@case
def test_view_slide(d):
    # --ratio makes a slide: the title above, the legend beside.
    root = picture(d, "s.svg", 1920, 1080, "--ratio", "16:9")
    texts = [t.text or "" for t in root.iter(SVG_NS + "text")]
    expect(example()["title"] in texts, f"no title in {texts[:5]}")
    expect("Company" in texts and "Reported" in texts, "no legend")
    for args, fragment in ((("--view", "1280"), "--view"), (("--view", "0x720"), "--view"),
                           (("--ratio", "wide"), "--ratio")):
        code, _, err = run("graph", EXAMPLE, os.path.join(d, "x.svg"), *args)
        expect(code == 2 and fragment in err, f"{args}: exit {code}: {err}")
    code, _, err = run("graph", EXAMPLE, os.path.join(d, "x.dot"), "--view", "800x600")
    expect(code == 2 and ".svg, .png or .pdf" in err, f"DOT picture: exit {code}: {err}")


@case
def test_titles_and_legends(d):
    # --view: the title above the pane only when asked; --ratio: unless told not.
    title = example()["title"]
    texts = lambda root: [t.text or "" for t in root.iter(SVG_NS + "text")]
    plain = picture(d, "v.svg", 1280, 720, "--view", "1280x720")
    expect(title not in texts(plain) and "Company" not in texts(plain), "a title or legend unasked")
    titled = picture(d, "t.svg", 1280, 720, "--view", "1280x720", "--title", "--legend")
    title_y = [float(t.get("y")) for t in titled.iter(SVG_NS + "text") if t.text == title]
    expect(len(title_y) == 1 and title_y[0] < 60, f"no title at the top: {title_y}")
    expect("Company" in texts(titled) and "Reported" in texts(titled), "no legend with --legend")
    # The pane moved down under the title: no name above it.
    names = [float(t.get("y")) for g in titled.iter(SVG_NS + "g") if g.get("class") == "node"
             for t in g.iter(SVG_NS + "text")]
    expect(names and min(names) > title_y[0], f"a name above the title: {min(names)} <= {title_y[0]}")
    bare = picture(d, "b.svg", 1920, 1080, "--ratio", "16:9", "--no-title", "--no-legend")
    expect(title not in texts(bare) and "Company" not in texts(bare), "--no-title, --no-legend ignored")

    # Drawn by Graphviz: the title and the legend in the graph's label, at the top.
    out = os.path.join(d, "g.svg")
    code, _, err = run("graph", EXAMPLE, out)
    expect(code == 0, f"exit {code}: {err}")
    _, _, before = svg_parts(out)
    expect(title not in before and "Company" not in before, "Graphviz export titled unasked")
    code, _, err = run("graph", EXAMPLE, out, "--title", "--legend")
    expect(code == 0, f"exit {code}: {err}")
    nodes, edges, after = svg_parts(out)
    expect(title in after, f"no title in {after[:5]}")
    kinds = {e.get("kind") for e in example()["entities"]}
    expect("Company" in after and "Place" in after and "Reported" in after, f"no legend in {after[:30]}")
    expect("Alleged or disputed" in after, "no evidence rows")
    expect(len(nodes) == len(example()["entities"]) and edges > 0, "the graph changed")
    root = ET.parse(out).getroot()
    ys = {t.text: float(t.get("y")) for t in root.iter(SVG_NS + "text")}
    top = min(float(t.get("y")) for g in root.iter(SVG_NS + "g") if g.get("class") == "node"
              for t in g.iter(SVG_NS + "text"))
    expect(ys[title] < ys["Company"] < top, f"title {ys[title]}, legend {ys['Company']}, nodes from {top}")
    expect("company" in kinds, "the example has companies")
    code, _, err = run("graph", EXAMPLE, out, "--legend")
    _, _, legend_only = svg_parts(out)
    expect(code == 0 and title not in legend_only and "Company" in legend_only, "--legend alone")


AWKWARD = [
    "\\N", "\\G \\E \\T \\H \\L", "left\\l right\\r", 'say "quoted"', "{braces} | pipe <port>",
    "<b>bold</b> <table><tr><td>x</td></tr></table>", "&lt;entity&gt; &amp; &#60;", "ends with \\",
]


@case
def test_awkward_names(d):
    doc = {
        "weft": 1, "title": "Awkward \\G",
        "entities": [{"id": f"e{i}", "name": n, "kind": "company"} for i, n in enumerate(AWKWARD)],
        "relations": [{"id": f"r{i}", "from": f"e{i}", "to": f"e{i + 1}", "type": "t\\N<i>"}
                      for i in range(len(AWKWARD) - 1)],
    }
    src = os.path.join(d, "awkward.weft")
    with open(src, "w") as f:
        json.dump(doc, f)
    out = os.path.join(d, "a.svg")
    code, _, err = run("graph", src, out)
    expect(code == 0, f"exit {code}: {err}")
    _, _, texts = svg_parts(out)
    drawn = node_texts(out)
    for i, name in enumerate(AWKWARD):
        expect(shows_name(drawn[f"e{i}"], name), f"{name!r} not literal in {drawn[f'e{i}']}")
    expect("t\\N<i> (0)" in texts, texts)
    if DOT is None:
        return
    dot = os.path.join(d, "a.dot")
    code, _, err = run("graph", src, dot)
    expect(code == 0, err)
    again = os.path.join(d, "again.svg")
    p = subprocess.run([DOT, "-Tsvg", dot, "-o", again], capture_output=True, text=True, timeout=60)
    expect(p.returncode == 0, p.stderr)
    drawn = node_texts(again)
    for i, name in enumerate(AWKWARD):
        expect(shows_name(drawn[f"e{i}"], name), f"{name!r} not literal after dot re-reads the DOT: {drawn[f'e{i}']}")


@case
def test_usage_errors(d):
    out = os.path.join(d, "x.svg")
    for args, fragment in (
        (("graph", EXAMPLE, os.path.join(d, "x.jpeg")), ".svg, .png, .pdf or .dot"),
        (("graph", EXAMPLE, out, "--engine", "graphviz"), "unknown engine"),
        (("graph", EXAMPLE, out, "--hops", "4"), "--hops"),
        (("graph", EXAMPLE, out, "--focus", "nobody at all"), "nobody at all"),
        (("graph", EXAMPLE, out, "--from", "2020-13"), "month 13"),
        (("graph", EXAMPLE, out, "--from", "2021", "--to", "2019"), "after"),
        (("graph", EXAMPLE), "name a dataset"),
        (("graph", "/nonexistent/x.weft", out), "/nonexistent/x.weft"),
    ):
        code, _, err = run(*args)
        expect(code == 2, f"{args}: exit {code}")
        expect(fragment in err, f"{args}: {err}")
        expect(not os.path.exists(out), f"{args} wrote a file")


@case
def test_writes_like_a_save(d):
    # Through a symbolic link: the link stays, its target gets the picture.
    target = os.path.join(d, "real.svg")
    with open(target, "w") as f:
        f.write("old")
    link = os.path.join(d, "link.svg")
    os.symlink("real.svg", link)
    code, _, err = run("graph", EXAMPLE, link)
    expect(code == 0, f"exit {code}: {err}")
    expect(os.path.islink(link), "the link was replaced by a file")
    expect(svg_parts(target)[0], "the link's target holds no graph")
    # Where nothing can be written: the file is named, nothing is left.
    missing = os.path.join(d, "no such folder", "g.svg")
    code, _, err = run("graph", EXAMPLE, missing)
    expect(code == 2, f"exit {code}")
    expect(f"cannot write “{missing}”" in err, err)
    expect(sorted(os.listdir(d)) == ["link.svg", "real.svg"], os.listdir(d))


@case
def test_help(d):
    code, out, _ = run("graph", "--help")
    expect(code == 0, f"exit {code}")
    for word in ("--engine", "--focus", "--hops", "--from", "--to", ".svg"):
        expect(word in out, f"{word} missing:\n{out}")
    code, out, _ = run("--help")
    expect("graph FILE OUT" in out, out)


VIEWS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "views.weft")


@case
def test_saved_view(d):
    # The view's focus, hops, window and hidden kinds: what the options
    # draw, less the hidden kind (the focus stays).
    kinds = {e["id"]: e["kind"] for e in example()["entities"]}
    out = os.path.join(d, "saved.svg")
    code, _, err = run("graph", VIEWS, out, "--saved-view", "view-huawei")
    expect(code == 0, f"exit {code}: {err}")
    saved = svg_parts(out)[0]
    plain = os.path.join(d, "plain.svg")
    code, _, err = run("graph", VIEWS, plain, "--focus", "ent-huawei", "--hops", "2",
                       "--from", "2015", "--to", "2020")
    expect(code == 0, f"exit {code}: {err}")
    wanted = [n for n in svg_parts(plain)[0] if kinds[n] != "technology" or n == "ent-huawei"]
    expect(sorted(saved) == sorted(wanted), f"{sorted(saved)} != {sorted(wanted)}")
    expect(len(wanted) < len(svg_parts(plain)[0]), "the view hides no technology")
    # A path view: its two ends and what lies between, nothing else.
    code, _, err = run("graph", VIEWS, out, "--saved-view", "view-ibm-ccp")
    expect(code == 0, f"exit {code}: {err}")
    nodes = svg_parts(out)[0]
    code, path, _ = run("path", VIEWS, "ent-ibm", "ent-ccp")
    hops = int(path.split(": ")[1].split(" ")[0])
    expect({"ent-ibm", "ent-ccp"} <= set(nodes) and len(nodes) == hops + 1, f"{nodes}\n{path}")
    # As the window shows it, as a slide: under the view's title.
    code, _, err = run("graph", VIEWS, out, "--saved-view", "view-ibm-ccp", "--view", "1280x720", "--ratio", "16:9")
    expect(code == 0, f"exit {code}: {err}")
    texts = ["".join(t.itertext()) for t in ET.parse(out).getroot().iter(SVG_NS + "text")]
    expect("From IBM to the CCP" in texts, texts)
    # An unknown id says which there are.
    code, _, err = run("graph", VIEWS, out, "--saved-view", "nope")
    expect(code == 2, f"exit {code}")
    expect("no saved view “nope”; its saved views are view-huawei, view-ibm-ccp" in err, err)
    code, _, err = run("graph", EXAMPLE, out, "--saved-view", "nope")
    expect(code == 2 and "it has no saved views" in err, err)


def node_centres(path):
    """{node id: (x, y)} of a --view SVG: the middle of each node's shapes."""
    centres = {}
    for g in ET.parse(path).getroot().iter(SVG_NS + "g"):
        if g.get("class") != "node":
            continue
        xs, ys = [], []
        for shape in g.iter(SVG_NS + "path"):
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d"))]
            xs += numbers[0::2]
            ys += numbers[1::2]
        centres[g.get("id")] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return centres


def views_file(d, views):
    """views.weft with these views (id: members) added, written in d."""
    with open(VIEWS) as f:
        data = json.load(f)
    for vid, members in views.items():
        data["views"].append({"id": vid, **members})
    path = os.path.join(d, "views.weft")
    with open(path, "w") as f:
        json.dump(data, f)
    return path


@case
def test_saved_view_zoom_and_centre(d):
    # With --view, the view's "graph" as the window's graph pane puts it
    # (weft_graph_view_set_scale() and _set_center()): zoom pixels a point
    # of the layout fitted to the pane, the pane's middle on the centre.
    # At zoom 1 centred on (640, 360), a 1280x720 picture draws each node
    # at its layout point: the reference for the others.
    with open(VIEWS) as f:
        huawei = {k: v for k, v in json.load(f)["views"][0].items() if k not in ("id", "graph")}
    unfiltered = {k: v for k, v in huawei.items() if k not in ("window", "hidden_kinds")}
    path = views_file(d, {
        "ref": {**huawei, "graph": {"zoom": 1, "centre": [640, 360]}},
        "fit": huawei,
        "all": {**unfiltered, "graph": {"zoom": 1, "centre": [640, 360]}},
    })

    def draw(view, name):
        out = os.path.join(d, name + ".svg")
        code, _, err = run("graph", path, out, "--saved-view", view, "--view", "1280x720")
        expect(code == 0, f"{view}: exit {code}: {err}")
        return out

    ref = node_centres(draw("ref", "ref"))
    # Exactly the nodes of the view: what the Graphviz export of it draws.
    graphviz = os.path.join(d, "graphviz.svg")
    code, _, err = run("graph", path, graphviz, "--saved-view", "ref")
    expect(code == 0, f"exit {code}: {err}")
    expect(sorted(ref) == sorted(svg_parts(graphviz)[0]), f"{sorted(ref)} != {sorted(svg_parts(graphviz)[0])}")
    expect(all(0 <= x <= 1280 and 0 <= y <= 720 for x, y in ref.values()), f"the layout leaves the pane: {ref}")

    # The time window and hidden kinds hide nodes where they are, as in
    # the window: the same points as without them.
    everything = node_centres(draw("all", "all"))
    expect(set(ref) < set(everything), f"{sorted(ref)} not fewer than {sorted(everything)}")
    for n, (x, y) in ref.items():
        expect(abs(x - everything[n][0]) < 0.02 and abs(y - everything[n][1]) < 0.02,
               f"{n} moved: {ref[n]} without the filters at {everything[n]}")

    # Fitted (no "graph"): the same layout at one scale.
    fit = node_centres(draw("fit", "fit"))
    expect(sorted(fit) == sorted(ref), "the fitted view draws other nodes")
    a, b = sorted(ref)[0], sorted(ref)[-1]
    k = (fit[b][0] - fit[a][0]) / (ref[b][0] - ref[a][0])
    for n in ref:
        for i in (0, 1):
            expect(abs((fit[n][i] - fit[a][i]) - k * (ref[n][i] - ref[a][i])) < 1.5, f"{n}: not the same layout")

    # Zoomed in on a node, and beside it: each node where zoom and
    # centre put it (within a pixel: the view's origin is on whole
    # pixels), only those in or near the pane drawn. (From zoom 1 a node
    # is its box; below, a mark with a label beside it.)
    cx, cy = ref[a]
    for zoom, centre in ((3, (cx, cy)), (3, (cx + 40, cy - 25)), (1.5, (cx, cy)), (2.25, (cx - 10.5, cy + 7.25))):
        name = f"z{len(os.listdir(d))}"
        path = views_file(d, {name: {**huawei, "graph": {"zoom": zoom, "centre": list(centre)}}})
        got = node_centres(draw(name, name))
        for n, (x, y) in ref.items():
            ex, ey = (x - centre[0]) * zoom + 640, (y - centre[1]) * zoom + 360
            if n in got:
                expect(abs(got[n][0] - ex) <= 1.01 and abs(got[n][1] - ey) <= 1.01,
                       f"zoom {zoom} at {centre}: {n} at {got[n]}, not ({ex:.2f}, {ey:.2f})")
            inside = 20 <= ex <= 1260 and 20 <= ey <= 700
            expect(n in got or not inside, f"zoom {zoom} at {centre}: {n} at ({ex:.0f}, {ey:.0f}) not drawn")
            far = not (-300 <= ex <= 1580 and -300 <= ey <= 1020)
            expect(n not in got or not far, f"zoom {zoom} at {centre}: {n} drawn far outside")
        expect(set(got) <= set(ref), f"{set(got) - set(ref)} drawn")
        if zoom == 3:
            expect(len(got) < len(ref), f"zoom 3 draws every node ({len(got)})")


weft_tap.finish()
