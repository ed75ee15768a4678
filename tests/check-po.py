#!/usr/bin/env python3
# check-po.py: a translation is complete and well formed.
#
#   check-po.py MSGFMT LANG.po
#
# msgfmt --check (placeholders that match the English, header, plural forms
# the language declares) with --check-accelerators (one mnemonic where the
# English has one); then no untranslated and no fuzzy message, the
# Plural-Forms that po/README.md gives for the language, and the quotation
# marks the language's conventions choose (Spanish «», Chinese “”), so one
# file does not mix two styles.
#
# SPDX-License-Identifier: MIT

import os
import re
import subprocess
import sys

PLURAL_FORMS = {
    "es": "nplurals=2; plural=(n != 1);",
    "zh_CN": "nplurals=1; plural=0;",
}
# Quotation marks that must not appear in a language's messages.
FOREIGN_QUOTES = {
    "es": "“”",
    "zh_CN": "«»",
}


def msgstrs(path):
    """Every msgstr text of the file, unescaped enough to look at characters."""
    out, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("msgstr"):
                current = [re.match(r'^msgstr(?:\[\d+\])? "(.*)"$', line.rstrip("\n")).group(1)]
                out.append(current)
            elif line.startswith('"') and current is not None:
                current.append(line.rstrip("\n")[1:-1])
            else:
                current = None
    return ["".join(parts) for parts in out]


def main():
    msgfmt, po = sys.argv[1], sys.argv[2]
    lang = os.path.basename(po)[:-3]
    problems = []

    p = subprocess.run([msgfmt, "--check", "--check-accelerators=_", "--statistics", "-o", os.devnull, po],
                       capture_output=True, text=True)
    report = p.stderr.strip()
    print(f"{os.path.basename(po)}: {report}")
    if p.returncode != 0:
        problems.append(f"msgfmt --check failed:\n{report}")
    elif re.search(r"untranslated|fuzzy", report):
        problems.append(f"not complete: {report}")

    strings = msgstrs(po)
    header = strings[0] if strings else ""
    want = PLURAL_FORMS.get(lang)
    if want and f"Plural-Forms: {want}" not in header:
        problems.append(f"the header must say Plural-Forms: {want}")
    for mark in FOREIGN_QUOTES.get(lang, ""):
        bad = [s for s in strings[1:] if mark in s]
        if bad:
            problems.append(f"{len(bad)} messages use {mark}, which is not this language's quotation mark: {bad[0]!r}")
    credits = re.search(r'msgid "translator-credits"\nmsgstr "(.*)"', open(po, encoding="utf-8").read())
    if credits is None or not credits.group(1):
        problems.append("translator-credits is empty")

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
