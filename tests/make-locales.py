#!/usr/bin/env python3
# make-locales.py: compiles the system locales the translation tests run in.
#
#   make-locales.py OUTDIR STAMP LOCALE…
#
# The tests check that numbers follow the user's locale (es_ES groups digits
# with ".", zh_CN with ","), but a build machine or a container usually has
# only C.UTF-8 installed. glibc's localedef compiles a locale from its
# source (Debian's "locales" package) into OUTDIR/NAME.UTF-8, which a
# program reads with LOCPATH=OUTDIR, without root. A locale that cannot be
# compiled is left out, and the tests that need it skip. STAMP lists the
# locales made.
#
# SPDX-License-Identifier: MIT

import os
import shutil
import subprocess
import sys

SOURCES = "/usr/share/i18n/locales"


def main():
    outdir, stamp, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    localedef = shutil.which("localedef")
    made = []
    for name in wanted:
        target = os.path.join(outdir, f"{name}.UTF-8")
        if os.path.isfile(os.path.join(target, "LC_NUMERIC")):
            made.append(name)
            continue
        if localedef is None or not os.path.isfile(os.path.join(SOURCES, name)):
            print(f"make-locales: cannot compile {name} (localedef or its source is missing)", file=sys.stderr)
            continue
        # localedef exits 1 for warnings about the source; the files it
        # wrote are what counts.
        subprocess.run([localedef, "-i", name, "-f", "UTF-8", target],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if os.path.isfile(os.path.join(target, "LC_NUMERIC")):
            made.append(name)
        else:
            print(f"make-locales: localedef could not compile {name}", file=sys.stderr)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write("".join(f"{name}.UTF-8\n" for name in made))
    return 0


if __name__ == "__main__":
    sys.exit(main())
