#!/usr/bin/env python3
# test-i18n.py: Weft in Spanish and Simplified Chinese.
#
# Usage: test-i18n.py WEFT MO_ROOT LOCPATH DESKTOP METAINFO MIME
#
#   MO_ROOT   the build's po/ folder (LANG/LC_MESSAGES/weft.mo)
#   LOCPATH   compiled system locales (tests/make-locales.py); may be empty
#   DESKTOP, METAINFO, MIME   the merged data files of the build
#
# SPDX-License-Identifier: MIT
"""Runs the weft command line under LANGUAGE=es and LANGUAGE=zh_CN and checks
that what it prints is the translation: help, validation messages (with the
FILE:LINE:COLUMN prefix and the JSON path left as they are), plurals, month
names; that what scripts read (weft stats) is not translated and not grouped
by the locale; and that the desktop file, the metainfo and the MIME type carry
both translations. The expected text comes from the compiled catalogues,
read with Python's own gettext, so the test follows the translations as they
change but fails when weft shows English. Prints TAP."""

import gettext
import os
import re
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

import weft_tap
from weft_tap import EXAMPLE, Skip, case, expect

WEFT, MO_ROOT, LOCPATH, DESKTOP, METAINFO, MIME = sys.argv[1:7]
LANGS = ("es", "zh_CN")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def catalogue(lang):
    with open(os.path.join(MO_ROOT, lang, "LC_MESSAGES", "weft.mo"), "rb") as f:
        return gettext.GNUTranslations(f)


T = {lang: catalogue(lang) for lang in LANGS}


def run(*args, lang=None, locale="C.UTF-8", locpath=False):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LANG", "LC_MESSAGES", "LOCPATH")}
    env["LC_ALL"] = locale
    if lang:
        env["LANGUAGE"] = lang
    if locpath:
        env["LOCPATH"] = LOCPATH
    return weft_tap.run([WEFT, *args], env=env)


CONVERSION = re.compile(r"%(?:(\d+)\$)?([-+ #0']*)(\d*)(?:\.(\d+))?(?:ll|l|h)?([sducxX%])")


def cfmt(fmt, *args):
    """printf in the C locale, with %N$ positions, as weft's g_strdup_printf."""
    position = 0

    def one(m):
        nonlocal position
        index, flags, width, precision, conv = m.groups()
        if conv == "%":
            return "%"
        if index:
            value = args[int(index) - 1]
        else:
            value = args[position]
            position += 1
        spec = "%" + flags.replace("'", "") + width + (f".{precision}" if precision else "")
        return (spec + {"u": "d"}.get(conv, conv)) % value

    return CONVERSION.sub(one, fmt)


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def dataset(errors_month, unknown_members):
    """A .weft file with one invalid month per date given and one unknown member per name."""
    events = ",".join(f'{{"id": "e{i}", "title": "t", "date": "{d}", "participants": []}}'
                      for i, d in enumerate(errors_month))
    extra = "".join(f', "{m}": 1' for m in unknown_members)
    return f'{{"weft": 1, "title": "x", "entities": [], "events": [{events}]{extra}}}\n'


DIAGNOSTIC = re.compile(r"^(?P<pos>[^:]+:\d+:\d+): (?P<sev>error|warning): (?P<path>\S+): (?P<msg>.*)$")
MONTH = ("month %1$02d is out of range (01–12) in “%2$s”; seasons are 21–24, "
         "as in “2021-21” for spring 2021")
UNKNOWN = "unknown member “%s”; Weft keeps it as it is and writes it back"


@case
def test_help_is_translated():
    for lang, t in T.items():
        code, out, _ = run("--help", lang=lang)
        lines = out.splitlines()
        expect(code == 0, f"{lang}: exit {code}")
        expect(t.gettext("Usage:") != "Usage:", f"{lang}: the catalogue does not translate Usage:")
        expect(lines[0] == t.gettext("Usage:"), f"{lang}: first line {lines[0]!r}")
        for heading in ("Commands:", "Options:"):
            expect(t.gettext(heading) in lines and heading not in lines, f"{lang}: {heading}\n{out}")
        rows = [line for line in lines if line.startswith("  validate ") or line.startswith("  stats ")]
        expect(len(rows) == 2, f"{lang}: command rows {rows}")
        summary = t.gettext("Check files and list every problem with its line and column")
        expect(rows[0].startswith("  validate " + t.gettext("FILE…")) and rows[0].endswith(summary),
               f"{lang}: {rows[0]!r}")
        # The summaries line up in the terminal, however wide the translated
        # parameters are (CJK characters take two columns).
        columns = {width(row[:row.index(t.gettext(s))])
                   for row, s in zip(rows, ("Check files and list every problem with its line and column",
                                            "Count what a dataset holds"))}
        expect(len(columns) == 1, f"{lang}: summaries start at columns {columns}\n{out}")


