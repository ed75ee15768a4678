#!/usr/bin/env python3
# check-mnemonics.py: no two entries of one menu share a mnemonic.
#
#   check-mnemonics.py UI-FILE [LANG.po ...]
#
# In a GtkBuilder <menu>, the items of all the sections of one menu (or
# submenu) show together, and Alt plus the letter after "_" picks one: two
# entries with the same letter make the key ambiguous. Checked for the
# English labels and for each translation given (its msgstr for the label;
# Chinese writes the mnemonic as "(_X)", which counts the same). Prints TAP.
#
# SPDX-License-Identifier: MIT

import os
import re
import sys
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import result


def po_messages(path):
    """msgid -> msgstr of a .po file (no plurals, no contexts: menus use neither)."""
    messages, key, current, field = {}, None, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r'^(msgctxt|msgid|msgstr) "(.*)"$', line)
            if m:
                if m.group(1) == "msgctxt" or (m.group(1) == "msgid" and field == "msgstr"):
                    if key is not None and current is not None:
                        messages[key] = current
                    key, current = None, None
                field = m.group(1)
                if field == "msgid":
                    key = m.group(2)
                elif field == "msgstr":
                    current = m.group(2)
            elif line.startswith('"') and field in ("msgid", "msgstr"):
                if field == "msgid":
                    key += line[1:-1]
                else:
                    current += line[1:-1]
    if key is not None and current is not None:
        messages[key] = current
    return messages


def menus(root):
    """Every menu and submenu: (name, [label, …]) with the labels of its
    items and submenus, through its sections."""
    out = []

    def walk(node, name):
        labels = []

        def collect(container):
            for child in container:
                if child.tag == "section":
                    collect(child)
                elif child.tag in ("item", "submenu"):
                    label = child.find("attribute[@name='label']")
                    if label is not None and label.text:
                        labels.append(label.text)
                    if child.tag == "submenu":
                        walk(child, f"{name} > {label.text if label is not None else '?'}")

        collect(node)
        out.append((name, labels))

    for menu in root.iter("menu"):
        walk(menu, menu.get("id", "menu"))
    return out


def mnemonic(label):
    m = re.search(r"_(.)", label)
    return m.group(1).lower() if m else None


def main():
    ui, pos = sys.argv[1], sys.argv[2:]
    root = ET.parse(ui).getroot()
    languages = [("en", None)] + [(os.path.basename(p)[:-3], po_messages(p)) for p in pos]
    for lang, messages in languages:
        for name, labels in menus(root):
            seen, clashes = {}, []
            for label in labels:
                shown = messages.get(label, label) if messages else label
                key = mnemonic(shown)
                if key is None:
                    continue
                if key in seen:
                    clashes.append(f"“{seen[key]}” and “{shown}” both use {key!r}")
                seen[key] = shown
            result(not clashes, f"{lang} {name}", "\n".join(clashes))
    weft_tap.finish()


main()
