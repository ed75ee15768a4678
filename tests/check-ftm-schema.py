#!/usr/bin/env python3
# check-ftm-schema.py: compares Weft's FtM schema table (weft-ftm-schema.c,
# printed by ftm-schema-dump) with the FollowTheMoney schema YAML files
# (MIT license, ../shared/corpus/ftm-schema).
#
#   check-ftm-schema.py DUMP SCHEMA_DIR
#
# Every schema that is not abstract must be in the table; edges must name
# the YAML's source and target; Documents must be sources; the temporal
# extent (inherited through "extends", first parent first) must match.
# Prints TAP; skips (a plan of no tests, with the reason) when PyYAML or the
# schema folder is missing.
#
# SPDX-License-Identifier: MIT

import glob
import json
import os
import subprocess
import sys

import weft_tap
from weft_tap import result

dump, schema_dir = sys.argv[1], sys.argv[2]

try:
    import yaml
except ImportError:
    weft_tap.skip_all("PyYAML is not installed (python3-yaml)")
if not os.path.isdir(schema_dir):
    weft_tap.skip_all(f"../shared/corpus not found: {schema_dir}")

schemas = {}
for path in glob.glob(os.path.join(schema_dir, "*.y*ml")):
    with open(path) as f:
        schemas.update(yaml.safe_load(f))

table = {s["name"]: s for s in json.loads(subprocess.run([dump], check=True, capture_output=True, text=True).stdout)}


def ancestors(name):
    out = [name]
    for parent in schemas[name].get("extends") or []:
        out += [a for a in ancestors(parent) if a not in out]
    return out


def extent(name):
    for a in ancestors(name):
        t = schemas[a].get("temporalExtent")
        if t:
            return t.get("start") or [], t.get("end") or []
    return [], []


concrete = sorted(n for n, s in schemas.items() if not s.get("abstract"))
result(sorted(table) == concrete,
       f"the table has every concrete schema (missing {sorted(set(concrete) - set(table))}, "
       f"extra {sorted(set(table) - set(concrete))})")

for name in concrete:
    if name not in table:
        continue
    row = table[name]
    s = schemas[name]
    edge = s.get("edge")
    start, end = extent(name)
    result(row["start"] == start and row["end"] == end,
           f"{name}: temporal extent {row['start']}/{row['end']} is {start}/{end} in the YAML")
    if edge and name != "Documentation":
        result(row["role"] == "edge" and row["source"] == edge["source"] and row["target"] == edge["target"]
               and row["directed"] == bool(edge.get("directed", True)),
               f"{name}: edge {row['source']} -> {row['target']} is {edge['source']} -> {edge['target']} in the YAML")
    elif row["role"] == "edge":
        result(False, f"{name}: an edge in the table but not in the YAML")
    if "Document" in ancestors(name):
        result(row["role"] == "source", f"{name}: extends Document, so it is a source")
    if row["role"] in ("edge", "citation"):
        props = {}
        for a in ancestors(name):
            props.update(schemas[a].get("properties") or {})
        for end_name in (row["source"], row["target"]):
            if end_name is not None:
                result(props.get(end_name, {}).get("type") == "entity",
                       f"{name}: {end_name} is an entity property in the YAML")
    if row["role"] == "entity":
        result("Thing" in ancestors(name), f"{name}: mapped to an entity, so it extends Thing")
    result(row["ancestors"].split() == ancestors(name)[1:],
          f"{name}: extends {row['ancestors']!r}, {ancestors(name)[1:]} in the YAML")
    if row["role"] in ("edge", "citation"):
        props = {}
        for a in reversed(ancestors(name)):
            props.update(schemas[a].get("properties") or {})
        ranges = [props[e].get("range") if e else None for e in (row["source"], row["target"])]
        result(row["ranges"] == ranges, f"{name}: the ends' ranges {row['ranges']} are {ranges} in the YAML")

weft_tap.finish()