@case
def test_command_help_is_translated():
    for lang, t in T.items():
        code, out, _ = run("convert", "--help", lang=lang)
        expect(code == 0, f"{lang}: exit {code}")
        option = t.gettext("Stop at the first problem, even a warning, and write nothing")
        expect(re.search(r"^\s+--strict\s+" + re.escape(option) + "$", out, re.M), f"{lang}:\n{out}")
        expect("--from=" + t.gettext("FORMAT") in out, f"{lang}: the FORMAT placeholder\n{out}")
        expect("weft [" in out and " convert " + t.gettext("IN OUT") in out, f"{lang}: usage line\n{out}")


@case
def test_validate_messages_keep_their_position():
    with tempfile.TemporaryDirectory() as d:
        bad = write(d, "bad.weft", dataset(["2021-13"], ["foo"]))
        code_en, out_en, _ = run("validate", bad)
        english = [DIAGNOSTIC.match(line) for line in out_en.splitlines()[:-1]]
        expect(code_en == 1 and len(english) == 2 and all(english), out_en)
        for lang, t in T.items():
            code, out, _ = run("validate", bad, lang=lang)
            expect(code == code_en, f"{lang}: exit {code}, in English {code_en}")
            lines = out.splitlines()
            expected_msgs = {"error": cfmt(t.gettext(MONTH), 13, "2021-13"),
                             "warning": cfmt(t.gettext(UNKNOWN), "foo")}
            for m, line in zip(english, lines):
                # FILE:LINE:COLUMN and the JSON path do not change; the
                # severity and the message are translated.
                want = (f"{m['pos']}: {t.gettext(m['sev'])}: {m['path']}: "
                        f"{expected_msgs[m['sev']]}")
                expect(line == want, f"{lang}:\n got  {line}\n want {want}")
                expect(m["msg"] not in line, f"{lang}: English message in {line}")


@case
def test_plural_forms():
    with tempfile.TemporaryDirectory() as d:
        one_two = write(d, "one.weft", dataset(["2021-13"], ["foo", "bar"]))
        two_one = write(d, "two.weft", dataset(["2021-13", "2021-14"], ["foo"]))
        for lang, t in T.items():
            for path, errors, warnings in ((one_two, 1, 2), (two_one, 2, 1)):
                code, out, _ = run("validate", path, lang=lang)
                e = cfmt(t.ngettext("%u error", "%u errors", errors), errors)
                w = cfmt(t.ngettext("%u warning", "%u warnings", warnings), warnings)
                want = cfmt(t.gettext("%s: %s, %s\n"), path, e, w)
                expect(out.endswith(want), f"{lang}: summary\n got  {out.splitlines()[-1]!r}\n want {want!r}")
        # Spanish has two forms, Chinese one; the catalogues say so.
        es, zh = T["es"], T["zh_CN"]
        expect(cfmt(es.ngettext("%u error", "%u errors", 1), 1) == "1 error", "es singular")
        expect(cfmt(es.ngettext("%u error", "%u errors", 2), 2) == "2 errores", "es plural")
        expect(zh.ngettext("%u error", "%u errors", 1) == zh.ngettext("%u error", "%u errors", 2),
               "zh_CN has one form")


@case
def test_usage_errors_are_translated():
    for lang, t in T.items():
        code, _, err = run("stats", lang=lang)
        expect(code == 2 and err == t.gettext("weft stats: name one file\n"), f"{lang}: {code} {err!r}")
        code, _, err = run("validate", lang=lang)
        expect(code == 2 and err == t.gettext("weft validate: name at least one file\n"), f"{lang}: {err!r}")
        code, _, err = run("graph", EXAMPLE, "out.svg", "--hops", "7", lang=lang)
        expect(code == 2 and err == t.gettext("weft graph: --hops must be 1, 2 or 3\n"), f"{lang}: {err!r}")


@case
def test_stats_stay_machine_readable():
    code, english, _ = run("stats", EXAMPLE)
    expect(code == 0 and re.search(r"^entities: \d+$", english, re.M), english)
    for lang in LANGS:
        code, out, _ = run("stats", EXAMPLE, lang=lang)
        expect(code == 0 and out == english, f"{lang}: stats differ from English:\n{out}")
    # Not grouped by the locale either, even where the locale groups digits.
    locales = open(os.path.join(LOCPATH, "..", "locales.stamp")).read().split() if LOCPATH else []
    if "es_ES.UTF-8" not in locales:
        raise Skip("es_ES.UTF-8 could not be compiled (install the locales package)")
    with tempfile.TemporaryDirectory() as d:
        entities = ",".join(f'{{"id": "p{i}", "name": "P{i}", "kind": "person"}}' for i in range(1234))
        big = write(d, "big.weft", f'{{"weft": 1, "title": "big", "entities": [{entities}]}}')
        code, out, err = run("stats", big, lang="es", locale="es_ES.UTF-8", locpath=True)
        expect(code == 0 and "entities: 1234\n" in out, f"{out}{err}")


