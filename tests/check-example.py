#!/usr/bin/env python3
# check-example.py: checks a .weft example dataset against the article it is
# built from.
#
#   check-example.py ARTICLE DATASET
#
# Verifies the format version, that ids are unique across the whole file,
# that every reference resolves to an item of the right kind, that enum
# values, dates and colours are well formed, that quotes are short
# excerpts, and that the dataset is large enough; then that every citation
# quote occurs verbatim in ARTICLE (../shared/seed, beside the repository:
# without it, that case skips). Prints TAP, a summary and every failure.
#
# SPDX-License-Identifier: MIT

import json
import os
import re
import sys

import weft_tap
from weft_tap import result

MIN_CLAIMS = 40
MIN_EVENTS = 15
MIN_RELATIONS = 30
# A quote is a short excerpt, not a copy of the article.
MAX_QUOTE_WORDS = 50

SOURCE_KINDS = {"article", "report", "survey", "dataset", "book", "other"}
ENTITY_KINDS = {"organization", "company", "government", "person", "place",
                "group", "technology", "program", "other"}
STATUSES = {"reported", "alleged", "disputed", "confirmed", "denied", "opinion"}
SECTIONS = ("sources", "entities", "events", "claims", "relations", "eras")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# One EDTF date (levels 0 and 1): year, month or season, day, qualifier.
POINT_RE = re.compile(
    r"^(?P<year>-?[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?"
    r"(?P<qual>[~?%])?$")


def check_point(text):
    m = POINT_RE.match(text)
    if not m:
        return False
    month, day = m.group("month"), m.group("day")
    if month and "X" not in month:
        mo = int(month)
        if not (1 <= mo <= 12 or (21 <= mo <= 24 and day is None)):
            return False
    if day and "X" not in day and not 1 <= int(day) <= 31:
        return False
    return True


