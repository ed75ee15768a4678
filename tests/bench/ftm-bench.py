#!/usr/bin/env python3
# ftm-bench.py: streaming FollowTheMoney import, against python's json module.
#
#   tests/bench/ftm-bench.py WEFT [--lines N] [--runs R] [--dir DIR] [--keep]
#
# Generates N FtM JSON lines (default one million: people, companies,
# addresses, ownerships, directorships, memberships, events, documents and
# documentation, with a few properties each), then measures, on the same
# file, wall time and peak resident memory (wait4 rusage of each child) of:
#
#   python:  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' FILE
#   check:   weft convert --check FILE            (streaming import only)
#   convert: weft convert FILE OUT.ftm            (import and FtM export)
#   focus:   weft convert --check --focus ID --hops 2 FILE, on the full file and on
#            a quarter of it that holds the same neighbourhood: peak memory
#            should follow what is kept, not the size of the file.
#
# Times are the best of R runs (default 3). Prints a table with ratios.
# SPDX-License-Identifier: MIT

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

PYTHON_READER = "import json,sys; [json.loads(l) for l in open(sys.argv[1])]"

FIRST = ["Ada", "Charles", "Grace", "Alan", "Hedy", "Katherine", "Tim", "Radia", "Linus", "Margaret",
         "Edsger", "Barbara", "Donald", "Frances", "Ken", "Dennis", "Jean", "Mary", "John", "Sophie"]
