#!/usr/bin/env python3
# check-potfiles.py: po/POTFILES.in lists every file with translatable strings.
#
#   check-potfiles.py SOURCE_ROOT           check the source tree
#   check-potfiles.py --self-test           check that the check catches a
#                                           missing file and a stale entry
#
# A file has translatable strings when it contains _(, N_(, C_(, NC_(, Q_(,
# ngettext ( or translatable="yes". Files under src/ and data/ are searched
# (C sources and headers, GtkBuilder .ui files, .in templates, XML); tests/ and
# build folders are not. Every POTFILES.in line must also name an existing
# file, or generating the .pot fails. Exits 1 listing every problem.
#
# SPDX-License-Identifier: MIT

import os
import re
import shutil
import subprocess
import sys
import tempfile

SEARCHED_DIRS = ("src", "data")
SEARCHED_SUFFIXES = (".c", ".h", ".ui", ".in", ".xml", ".desktop", ".py", ".js")
MARKERS = re.compile(r'(?<![\w])(?:NC_|[NCQ]_|_|g_dngettext|ngettext)\s*\(|translatable="yes"')


def listed(root):
    entries = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append(line)
    return entries


def translatable_files(root):
    found = []
    for top in SEARCHED_DIRS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_build")))
            for name in sorted(files):
                if not name.endswith(SEARCHED_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except UnicodeDecodeError:
                    continue
                if MARKERS.search(text):
                    found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return found


def problems(root):
    entries = listed(root)
    out = []
    for rel in translatable_files(root):
        if rel not in entries:
            out.append(f"{rel} has translatable strings but is not in po/POTFILES.in")
    for rel in entries:
        if not os.path.isfile(os.path.join(root, rel)):
            out.append(f"po/POTFILES.in lists {rel}, which does not exist")
    if len(set(entries)) != len(entries):
        out.append("po/POTFILES.in lists a file twice")
    return out


def self_test():
    """The check must fail on a tree that lacks an entry or lists a stale one."""
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "po"))
        os.makedirs(os.path.join(tmp, "src", "ui"))
        os.makedirs(os.path.join(tmp, "data"))
        files = {
            "src/a.c": 'g_print ("%s", _("Hello"));\n',
            "src/b.c": 'static const char *s = N_("Later");\n',
            "src/c.c": 'g_print ("%s", C_("menu", "Open"));\n',
            "src/ui/d.ui": '<property name="label" translatable="yes">Open</property>\n',
            "src/plain.c": 'int weft_answer (void) { return g_strcmp0 (a_b, c_(d)); }\n',
        }
        for rel, text in files.items():
            with open(os.path.join(tmp, rel), "w", encoding="utf-8") as f:
                f.write(text)
        complete = ["src/a.c", "src/b.c", "src/c.c", "src/ui/d.ui"]

        def write_potfiles(lines):
            with open(os.path.join(tmp, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
                f.write("# comment\n" + "\n".join(lines) + "\n")

        write_potfiles(complete)
        if problems(tmp):
            failures.append(f"a complete list is reported: {problems(tmp)}")
        for missing in complete:
            write_potfiles([e for e in complete if e != missing])
            found = problems(tmp)
            if not any(missing in p for p in found):
                failures.append(f"{missing} missing from POTFILES.in is not reported")
        write_potfiles(complete + ["src/gone.c"])
        if not any("src/gone.c" in p for p in problems(tmp)):
            failures.append("a stale entry is not reported")
        # The script itself, run as a program, exits 1 on an incomplete list.
        write_potfiles(complete[1:])
        rc = subprocess.run([sys.executable, __file__, tmp], capture_output=True).returncode
        if rc != 1:
            failures.append(f"exit status {rc} for an incomplete list, expected 1")
        shutil.rmtree(os.path.join(tmp, "src"))
    return failures


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        failures = self_test()
        for f in failures:
            print("FAIL:", f)
        print("self-test:", "failed" if failures else "the check catches missing and stale entries")
        return 1 if failures else 0
    if len(sys.argv) != 2:
        print(__doc__ or "usage: check-potfiles.py SOURCE_ROOT | --self-test", file=sys.stderr)
        return 2
    found = problems(sys.argv[1])
    for p in found:
        print(p)
    if not found:
        print(f"po/POTFILES.in lists all {len(translatable_files(sys.argv[1]))} files with translatable strings")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