def check_date(text):
    if not isinstance(text, str) or not text:
        return False
    if "/" in text:
        parts = text.split("/")
        if len(parts) != 2:
            return False
        start, end = parts
        if start in ("", "..") and end in ("", ".."):
            return False
        return all(p in ("", "..") or check_point(p) for p in parts)
    return check_point(text)


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} ARTICLE DATASET", file=sys.stderr)
        return 2
    try:
        with open(argv[2], encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        result(False, "the dataset loads", f"cannot load {argv[2]}: {e}")
        weft_tap.finish()

    failures = []
    warnings = []
    quotes = []  # (path, quote) of every citation

    def fail(path, message):
        failures.append(f"{path}: {message}")

    if not isinstance(data, dict):
        result(False, "the dataset loads", "the dataset is not a JSON object")
        weft_tap.finish()
    if data.get("weft") != 1:
        fail("weft", f"expected 1, got {data.get('weft')!r}")
    for key in ("title", "description", "language"):
        if not isinstance(data.get(key), str) or not data.get(key):
            fail(key, "missing or empty")

    items = {}
    for section in SECTIONS:
        value = data.get(section, [])
        if not isinstance(value, list):
            fail(section, "not a list")
            items[section] = []
        else:
            items[section] = [x for x in value if isinstance(x, dict)]
            if len(items[section]) != len(value):
                fail(section, "contains something that is not an object")

    # Ids, unique across the whole file.
    kind_of = {}  # id -> section
    for section in SECTIONS:
        for i, item in enumerate(items[section]):
            path = f"{section}[{i}]"
            ident = item.get("id")
            if not isinstance(ident, str) or not ident:
                fail(path + ".id", "missing")
                continue
            if not ID_RE.match(ident):
                fail(path + ".id", f"{ident!r} is not kebab-case")
            if ident in kind_of:
                fail(path + ".id", f"{ident!r} is also used in {kind_of[ident]}")
            else:
                kind_of[ident] = section

    def ref(path, value, allowed):
        if not isinstance(value, str) or not value:
            fail(path, "missing reference")
        elif value not in kind_of:
            fail(path, f"{value!r} does not resolve")
        elif kind_of[value] not in allowed:
            fail(path, f"{value!r} is in {kind_of[value]}, expected {' or '.join(allowed)}")

    def ref_list(path, value, allowed, required=False):
        if value is None:
            if required:
                fail(path, "missing")
            return
        if not isinstance(value, list) or (required and not value):
            fail(path, "expected a non-empty list" if required else "expected a list")
            return
        for j, v in enumerate(value):
            ref(f"{path}[{j}]", v, allowed)

    def need_str(path, item, key):
        if not isinstance(item.get(key), str) or not item.get(key):
            fail(f"{path}.{key}", "missing or empty")

    def date(path, item, key="date", required=False):
        if key not in item:
            if required:
                fail(f"{path}.{key}", "missing")
            return
        if not check_date(item[key]):
            fail(f"{path}.{key}", f"{item[key]!r} is not an EDTF date")

    for i, s in enumerate(items["sources"]):
        path = f"sources[{i}]"
        need_str(path, s, "title")
        if s.get("kind") not in SOURCE_KINDS:
            fail(path + ".kind", f"{s.get('kind')!r} is not a source kind")
        date(path, s)
        if "cited_by" in s:
            ref(path + ".cited_by", s["cited_by"], ("sources",))
            if s["cited_by"] == s.get("id"):
                fail(path + ".cited_by", "a source cannot cite itself")

    for i, e in enumerate(items["entities"]):
        path = f"entities[{i}]"
        need_str(path, e, "name")
        if e.get("kind") not in ENTITY_KINDS:
            fail(path + ".kind", f"{e.get('kind')!r} is not an entity kind")
        country = e.get("country")
        if country is not None and not re.match(r"^[A-Z]{2}$", str(country)):
            fail(path + ".country", f"{country!r} is not an ISO 3166 alpha-2 code")

    for i, ev in enumerate(items["events"]):
        path = f"events[{i}]"
        need_str(path, ev, "title")
        date(path, ev, required=True)
        parts = ev.get("participants")
        if not isinstance(parts, list):
            fail(path + ".participants", "missing or not a list")
        else:
            for j, p in enumerate(parts):
                if not isinstance(p, dict):
                    fail(f"{path}.participants[{j}]", "not an object")
                else:
                    ref(f"{path}.participants[{j}].entity", p.get("entity"), ("entities",))
        ref_list(path + ".claims", ev.get("claims"), ("claims",))

    for i, c in enumerate(items["claims"]):
        path = f"claims[{i}]"
        need_str(path, c, "text")
        if c.get("status") not in STATUSES:
            fail(path + ".status", f"{c.get('status')!r} is not a claim status")
        if "claimant" in c:
            ref(path + ".claimant", c["claimant"], ("entities",))
        ref_list(path + ".about", c.get("about"), ("entities", "events"), required=True)
        date(path, c)
        cits = c.get("citations")
        if not isinstance(cits, list) or not cits:
            fail(path + ".citations", "a claim needs at least one citation")
            continue
        for j, cit in enumerate(cits):
            cpath = f"{path}.citations[{j}]"
            if not isinstance(cit, dict):
                fail(cpath, "not an object")
                continue
            ref(cpath + ".source", cit.get("source"), ("sources",))
            quote = cit.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                fail(cpath + ".quote", "missing or empty")
            else:
                quotes.append((cpath + ".quote", quote))
                if "\n" in quote or len(quote.split()) > MAX_QUOTE_WORDS:
                    fail(cpath + ".quote", f"longer than a short excerpt ({len(quote.split())} words)")

    for i, r in enumerate(items["relations"]):
        path = f"relations[{i}]"
        ref(path + ".from", r.get("from"), ("entities",))
        ref(path + ".to", r.get("to"), ("entities",))
        if not isinstance(r.get("type"), str) or not re.match(r"^[a-z]+(?:_[a-z0-9]+)*$", r.get("type", "")):
            fail(path + ".type", f"{r.get('type')!r} is not a snake_case verb")
        date(path, r)
        ref_list(path + ".claims", r.get("claims"), ("claims",))
        if not r.get("claims"):
            warnings.append(f"{path}: relation {r.get('id')!r} cites no claim")

    for i, era in enumerate(items["eras"]):
        path = f"eras[{i}]"
        need_str(path, era, "title")
        date(path, era, required=True)
        if "color" in era and not COLOR_RE.match(str(era["color"])):
            fail(path + ".color", f"{era['color']!r} is not #rrggbb")

    counts = {s: len(items[s]) for s in SECTIONS}
    for section, minimum in (("claims", MIN_CLAIMS), ("events", MIN_EVENTS),
                             ("relations", MIN_RELATIONS)):
        if counts[section] < minimum:
            fail(section, f"{counts[section]} {section}, at least {minimum} required")

    n_quotes = sum(len(c.get("citations") or []) for c in items["claims"])
    print(f"# {argv[2]}: " + ", ".join(f"{counts[s]} {s}" for s in SECTIONS)
          + f", {n_quotes} citations")
    for w in warnings:
        print(f"# warning: {w}")
    result(not failures, "well formed: ids unique, references resolve, quotes short",
           f"{len(failures)} problem(s):\n" + "\n".join(failures))

    if not os.path.exists(argv[1]):
        result(True, f"every quote verbatim in the article # SKIP ../shared/seed not found: {argv[1]}")
    else:
        with open(argv[1], encoding="utf-8") as f:
            article = f.read()
        missing = [f"{path}: not verbatim in the article: {quote!r}" for path, quote in quotes
                   if quote not in article]
        result(not missing, "every quote verbatim in the article", "\n".join(missing))
    weft_tap.finish()


if __name__ == "__main__":
    main(sys.argv)