LAST = ["Lovelace", "Babbage", "Hopper", "Turing", "Lamarr", "Johnson", "Berners-Lee", "Perlman", "Torvalds",
        "Hamilton", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Ritchie", "Bartik", "Keller", "Müller"]
WORDS = ["Holdings", "Trading", "Analytical", "Engines", "Logistics", "Shipping", "Capital", "Mining",
         "Systems", "Telecom", "Surveillance", "Vision", "Cloud", "Data", "Energy", "Ventures"]
COUNTRIES = ["gb", "us", "cn", "de", "fr", "ru", "cy", "pa", "vg", "hk", "ae", "ch"]


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def line(id_, schema, props):
    parts = []
    for k, values in props.items():
        parts.append('"%s": [%s]' % (k, ", ".join('"%s"' % esc(v) for v in values)))
    return '{"id": "%s", "schema": "%s", "properties": {%s}, "datasets": ["bench"]}\n' % (id_, schema, ", ".join(parts))


def date(rng):
    y = rng.randint(1950, 2023)
    r = rng.random()
    if r < 0.3:
        return "%04d" % y
    if r < 0.6:
        return "%04d-%02d" % (y, rng.randint(1, 12))
    return "%04d-%02d-%02d" % (y, rng.randint(1, 12), rng.randint(1, 28))


def cluster_lines():
    """A fixed neighbourhood around focus-0, the same in every file."""
    out = [line("focus-0", "Person", {"name": ["Focus Person"], "nationality": ["gb"]})]
    for i in range(1, 40):
        out.append(line(f"focus-{i}", "Company", {"name": [f"Focus Company {i}"], "jurisdiction": ["cy"]}))
        out.append(line(f"focus-own-{i}", "Ownership",
                        {"owner": [f"focus-{(i - 1) // 3}"], "asset": [f"focus-{i}"], "startDate": ["2010-01"]}))
    out.append(line("focus-doc", "Document", {"title": ["Focus leak"], "date": ["2016-04-03"]}))
    out.append(line("focus-docu", "Documentation", {"document": ["focus-doc"], "entity": ["focus-0"]}))
    return out


def generate(path, n, seed=1):
    rng = random.Random(seed)
    cluster = cluster_lines()
    at = set(rng.sample(range(n), len(cluster)))
    people, companies, documents = [], [], []
    with open(path, "w", encoding="utf-8") as f:
        ci = 0
        for i in range(n):
            if i in at and ci < len(cluster):
                f.write(cluster[ci])
                ci += 1
                continue
            r = rng.random()
            if r < 0.30 or len(people) < 10:
                people.append(f"p{i}")
                f.write(line(f"p{i}", "Person", {
                    "name": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
                    "birthDate": [date(rng)], "nationality": [rng.choice(COUNTRIES)],
                    "country": [rng.choice(COUNTRIES)]}))
            elif r < 0.55 or len(companies) < 10:
                companies.append(f"c{i}")
                f.write(line(f"c{i}", "Company", {
                    "name": [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.randint(1, 999)}"],
                    "jurisdiction": [rng.choice(COUNTRIES)], "incorporationDate": [date(rng)],
                    "registrationNumber": [str(rng.randint(10 ** 6, 10 ** 8))]}))
            elif r < 0.60:
                f.write(line(f"a{i}", "Address", {"full": [f"{rng.randint(1, 200)} {rng.choice(LAST)} Street"],
                                                   "country": [rng.choice(COUNTRIES)]}))
            elif r < 0.75:
                f.write(line(f"o{i}", "Ownership", {
                    "owner": [rng.choice(people)], "asset": [rng.choice(companies)],
                    "startDate": [date(rng)], "percentage": [str(rng.randint(1, 100))]}))
            elif r < 0.85:
                f.write(line(f"d{i}", "Directorship", {
                    "director": [rng.choice(people)], "organization": [rng.choice(companies)],
                    "role": ["Director"], "startDate": [date(rng)], "endDate": ["2024"]}))
            elif r < 0.90:
                f.write(line(f"m{i}", "Membership", {
                    "member": [rng.choice(people)], "organization": [rng.choice(companies)]}))
            elif r < 0.94:
                f.write(line(f"e{i}", "Event", {
                    "name": [f"Meeting {i}"], "date": [date(rng)],
                    "involved": [rng.choice(people), rng.choice(companies)]}))
            elif r < 0.97 or not documents:
                documents.append(f"doc{i}")
                f.write(line(f"doc{i}", "Article", {"title": [f"Report {i}"], "publishedAt": [date(rng)],
                                                     "author": [rng.choice(LAST)]}))
            else:
                f.write(line(f"docu{i}", "Documentation", {
                    "document": [rng.choice(documents)], "entity": [rng.choice(people)]}))
    return path


def measure(argv, runs):
    """Best wall time, best CPU time (user + system) and peak RSS (KiB) of
    @argv over @runs runs. CPU time is steadier on a shared machine."""
    best_time, best_cpu, peak = None, None, 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err}")
        cpu = usage.ru_utime + usage.ru_stime
        best_time = elapsed if best_time is None else min(best_time, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        peak = max(peak, usage.ru_maxrss)
    return best_time, best_cpu, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("weft")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    work = args.dir or tempfile.mkdtemp(prefix="weft-ftm-bench-")
    os.makedirs(work, exist_ok=True)
    big = os.path.join(work, f"bench-{args.lines}.ftm")
    small = os.path.join(work, f"bench-{args.lines // 4}.ftm")
    try:
        if not os.path.exists(big):
            generate(big, args.lines, seed=1)
        if not os.path.exists(small):
            generate(small, args.lines // 4, seed=2)
        size = os.path.getsize(big)
        print(f"input: {big}: {args.lines} lines, {size / 2**20:.0f} MiB")

        rows = []
        rows.append(("python json.loads (all lines)", *measure([sys.executable, "-c", PYTHON_READER, big], args.runs)))
        rows.append(("weft convert --check", *measure([args.weft, "convert", "--check", "-q", big], args.runs)))
        out = os.path.join(work, "out.ftm")
        rows.append(("weft convert IN OUT.ftm", *measure([args.weft, "convert", "-q", big, out], args.runs)))
        rows.append((f"weft --focus, {args.lines} lines",
                     *measure([args.weft, "convert", "--check", "-q", "--focus", "focus-0", "--hops", "2", big], args.runs)))
        rows.append((f"weft --focus, {args.lines // 4} lines",
                     *measure([args.weft, "convert", "--check", "-q", "--focus", "focus-0", "--hops", "2", small],
                              args.runs)))

        base_time, base_cpu = rows[0][1], rows[0][2]
        print(f"{'run':40} {'wall (s)':>9} {'x python':>9} {'CPU (s)':>9} {'x python':>9} {'peak RSS (MiB)':>15}")
        for name, t, cpu, rss in rows:
            print(f"{name:40} {t:9.2f} {t / base_time:9.2f} {cpu:9.2f} {cpu / base_cpu:9.2f} {rss / 1024:15.1f}")
        print(f"\nstreaming import / python json: {rows[1][1] / base_time:.2f}x wall, "
              f"{rows[1][2] / base_cpu:.2f}x CPU (goal: at most 1.5x)")
        print(f"focus peak RSS, {args.lines} vs {args.lines // 4} lines: "
              f"{rows[3][3] / 1024:.1f} vs {rows[4][3] / 1024:.1f} MiB")
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
