#!/usr/bin/env python3
# check-flatpak-manifest.py: the Flatpak manifest, read as flatpak-builder would.
#
#   check-flatpak-manifest.py MANIFEST APP_ID
#
# These machines cannot download GNOME runtimes, so the manifest cannot be
# built here; this checks what can be checked without building it:
#   - app id, runtime and SDK (org.gnome.Platform/Sdk, a supported branch), command
#   - finish-args exactly the allowed set: no network, no home or host files
#   - every downloaded source pinned: https URL and a sha256 of 64 hex digits
#   - Graphviz from its upstream release tarball, bindings and unneeded
#     renderers off, pango/cairo and GTS on, `dot -c` after install, and no
#     cleanup pattern that would delete the plugin folder lib/graphviz
#   - json-glib, GTK and libadwaita not rebuilt (they come from the runtime)
#   - the Weft module: meson, this source tree, run-tests, and a display for
#     the GUI tests given to the tests only.
# Prints TAP.
#
# SPDX-License-Identifier: MIT

import fnmatch
import json
import os
import re
import sys

import weft_tap
from weft_tap import case

MANIFEST, APP_ID = sys.argv[1:3]
# The oldest GNOME runtime branch still supported when this was written
# (November 2026: 50 and 51; see flatpak/README.md). Raise it, never lower it.
OLDEST_SUPPORTED_GNOME = 50
ALLOWED_FINISH_ARGS = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"}
BINDINGS = ["swig", "sharp", "d", "go", "guile", "java", "javascript", "lua", "ocaml", "perl",
            "php", "python", "r", "ruby", "tcl"]
UNNEEDED = ["libgd", "gdk", "gdk-pixbuf", "gtk", "qt", "x", "poppler", "rsvg", "ghostscript",
            "webp", "devil", "lasi", "smyrna"]
# Files Graphviz needs at run time, relative to /app; the plugin file names
# carry the library version, so several are tried.
GRAPHVIZ_RUNTIME_FILES = [
    "lib/graphviz",
    "lib/graphviz/config6", "lib/graphviz/config7", "lib/graphviz/config8",
    "lib/libgvc.so.6", "lib/libgvc.so.7", "lib/libcgraph.so.6", "lib/libcgraph.so.7",
    "lib/libcdt.so.5", "lib/libpathplan.so.4", "lib/libxdot.so.4",
] + [f"lib/graphviz/libgvplugin_{p}.so.{v}"
     for p in ("core", "dot_layout", "neato_layout", "pango") for v in (6, 7, 8)]


with open(MANIFEST, encoding="utf-8") as f:
    manifest = json.load(f)
modules = {m["name"]: m for m in manifest.get("modules", []) if isinstance(m, dict)}


def removed_by(pattern, path):
    """Whether a flatpak-builder cleanup pattern removes /app/PATH: patterns
    starting with / are paths (a directory goes with everything in it), the
    others match a file's or directory's name anywhere."""
    parts = path.split("/")
    if pattern.startswith("/"):
        pat = pattern.strip("/").split("/")
        if len(pat) > len(parts):
            return False
        return all(fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pat))
    return any(fnmatch.fnmatchcase(p, pattern) for p in parts)


def sources(module):
    return [s for s in module.get("sources", []) if isinstance(s, dict)]


@case
def test_identity():
    assert manifest.get("id", manifest.get("app-id")) == APP_ID, manifest.get("id")
    assert manifest["runtime"] == "org.gnome.Platform", manifest["runtime"]
    assert manifest["sdk"] == "org.gnome.Sdk", manifest["sdk"]
    assert manifest["command"] == "weft", manifest["command"]


@case
def test_runtime_is_supported():
    version = manifest["runtime-version"]
    assert isinstance(version, str) and re.fullmatch(r"\d+", version), f"{version!r} is not a stable branch"
    assert int(version) >= OLDEST_SUPPORTED_GNOME, f"GNOME {version} is past its end of life"
    notes = " ".join(manifest.get("x-notes", []))
    assert f"runtime-version {version}" in notes, "the choice of runtime is not explained"


@case
def test_finish_args_are_minimal():
    args = manifest.get("finish-args", [])
    assert len(args) == len(set(args)), "a finish-arg is repeated"
    extra = set(args) - ALLOWED_FINISH_ARGS
    missing = ALLOWED_FINISH_ARGS - set(args)
    assert not extra and not missing, f"extra {sorted(extra)}, missing {sorted(missing)}"
    for arg in args:
        assert not arg.startswith("--filesystem"), arg
        assert arg not in ("--share=network", "--socket=x11", "--device=all"), arg


