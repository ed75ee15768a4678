#!/usr/bin/env python3
# check-po-current.py: every translation covers the sources as they are now.
#
#   check-po-current.py SOURCE_ROOT LANG…
#
# check-po.py looks at a .po file alone, so a string added to the sources
# after the last msgmerge passes it while Weft shows it in English. This
# extracts the template from the files in po/POTFILES.in the way meson's
# i18n module does (xgettext, the glib preset's keywords), merges each
# LANG.po with it in a temporary folder (the sources are not touched), and
# fails for every message that is then untranslated or fuzzy. To mend:
# meson compile -C _build weft-pot weft-update-po, then translate
# (po/README.md). Prints TAP.
#
# SPDX-License-Identifier: MIT

import os
import re
import subprocess
import sys
import tempfile

import weft_tap
from weft_tap import result

# meson's i18n 'glib' preset, the keywords and flags po/meson.build uses.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
]


def entries(path):
    """(msgctxt, msgid, flags, translated) for each message of a .po file."""
    out = []
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    for block in blocks:
        fields, flags, current = {}, "", None
        for line in block.split("\n"):
            if line.startswith("#,"):
                flags = line
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                current = m.group(1)
                fields[current] = m.group(2)
            elif line.startswith('"') and current is not None:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            strs = [v for k, v in fields.items() if k.startswith("msgstr")]
            out.append((fields.get("msgctxt"), fields["msgid"], flags, all(strs)))
    return out


def main():
    root, langs = sys.argv[1], sys.argv[2:]
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        sources = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    with tempfile.TemporaryDirectory() as d:
        pot = os.path.join(d, "weft.pot")
        subprocess.run(["xgettext", *XGETTEXT_ARGS, "--package-name=weft", "-o", pot, *sources],
                       cwd=root, check=True, capture_output=True)
        for lang in langs:
            merged = os.path.join(d, lang + ".po")
            subprocess.run(["msgmerge", "--quiet", "--no-wrap", "-o", merged,
                            os.path.join(root, "po", lang + ".po"), pot], check=True)
            bad = [(ctx, msgid, "fuzzy" if "fuzzy" in flags else "untranslated")
                   for ctx, msgid, flags, done in entries(merged) if "fuzzy" in flags or not done]
            result(not bad, f"{lang}.po covers the sources",
                   "\n".join(f"{why}: {ctx + ' | ' if ctx else ''}{msgid}" for ctx, msgid, why in bad))
    weft_tap.finish()


main()
