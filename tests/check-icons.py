#!/usr/bin/env python3
# check-icons.py: the application icons are well-formed and follow GNOME's rules.
#
#   check-icons.py ICON_DIR DESKTOP_FILE
#
# The full-colour icon (hicolor/scalable/apps/APP_ID.svg) parses, is drawn on
# a 128×128 canvas, uses colours of the GNOME palette only, and draws no text
# and no outside images (a font or file missing on the user's system would
# change it). The symbolic icon (hicolor/symbolic/apps/APP_ID-symbolic.svg)
# parses, is 16×16, and is filled shapes in #2e3436 only, with no strokes,
# masks or gradients, so that GTK can recolour it. The desktop file names the
# icon. Prints TAP.
#
# SPDX-License-Identifier: MIT

import os
import re
import sys
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import case

ICON_DIR, DESKTOP = sys.argv[1:3]
APP_ID = "io.github.weft.Weft"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# https://developer.gnome.org/hig/reference/palette.html
GNOME_PALETTE = {
    "#99c1f1", "#62a0ea", "#3584e4", "#1c71d8", "#1a5fb4",
    "#8ff0a4", "#57e389", "#33d17a", "#2ec27e", "#26a269",
    "#f9f06b", "#f8e45c", "#f6d32d", "#f5c211", "#e5a50a",
    "#ffbe6f", "#ffa348", "#ff7800", "#e66100", "#c64600",
    "#f66151", "#ed333b", "#e01b24", "#c01c28", "#a51d2d",
    "#dc8add", "#c061cb", "#9141ac", "#813d9c", "#613583",
    "#cdab8f", "#b5835a", "#986a44", "#865e3c", "#63452c",
    "#ffffff", "#f6f5f4", "#deddda", "#c0bfbc", "#9a9996",
    "#77767b", "#5e5c64", "#3d3846", "#241f31", "#000000",
}
COLOR_ATTRS = ("fill", "stroke", "stop-color", "flood-color", "color")
SCALABLE = os.path.join(ICON_DIR, "hicolor", "scalable", "apps", APP_ID + ".svg")
SYMBOLIC = os.path.join(ICON_DIR, "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg")


def colours(root):
    """Every colour an element names, in attributes or style="…"."""
    found = []
    for el in root.iter():
        values = [el.get(a) for a in COLOR_ATTRS if el.get(a)]
        for decl in (el.get("style") or "").split(";"):
            prop, _, value = decl.partition(":")
            if prop.strip() in COLOR_ATTRS:
                values.append(value.strip())
        for v in values:
            if v not in ("none", "currentColor") and not v.startswith("url("):
                found.append((el.tag.replace(SVG, ""), v.lower()))
    return found


def canvas(root):
    return root.get("width"), root.get("height"), root.get("viewBox")


def no_outside_references(root):
    for el in root.iter():
        href = el.get(XLINK_HREF) or el.get("href")
        assert href is None or href.startswith("#"), f"{el.tag} refers to {href}"
        assert el.tag not in (SVG + "text", SVG + "image", SVG + "foreignObject"), el.tag


@case
def test_scalable_icon():
    root = ET.parse(SCALABLE).getroot()
    assert root.tag == SVG + "svg", root.tag
    assert canvas(root) == ("128", "128", "0 0 128 128"), canvas(root)
    no_outside_references(root)
    used = colours(root)
    assert used, "no colours"
    outside = sorted({c for _, c in used if c not in GNOME_PALETTE})
    assert not outside, f"colours outside the GNOME palette: {outside}"
    # Enough drawn to be an icon, not a placeholder.
    shapes = [el for el in root.iter() if el.tag in (SVG + "rect", SVG + "circle", SVG + "path")]
    assert len(shapes) >= 8, f"{len(shapes)} shapes"


@case
def test_symbolic_icon():
    root = ET.parse(SYMBOLIC).getroot()
    assert root.tag == SVG + "svg", root.tag
    assert canvas(root) == ("16", "16", "0 0 16 16"), canvas(root)
    no_outside_references(root)
    for el in root.iter():
        tag = el.tag.replace(SVG, "")
        assert tag in ("svg", "title", "desc", "g", "path", "rect", "circle", "ellipse"), f"<{tag}>"
        assert el.get("stroke") in (None, "none"), f"<{tag}> has a stroke"
        assert "stroke" not in (el.get("style") or ""), f"<{tag}> has a stroke"
        assert el.get("opacity") is None and el.get("fill-opacity") is None, f"<{tag}> is translucent"
    used = {c for _, c in colours(root)}
    assert used == {"#2e3436"}, used


@case
def test_desktop_file_names_the_icon():
    with open(DESKTOP, encoding="utf-8") as f:
        icon = re.search(r"^Icon=(.*)$", f.read(), re.M).group(1)
    assert icon == APP_ID, icon
    assert os.path.basename(SCALABLE) == icon + ".svg"
    assert os.path.basename(SYMBOLIC) == icon + "-symbolic.svg"


weft_tap.finish()
