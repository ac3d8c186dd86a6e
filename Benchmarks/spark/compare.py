#!/usr/bin/env python3
"""Compare two forecast outputs row for row after sorting: same header, same rows, same bytes.

    compare.py CLI.csv SPARK_DIR_OR_CSV

A folder is read as Spark's CSV output (every part-*.csv, each with its header). Fields are
compared as the exact text of the parsed CSV fields (no number rounding). Exit 1 on any
difference, listing the first few.
"""
import csv
import glob
import os
import sys


def read(path):
    files = sorted(glob.glob(os.path.join(path, "part-*.csv"))) if os.path.isdir(path) else [path]
    header, rows = None, []
    for f in files:
        with open(f, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            h = next(reader, None)
            if h is None:
                continue  # Spark writes an empty part file for an empty partition
            if header is None:
                header = h
            elif h != header:
                sys.exit(f"compare: {f}: header {h} differs from {header}")
            rows.extend(tuple(r) for r in reader)
    return header, rows, len(files)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare.py EXPECTED.csv ACTUAL(.csv|dir)")
    (h1, r1, _), (h2, r2, parts) = read(sys.argv[1]), read(sys.argv[2])
    problems = []
    if h1 != h2:
        problems.append(f"headers differ:\n  cli:   {h1}\n  spark: {h2}")
    s1, s2 = sorted(r1), sorted(r2)
    if len(s1) != len(s2):
        problems.append(f"row counts differ: cli {len(s1)}, spark {len(s2)}")
    a, b = set(s1), set(s2)
    for r in sorted(a - b)[:5]:
        problems.append(f"only in cli:   {','.join(r)}")
    for r in sorted(b - a)[:5]:
        problems.append(f"only in spark: {','.join(r)}")
    if not problems and s1 != s2:
        problems.append("same distinct rows but different duplicates")
    series = len({r[0] for r in s1})
    if problems:
        print(f"compare: DIFFERENT ({len(s1)} cli rows, {len(s2)} spark rows from {parts} part files)")
        print("\n".join(problems))
        sys.exit(1)
    print(f"compare: identical: {len(s1)} forecast rows, {series} series, {len(h1)} columns "
          f"(spark output in {parts} part files)")


if __name__ == "__main__":
    main()
