#!/usr/bin/env python3
# check-mime.py: the shared-mime-info definition of .weft files.
#
#   check-mime.py MIME_XML EXAMPLE ICON_DIR [UPDATE_MIME_DATABASE GIO]
#
# Reads the XML (type, glob, content match, parent type, comment, icons),
# then builds a MIME database holding only it in a temporary folder and asks
# GIO, as a file manager does, what type files are: the example as .weft, the
# example without its extension (the content match alone), and JSON files
# that are not Weft's. Prints TAP.
#
# SPDX-License-Identifier: MIT

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import Skip, case

MIME_XML, EXAMPLE, ICON_DIR = sys.argv[1:4]
UPDATE_MIME_DATABASE = sys.argv[4] if len(sys.argv) > 4 else None
GIO = sys.argv[5] if len(sys.argv) > 5 else None
NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPE = "application/x-weft+json"
APP_ID = "io.github.weft.Weft"
# The generic icons the shared-mime-info specification allows.
GENERIC_ICONS = {
    "application-x-executable", "audio-x-generic", "font-x-generic", "image-x-generic",
    "package-x-generic", "text-html", "text-x-generic", "text-x-generic-template",
    "text-x-script", "video-x-generic", "x-office-address-book", "x-office-calendar",
    "x-office-document", "x-office-presentation", "x-office-spreadsheet",
}


root = ET.parse(MIME_XML).getroot()
types = root.findall(NS + "mime-type")


@case
def test_one_type():
    assert root.tag == NS + "mime-info", root.tag
    assert [t.get("type") for t in types] == [TYPE], [t.get("type") for t in types]


@case
def test_glob_and_parent():
    t = types[0]
    assert [g.get("pattern") for g in t.findall(NS + "glob")] == ["*.weft"]
    assert [s.get("type") for s in t.findall(NS + "sub-class-of")] == ["application/json"]
    comment = t.find(NS + "comment")
    assert comment is not None and comment.text and not comment.text.endswith("."), "no comment"


@case
def test_content_match_finds_the_format_member():
    matches = [m for m in types[0].iter(NS + "match")]
    values = [m.get("value") for m in matches]
    # Both spellings: "weft": as people write it, "weft" : as Weft saves it.
    spellings = ['"weft":', '"weft" :']
    for spelling in spellings:
        assert spelling in values, values
    inners = [m for m in matches if m.get("value") in spellings]
    for inner in inners:
        start, _, end = inner.get("offset").partition(":")
        assert int(start) <= 16 and 64 <= int(end or start) <= 4096, inner.get("offset")
    # The match must hold for the example the way the database reads it:
    # the outer match at its offset, one inner one within its range.
    with open(EXAMPLE, "rb") as f:
        head = f.read(4096)
    outer = matches[0]
    assert head[int(outer.get("offset")):].startswith(outer.get("value").encode()), "outer match"
    found = False
    for inner in inners:
        start, _, end = inner.get("offset").partition(":")
        value = inner.get("value").encode()
        found = found or value in head[int(start):int(end or start) + len(value)]
    assert found, "inner match"


@case
def test_icons_exist():
    t = types[0]
    generic = t.find(NS + "generic-icon").get("name")
    assert generic in GENERIC_ICONS, generic
    icon = t.find(NS + "icon").get("name")
    assert icon == APP_ID, icon
    assert os.path.isfile(os.path.join(ICON_DIR, "hicolor", "scalable", "apps", icon + ".svg")), icon


def content_type(env, path):
    p = subprocess.run([GIO, "info", "-a", "standard::content-type", path],
                       capture_output=True, text=True, env=env, timeout=30)
    assert p.returncode == 0, p.stderr
    for line in p.stdout.splitlines():
        line = line.strip()
        if line.startswith("standard::content-type:"):
            return line.split(":", 3)[-1].strip()
    raise AssertionError(f"no content type in {p.stdout!r}")


@case
def test_gio_recognises_weft_files():
    if not (UPDATE_MIME_DATABASE and GIO):
        raise Skip("update-mime-database or gio is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, "share", "mime", "packages")
        os.makedirs(packages)
        shutil.copy(MIME_XML, os.path.join(packages, APP_ID + ".xml"))
        env = dict(os.environ)
        env["XDG_DATA_HOME"] = os.path.join(tmp, "share")
        env["XDG_DATA_DIRS"] = os.path.join(tmp, "share") + ":" + env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
        p = subprocess.run([UPDATE_MIME_DATABASE, os.path.join(tmp, "share", "mime")],
                           capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 0 and not p.stderr.strip(), p.stderr

        named = os.path.join(tmp, "cities.weft")
        bare = os.path.join(tmp, "cities")
        shutil.copy(EXAMPLE, named)
        shutil.copy(EXAMPLE, bare)
        other = os.path.join(tmp, "other")
        with open(other, "w", encoding="utf-8") as f:
            json.dump({"title": "not a weft", "events": []}, f)
        # "weft" as a value, not as the format member, is not enough either.
        mention = os.path.join(tmp, "mention")
        with open(mention, "w", encoding="utf-8") as f:
            json.dump({"title": "weft", "note": "see weft: the app"}, f)

        assert content_type(env, named) == TYPE, "by name"
        assert content_type(env, bare) == TYPE, "by content"
        assert content_type(env, other) != TYPE, "other JSON"
        assert content_type(env, mention) != TYPE, "JSON mentioning weft"


weft_tap.finish()
