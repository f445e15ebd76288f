#!/usr/bin/python3
"""Times sqlglot (Debian's python3-sqlglot) on the benchmark corpus: parse, and parse + simplify.

Usage: peer_sqlglot.py CLAUSES_TXT SECONDS_PER_MODE
Prints a JSON array of {name, clauses, bytes, seconds, failures}; bytes counts the where clauses alone
(not the SELECT wrapper), so that the MB/s figure compares with tfq's on the same bytes.
"""
import json
import sys
import time

import sqlglot
from sqlglot.optimizer.simplify import simplify


def run(name, clauses, budget, work):
    for clause in clauses[:200]:  # warm-up, untimed, as for tfq's in-process runs
        try:
            work("SELECT * FROM t WHERE " + clause)
        except Exception:
            pass
    done = failures = size = 0
    start = time.perf_counter()
    for clause in clauses:
        try:
            work("SELECT * FROM t WHERE " + clause)
        except Exception:  # a peer rejecting a clause counts as a failure, not a crash of the benchmark
            failures += 1
        done += 1
        size += len(clause.encode())
        if time.perf_counter() - start > budget:
            break
    return {"name": name, "clauses": done, "bytes": size, "seconds": time.perf_counter() - start,
            "failures": failures}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        clauses = [line.rstrip("\n") for line in f if line.strip()]
    budget = float(sys.argv[2])
    results = [
        run("sqlglot " + sqlglot.__version__ + " parse", clauses, budget, sqlglot.parse_one),
        run("sqlglot " + sqlglot.__version__ + " parse + simplify", clauses, budget,
            lambda sql: simplify(sqlglot.parse_one(sql))),
    ]
    print(json.dumps(results))


main()
