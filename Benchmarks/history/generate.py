"""Synthetic monthly demand for the run-history benchmark: SERIES series over MONTHS months,
seasonal with noise, one CSV sorted by period then series (so the first N*SERIES rows are the
data as it stood after N months).

    python3 Benchmarks/history/generate.py OUT.csv --series 10000 --months 136
"""
import argparse
import math
import random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--series", type=int, default=10000)
parser.add_argument("--months", type=int, default=136)
parser.add_argument("--seed", type=int, default=20)
args = parser.parse_args()

rng = random.Random(args.seed)
levels = [rng.uniform(5, 500) for _ in range(args.series)]
phases = [rng.uniform(0, 2 * math.pi) for _ in range(args.series)]
with open(args.out, "w") as f:
    f.write("series,period,value\n")
    for m in range(args.months):
        year, month = 2015 + m // 12, m % 12 + 1
        period = f"{year}-{month:02d}"
        lines = []
        for s in range(args.series):
            mean = levels[s] * (1 + 0.25 * math.sin(2 * math.pi * m / 12 + phases[s]))
            lines.append(f"S{s:05d},{period},{max(0, round(rng.gauss(mean, 0.15 * mean)))}\n")
        f.writelines(lines)
