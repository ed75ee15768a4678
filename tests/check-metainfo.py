#!/usr/bin/env python3
# check-metainfo.py: the AppStream metainfo, validated and read.
#
#   check-metainfo.py METAINFO DESKTOP_FILE VERSION [APPSTREAMCLI]
#
# Runs `appstreamcli validate --no-net` and fails on any error, warning or
# info (a pedantic note is allowed: the id io.github.weft.Weft has capitals by
# design). The one info allowed is AppStream 0.16 (Debian 12) not knowing the
# <developer> element that AppStream 1.0 requires. Then checks what the
# software centres show: the launchable is the desktop file, the binary is
# weft, the newest release is VERSION, the four screenshots exist with
# captions at the repository's published address, OARS rating, keyboard and
# pointer support, homepage and bug tracker. Prints TAP.
#
# SPDX-License-Identifier: MIT

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import Skip, case

METAINFO, DESKTOP, VERSION = sys.argv[1:4]
APPSTREAMCLI = sys.argv[4] if len(sys.argv) > 4 else None
APP_ID = "io.github.weft.Weft"
SCREENSHOT_BASE = "https://raw.githubusercontent.com/weft/weft/main/data/screenshots/"
SCREENSHOTS = ["main.png", "graph.png", "timeline.png", "dark.png"]
# Infos an old appstreamcli prints about metadata that newer ones require.
ALLOWED_OLD_INFOS = {("unknown-tag", "developer")}


root = ET.parse(METAINFO).getroot()


@case
def test_appstreamcli_validate():
    if APPSTREAMCLI is None:
        raise Skip("appstreamcli is not installed")
    version = subprocess.run([APPSTREAMCLI, "--version"], capture_output=True, text=True).stdout
    m = re.search(r"(\d+)\.(\d+)", version)
    old = m is not None and int(m.group(1)) < 1
    p = subprocess.run([APPSTREAMCLI, "validate", "--no-net", "--no-color", METAINFO],
                       capture_output=True, text=True, timeout=60)
    out = p.stdout + p.stderr
    assert p.returncode == 0, f"appstreamcli validate failed:\n{out}"
    for line in out.splitlines():
        m = re.match(r"^([EWI]): [^:]+:[^ ]*: (\S+)(?: (.*))?$", line)
        if not m:
            continue
        severity, tag, detail = m.group(1), m.group(2), (m.group(3) or "").strip()
        if severity == "I" and old and (tag, detail) in ALLOWED_OLD_INFOS:
            continue
        raise AssertionError(f"appstreamcli reports: {line}\n{out}")


@case
def test_identity():
    assert root.get("type") == "desktop-application", root.get("type")
    assert root.findtext("id") == APP_ID, root.findtext("id")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == "Weft"
    summary = root.findtext("summary") or ""
    assert 10 <= len(summary) <= 60 and not summary.endswith("."), summary


@case
def test_description_speaks_to_every_audience():
    paras = [" ".join("".join(p.itertext()).split()) for p in root.find("description").findall("p")]
    assert len(paras) >= 3, paras
    assert len(paras[0]) >= 80, "the first paragraph is what software centres show first"
    text = " ".join(paras).lower()
    for audience in ("analysts", "teachers", "offline"):
        assert audience in text, f"nothing for {audience}"


@case
def test_launchable_is_the_desktop_file():
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == os.path.basename(DESKTOP) == APP_ID + ".desktop", launchable.text
    with open(DESKTOP, encoding="utf-8") as f:
        desktop = f.read()
    assert re.search(r"^Exec=weft( |$)", desktop, re.M), "the desktop file does not run weft"
    mime = re.search(r"^MimeType=(.*)$", desktop, re.M).group(1).strip(";").split(";")
    provided = [m.text for m in root.findall("provides/mediatype")]
    assert sorted(mime) == sorted(provided), f"desktop file {mime}, metainfo {provided}"


@case
def test_provides_the_binary():
    assert [b.text for b in root.findall("provides/binary")] == ["weft"]


@case
def test_newest_release_is_this_version():
    releases = root.findall("releases/release")
    assert releases, "no releases"
    newest = releases[0]
    assert newest.get("version") == VERSION, f"newest release {newest.get('version')}, project {VERSION}"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date") or ""), newest.get("date")
    assert newest.find("description/p") is not None, "the release has no notes"


@case
def test_screenshots():
    shots = root.findall("screenshots/screenshot")
    urls = [s.findtext("image") for s in shots]
    assert urls == [SCREENSHOT_BASE + n for n in SCREENSHOTS], urls
    assert [s.get("type") for s in shots].count("default") == 1
    assert shots[0].get("type") == "default"
    for s in shots:
        caption = s.findtext("caption") or ""
        assert 10 <= len(caption) <= 100 and not caption.endswith("."), caption


@case
def test_content_rating_and_controls():
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    controls = sorted(c.text for c in root.findall("supports/control"))
    assert controls == ["keyboard", "pointing"], controls


@case
def test_developer_and_urls():
    dev = root.find("developer")
    assert dev is not None and dev.get("id") and dev.findtext("name"), "developer id and name"
    urls = {u.get("type"): u.text for u in root.findall("url")}
    for kind in ("homepage", "bugtracker"):
        assert urls.get(kind, "").startswith("https://"), f"no {kind}"


weft_tap.finish()