@case
def test_every_download_is_pinned():
    count = 0
    for name, module in modules.items():
        for src in sources(module):
            if src["type"] in ("archive", "file"):
                count += 1
                assert src["url"].startswith("https://"), f"{name}: {src['url']}"
                assert re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")), f"{name}: sha256"
            elif src["type"] == "git":
                assert re.fullmatch(r"[0-9a-f]{40}", src.get("commit", "")), f"{name}: unpinned git"
            else:
                assert src["type"] == "dir" and name == "weft", f"{name}: {src['type']} source"
    assert count >= 1


@case
def test_graphviz_from_its_release_tarball():
    assert "graphviz" in modules, "no graphviz module"
    srcs = sources(modules["graphviz"])
    assert len(srcs) == 1 and srcs[0]["type"] == "archive", srcs
    m = re.fullmatch(r"https://gitlab\.com/api/v4/projects/4207231/packages/generic/graphviz-releases/"
                     r"(\d+\.\d+\.\d+)/graphviz-(\d+\.\d+\.\d+)\.tar\.(xz|gz)", srcs[0]["url"])
    assert m and m.group(1) == m.group(2), srcs[0]["url"]


@case
def test_graphviz_builds_only_what_weft_needs():
    opts = modules["graphviz"].get("config-opts", [])
    for b in BINDINGS:
        assert f"--disable-{b}" in opts and f"--enable-{b}" not in opts, f"{b} bindings"
    for lib in UNNEEDED:
        assert f"--without-{lib}" in opts and f"--with-{lib}" not in opts, lib
    for lib in ("pangocairo", "gts"):
        assert f"--with-{lib}" in opts, f"{lib} is needed"
    if "--with-gts" in opts:
        assert "gts" in modules, "GTS is asked for but not built"
        names = list(modules)
        assert names.index("gts") < names.index("graphviz"), "GTS is built after Graphviz"


@case
def test_graphviz_plugins_registered_and_kept():
    gv = modules["graphviz"]
    assert "dot -c" in [c.strip() for c in gv.get("post-install", [])], "dot -c is not run"
    patterns = manifest.get("cleanup", []) + gv.get("cleanup", [])
    for path in GRAPHVIZ_RUNTIME_FILES:
        culprits = [p for p in patterns if removed_by(p, path)]
        assert not culprits, f"cleanup {culprits} removes /app/{path}"
    # The checker itself catches a pattern that would.
    assert removed_by("/lib/graphviz", "lib/graphviz/config6")
    assert removed_by("graphviz", "lib/graphviz/libgvplugin_core.so.6")
    assert removed_by("/lib/*", "lib/graphviz")
    assert not removed_by("*.la", "lib/graphviz/config6")


@case
def test_runtime_libraries_not_rebuilt():
    for name in modules:
        assert not re.search(r"json-glib|libadwaita|^gtk|glib$", name), f"{name} comes from the runtime"


@case
def test_weft_module():
    assert list(modules)[-1] == "weft", "weft is not the last module"
    weft = modules["weft"]
    assert weft["buildsystem"] == "meson"
    srcs = sources(weft)
    assert len(srcs) == 1 and srcs[0]["type"] == "dir", srcs
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(MANIFEST)), srcs[0]["path"]))
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        assert re.search(r"project\(\s*'weft'", f.read()), f"{root} is not Weft's source tree"
    skip = set(srcs[0].get("skip", []))
    assert {".flatpak-builder", "_flatpak"} <= skip, "the build folders would be copied into the build"
    assert "-Dgui=enabled" in weft.get("config-opts", []), "the window is not built"


@case
def test_weft_tests_run_with_a_display():
    weft = modules["weft"]
    assert weft.get("run-tests") is True, "run-tests is not on"
    test_args = weft.get("build-options", {}).get("test-args", [])
    assert "--socket=x11" in test_args or "--socket=wayland" in test_args, "the GUI tests get no display"
    assert "--env=GDK_BACKEND=x11" in test_args or "--socket=wayland" in test_args
    # A display for the tests is not one for the application.
    assert "--socket=x11" not in manifest["finish-args"]


weft_tap.finish()
