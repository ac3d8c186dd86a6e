#!/usr/bin/env python3
"""Seeded generator of many monthly demand series for the forecasting scale benchmark.

    generate.py --series 100000 --months 72 --out Benchmarks/data/scale-100k.csv

Long format `series,period,value` (period YYYY-MM). A realistic mix: smooth seasonal items
with trend, erratic items, and intermittent slow movers (about a fifth), all non-negative
integers like real issue counts.
"""
import argparse

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--series", type=int, default=100_000)
    ap.add_argument("--months", type=int, default=72)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    n, m = a.series, a.months
    t = np.arange(m)
    level = rng.lognormal(3.0, 1.2, size=(n, 1))
    trend = rng.normal(0, 0.004, size=(n, 1))
    amplitude = rng.uniform(0, 0.4, size=(n, 1))
    phase = rng.uniform(0, 2 * np.pi, size=(n, 1))
    mean = level * (1 + trend * t) * (1 + amplitude * np.sin(2 * np.pi * t / 12 + phase))
    mean = np.clip(mean, 0.05, None)
    intermittent = rng.random(n) < 0.2
    mean[intermittent] *= 0.02
    values = rng.poisson(mean)
    labels = np.array([f"{2020 + k // 12}-{k % 12 + 1:02d}" for k in range(m)])
    with open(a.out, "w") as f:
        f.write("series,period,value\n")
        chunk = 5000
        for start in range(0, n, chunk):
            rows = []
            for i in range(start, min(start + chunk, n)):
                key = f"S{i:07d}"
                rows.extend(f"{key},{labels[k]},{values[i, k]}\n" for k in range(m))
            f.write("".join(rows))


if __name__ == "__main__":
    main()
