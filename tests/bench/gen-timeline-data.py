#!/usr/bin/env python3
# gen-timeline-data.py: a large .weft dataset for the timeline benchmark.
#
# Usage: gen-timeline-data.py [--events N] [--years Y] [--entities E]
#                             [--groups G] [--seed S] OUT
# SPDX-License-Identifier: MIT
"""Writes N events spread over Y years ending in 2025, among E entities in G
groups, with the mix of dates real datasets have: days, months, years,
intervals, approximate (~) and uncertain (?) dates, and a few open ends.
The same seed gives the same file."""

import argparse
import json
import random

WORDS = ("sanctions report contract cameras surveillance export ministry city data centre "
         "investment network agreement launch court ruling audit protest acquisition "
         "partnership pilot programme license ban hearing statement leak study").split()
KINDS = ("organization", "company", "government", "person", "place", "group", "technology", "program")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--years", type=int, default=35)
    ap.add_argument("--entities", type=int, default=2000)
    ap.add_argument("--groups", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    a = ap.parse_args()
    r = random.Random(a.seed)
    first = 2025 - a.years

    entities = [{"id": f"e{i}", "name": f"{r.choice(WORDS).title()} {r.choice(WORDS)} {i}",
                 "kind": r.choice(KINDS)} for i in range(a.entities)]
    # A few entities take part in most events, as in real data.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(a.entities)]

    events = []
    for i in range(a.events):
        y = r.randrange(first, 2025)
        m = r.randrange(1, 13)
        d = r.randrange(1, 29)
        q = r.choices(["", "~", "?", "%"], [85, 8, 6, 1])[0]
        kind = r.choices(["day", "month", "year", "interval", "open"], [45, 25, 12, 16, 2])[0]
        if kind == "day":
            date = f"{y:04d}-{m:02d}-{d:02d}{q}"
        elif kind == "month":
            date = f"{y:04d}-{m:02d}{q}"
        elif kind == "year":
            date = f"{y:04d}{q}"
        elif kind == "interval":
            y2 = min(2024, y + r.choice([0, 0, 1, 1, 2, 4]))
            m2 = r.randrange(m if y2 == y else 1, 13)
            date = f"{y:04d}-{m:02d}/{y2:04d}-{m2:02d}{q}"
        else:
            date = r.choice([f"../{y:04d}-{m:02d}", f"{y:04d}-{m:02d}/.."])
        title = " ".join(r.choice(WORDS) for _ in range(r.randrange(2, 9))).capitalize()
        who = {e for e in r.choices(range(a.entities), weights, k=r.randrange(1, 4))}
        events.append({"id": f"v{i}", "title": f"{title} {i}", "date": date,
                       "group": f"Theme {r.randrange(a.groups)}",
                       "participants": [{"entity": f"e{e}"} for e in sorted(who)]})

    doc = {"weft": 1, "title": f"Benchmark: {a.events} events over {a.years} years",
           "entities": entities, "events": events,
           "eras": [{"id": f"era{k}", "title": f"Era {k}",
                     "date": f"{first + 5 * k:04d}/{first + 5 * k + 6:04d}"} for k in range(a.years // 5)]}
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
