#!/usr/bin/env python3
# check-install.py: install Weft into a temporary folder, run the installed
# weft there, then move the whole installed tree elsewhere and run it again.
#
#   check-install.py MESON BUILD_DIR BUILD_WEFT [MSGFMT]
#
# `meson install --destdir` puts every file where intro-installed.json says
# (the desktop file, metainfo, MIME type, schema, icons, example, JSON
# schema, the program). The installed weft must count the installed example
# exactly as the weft in the build folder counts the source one, and must take
# its data and translations from share/ beside its own bin/ (its debug
# messages say which rule chose the folder), wherever the tree is: it is
# moved to another folder and run again, with a made-up translation installed
# to show the translations are read from the moved tree. Prints TAP.
#
# SPDX-License-Identifier: MIT

import json
import os
import shutil
import subprocess
import sys
import tempfile

import weft_tap
from weft_tap import Skip, case

MESON, BUILD_DIR, BUILD_WEFT = sys.argv[1:4]
MSGFMT = sys.argv[4] if len(sys.argv) > 4 else None
APP_ID = "io.github.weft.Weft"


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("WEFT_DATADIR", "WEFT_LOCALEDIR", "G_MESSAGES_DEBUG", "LANGUAGE", "LANG")}
    env["LC_ALL"] = "C.UTF-8"
    env.update(extra)
    return env


def run(weft, *args, **env):
    p = subprocess.run([weft, *args], capture_output=True, text=True, env=clean_env(**env), timeout=60)
    return p.returncode, p.stdout, p.stderr


with open(os.path.join(BUILD_DIR, "meson-info", "intro-installed.json"), encoding="utf-8") as f:
    installed = sorted(set(json.load(f).values()))
weft_dest = next(d for d in installed if os.path.basename(d) == "weft" and os.path.basename(os.path.dirname(d)) == "bin")
example_dest = next(d for d in installed if d.endswith("/examples/smart-cities.weft"))
prefix = os.path.dirname(os.path.dirname(weft_dest))

tmp = os.path.realpath(tempfile.mkdtemp(prefix="weft-install-"))
destdir = os.path.join(tmp, "destdir")
p = subprocess.run([MESON, "install", "-C", BUILD_DIR, "--destdir", destdir, "--no-rebuild", "--quiet"],
                   capture_output=True, text=True, timeout=120)
install_log = p.stdout + p.stderr


def staged(path):
    return os.path.join(destdir, path.lstrip("/"))


@case
def test_meson_install_succeeds():
    assert p.returncode == 0, install_log


@case
def test_every_file_is_installed():
    missing = [d for d in installed if not os.path.isfile(staged(d))]
    assert not missing, f"missing: {missing}"
    names = {os.path.basename(d) for d in installed}
    for wanted in ("weft", "smart-cities.weft", "weft.schema.json", APP_ID + ".xml",
                   APP_ID + ".gschema.xml"):
        assert wanted in names, f"{wanted} is not installed"
    if APP_ID + ".desktop" in names:
        # With the window come its launcher, its software-centre page and its icons.
        for wanted in (APP_ID + ".metainfo.xml", APP_ID + ".svg", APP_ID + "-symbolic.svg"):
            assert wanted in names, f"{wanted} is not installed"
    schema_dir = os.path.dirname(next(d for d in installed if d.endswith(".gschema.xml")))
    assert schema_dir.endswith("/share/glib-2.0/schemas"), schema_dir
    assert not os.path.exists(staged(os.path.join(schema_dir, "gschemas.compiled"))), \
        "schemas compiled into a DESTDIR (the packager's trigger does that)"


_, expected_stats, _ = run(BUILD_WEFT, "stats", os.path.join(os.path.dirname(__file__), "..", "data",
                                                             "examples", "smart-cities.weft"))


@case
def test_installed_weft_reads_the_installed_example():
    rc, out, err = run(staged(weft_dest), "stats", staged(example_dest))
    assert rc == 0, err
    assert "entities:" in out and out == expected_stats, f"{out}\n---\n{expected_stats}"


def data_messages(weft):
    rc, out, err = run(weft, "--version", G_MESSAGES_DEBUG="weft-core")
    assert rc == 0, err
    return out + err


@case
def test_installed_weft_finds_its_data_beside_it():
    messages = data_messages(staged(weft_dest))
    want = os.path.join(staged(prefix), "share", "weft")
    assert f"Data beside the program ({staged(weft_dest)}): {want}" in messages, messages


moved = os.path.join(tmp, "somewhere", "else", "weft")
if os.path.isdir(staged(prefix)):
    os.makedirs(os.path.dirname(moved))
    shutil.move(staged(prefix), moved)
moved_weft = os.path.join(moved, os.path.relpath(weft_dest, prefix))
moved_example = os.path.join(moved, os.path.relpath(example_dest, prefix))


@case
def test_moved_tree_still_works():
    assert not os.path.exists(staged(prefix)), "the tree was not moved"
    rc, out, err = run(moved_weft, "stats", moved_example)
    assert rc == 0, err
    assert out == expected_stats, out
    messages = data_messages(moved_weft)
    assert f"Data beside the program ({moved_weft}): {os.path.join(moved, 'share', 'weft')}" in messages, messages
    assert f"Translations from {os.path.join(moved, 'share', 'locale')}" in messages, messages


@case
def test_moved_tree_reads_its_translations():
    if not MSGFMT:
        raise Skip("msgfmt is not installed")
    po = os.path.join(tmp, "xx.po")
    with open(po, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                'msgid "Usage:"\nmsgstr "Modo de empleo (xx):"\n')
    mo_dir = os.path.join(moved, "share", "locale", "xx", "LC_MESSAGES")
    os.makedirs(mo_dir, exist_ok=True)
    subprocess.run([MSGFMT, "-o", os.path.join(mo_dir, "weft.mo"), po], check=True)
    rc, out, err = run(moved_weft, "--help", LANGUAGE="xx")
    assert rc == 0, err
    assert out.splitlines()[0] == "Modo de empleo (xx):", out.splitlines()[:2]
    rc, out, _ = run(moved_weft, "--help")
    assert out.splitlines()[0] == "Usage:", "the made-up language leaks without LANGUAGE"


shutil.rmtree(tmp, ignore_errors=True)

weft_tap.finish()
