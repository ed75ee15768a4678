#!/usr/bin/env python3
# gen-graph.py: a synthetic .weft dataset for benchmarks.
#
# Usage: gen-graph.py ENTITIES RELATIONS OUT.weft [SEED]
# SPDX-License-Identifier: MIT
"""Entities of every kind; relations form a random spanning tree (so the
graph is connected) plus random extra links, mostly between nearby ids
(like real datasets: clusters with a few long ties). A third of the
relations cite a claim of some status, so every edge style occurs."""

import json
import random
import sys

KINDS = ["organization", "company", "government", "person", "place", "group", "technology", "program", "other"]
STATUSES = ["reported", "alleged", "disputed", "confirmed", "denied", "opinion"]
TYPES = ["supplies", "funds", "part_of", "located_in", "accuses", "leads", "sanctioned_by", "partners_with"]


def main():
    n, m, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    entities = [{"id": f"e{i}", "name": f"Entity {i} {rng.choice(['Ltd', 'Group', 'Office', 'Lab', 'Fund'])}",
                 "kind": KINDS[i % len(KINDS)]} for i in range(n)]
    pairs = [(i, rng.randrange(max(0, i - 50), i)) for i in range(1, n)]
    while len(pairs) < m:
        a = rng.randrange(n)
        b = (a + int(rng.expovariate(1 / 30)) + 1) % n if rng.random() < 0.9 else rng.randrange(n)
        if a != b:
            pairs.append((a, b))
    claims, relations = [], []
    for k, (a, b) in enumerate(pairs[:m]):
        rel = {"id": f"r{k}", "from": f"e{a}", "to": f"e{b}", "type": rng.choice(TYPES)}
        if k % 3 == 0:
            claims.append({"id": f"c{k}", "text": f"Claim {k}", "status": rng.choice(STATUSES),
                           "about": [f"e{a}"], "citations": [{"source": "s1", "quote": "q"}]})
            rel["claims"] = [f"c{k}"]
        relations.append(rel)
    doc = {"weft": 1, "title": f"Synthetic {n}/{m}",
           "sources": [{"id": "s1", "title": "A source", "kind": "report"}],
           "entities": entities, "claims": claims, "relations": relations}
    with open(out, "w") as f:
        json.dump(doc, f)


main()