@case
def test_month_names_come_from_the_translations():
    with tempfile.TemporaryDirectory() as d:
        svg = os.path.join(d, "t.svg")
        months = ("January", "February", "March", "April", "May", "June")
        abbreviations = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
        for lang, t in T.items():
            code, _, err = run("timeline", EXAMPLE, svg, "--from", "2019-01", "--to", "2019-06", lang=lang)
            expect(code == 0, f"{lang}: {err}")
            with open(svg, encoding="utf-8") as f:
                texts = set(re.findall(r"<text[^>]*>([^<]*)</text>", f.read()))
            axis = t.pgettext("timeline axis", "%1$s %2$s")
            for name, short in zip(months, abbreviations):
                forms = {cfmt(axis, t.pgettext("month", name), "2019"),
                         cfmt(axis, t.pgettext("abbreviated month", short), "2019")}
                expect(forms & texts, f"{lang}: none of {forms} on the axis: {sorted(texts)}")
                expect(f"{name} 2019" not in texts, f"{lang}: {name} 2019 in English")
            legend = t.pgettext("claim status", "Confirmed")
            expect(legend != "Confirmed" and legend in texts, f"{lang}: legend {legend!r}")


@case
def test_centuries_in_the_language_numerals():
    # Four entities joined by events dated with unspecified digits; weft path
    # names each event with its short date.
    dates = (("19XX", "short century", "%sth c.", 20), ("00XX", "short century", "%sst c.", 1),
             ("13XX", "short century", "%sth c.", 14), ("1XXX", "short millennium", "%snd mill.", 2))
    roman = {20: "XX", 1: "I", 14: "XIV", 2: "II"}
    entities = ",".join(f'{{"id": "e{i}", "name": "E{i}", "kind": "company"}}' for i in range(len(dates) + 1))
    events = ",".join(f'{{"id": "v{i}", "title": "t{i}", "date": "{d[0]}", '
                      f'"participants": [{{"entity": "e{i}"}}, {{"entity": "e{i + 1}"}}]}}'
                      for i, d in enumerate(dates))
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "c.weft", f'{{"weft": 1, "title": "c", "entities": [{entities}], "events": [{events}]}}')
        code, out, err = run("path", path, "e0", f"e{len(dates)}")
        expect(code == 0, err)
        for _, _, english, n in dates:
            expect(english.replace("%s", str(n)) in out, f"{english % n!r} not in\n{out}")
        numerals = {"es": "roman", "zh_CN": "arabic"}
        for lang, t in T.items():
            expect(t.pgettext("century numerals", "arabic") == numerals[lang], f"{lang}: numerals")
            code, out, err = run("path", path, "e0", f"e{len(dates)}", lang=lang)
            expect(code == 0, f"{lang}: {err}")
            for _, context, msgid, n in dates:
                number = roman[n] if numerals[lang] == "roman" else str(n)
                want = cfmt(t.pgettext(context, msgid), number)
                expect(want in out, f"{lang}: {want!r} not in\n{out}")
            if lang == "es":
                expect("s. XIV" in out and "mil. II" in out, out)


@case
def test_desktop_file_is_translated():
    with open(DESKTOP, encoding="utf-8") as f:
        entries = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line and not line.startswith("#"))
    for lang, t in T.items():
        for key in ("GenericName", "Comment", "Keywords"):
            english = entries[key]
            want = t.gettext(english)
            expect(want != english, f"{lang}: {key} is not translated in the catalogue")
            expect(entries.get(f"{key}[{lang}]") == want, f"{lang}: {key}[{lang}]={entries.get(f'{key}[{lang}]')!r}")
        expect(entries[f"Keywords[{lang}]"].endswith(";"), f"{lang}: Keywords must end with ';'")


def texts_by_lang(root, tag):
    """{lang or None: [normalised text, …]} of every TAG element."""
    out = {}
    for el in root.iter(tag):
        if el.get("translate") == "no":
            continue
        text = " ".join("".join(el.itertext()).split())
        out.setdefault(el.get(XML_LANG), []).append(text)
    return out


@case
def test_metainfo_is_translated():
    root = ET.parse(METAINFO).getroot()
    for tag in ("summary", "p", "caption", "name"):
        found = texts_by_lang(root, tag)
        english = found.get(None, [])
        expect(english, f"no <{tag}> in the metainfo")
        for lang, t in T.items():
            translated = found.get(lang, [])
            for text in english:
                want = t.gettext(text)
                if tag == "name" and want == text:
                    continue  # the application's name, "Weft", stays
                expect(want != text, f"{lang}: <{tag}> {text!r} is not translated")
                expect(want in translated, f"{lang}: <{tag} xml:lang> lacks {want!r}")


@case
def test_mime_comment_is_translated():
    root = ET.parse(MIME).getroot()
    found = texts_by_lang(root, "{http://www.freedesktop.org/standards/shared-mime-info}comment")
    english = found[None][0]
    for lang, t in T.items():
        want = t.gettext(english)
        expect(want != english and found.get(lang) == [want], f"{lang}: {found.get(lang)}")


weft_tap.finish()
