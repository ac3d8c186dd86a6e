#!/usr/bin/env python3
"""Prediction intervals of `quartermaster forecast` on held-out real data: coverage and Winkler score.

Two reads, each with one or more binaries run on the same files (compare them in one run):
- hospital.csv cut to its last N months before 2006 (N = 13, 24, 36, 72), 12 months ahead, scored
  on 2006: how intervals hold on short histories (a new item's);
- intermittent_automotive.csv (last 6 months held out, h = 6), by our demand class: counts
  whose intervals need a count distribution's tail.
Coverage is the share of actuals inside the 80% / 95% interval; the Winkler (interval) score is
the width plus 2/alpha times the miss, over a scale (hospital: the series' mean absolute
one-step change in its training part; spare parts: its training mean), averaged over rows.
Lower is better; coverage near the level is what a safety stock needs.

Usage: intervals.py --data DATA --binary LABEL=PATH [--binary LABEL=PATH ...]
"""
import argparse, os, subprocess, tempfile
import numpy as np
import pandas as pd


def forecast(binary, train, horizon, out):
    subprocess.run([binary, "forecast", "--input", train, "--series", "series", "--date", "period", "--value", "value",
                    "--frequency", "month", "--horizon", str(horizon), "--season", "12", "--out", out, "--quiet"],
                   check=True, capture_output=True)
    return pd.read_csv(out, dtype={"series": str, "period": str})


def scores(rows, scale):
    out = {}
    for level, lo, hi, alpha in ((80, "lo80", "hi80", 0.2), (95, "lo95", "hi95", 0.05)):
        y, low, high = rows["value"], rows[lo], rows[hi]
        miss = (low - y).clip(lower=0) + (y - high).clip(lower=0)
        out[f"cov{level}"] = ((y >= low) & (y <= high)).mean()
        out[f"winkler{level}"] = (((high - low) + 2 / alpha * miss) / rows["series"].map(scale)).mean()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--binary", action="append", required=True, help="LABEL=PATH, repeatable")
    args = ap.parse_args()
    binaries = [b.split("=", 1) for b in args.binary]
    work = tempfile.mkdtemp(prefix="qm-intervals-")
    hospital = pd.read_csv(os.path.join(args.data, "hospital.csv"), dtype={"series": str, "period": str})
    train_all, test = hospital[hospital.period < "2006-01"], hospital[hospital.period >= "2006-01"]
    print("| hospital months | binary | 80% cov. | Winkler 80 | 95% cov. | Winkler 95 |\n|---|---|---|---|---|---|")
    for months in (13, 24, 36, 72):
        train = train_all.groupby("series").tail(months)
        path = os.path.join(work, f"hospital{months}.csv")
        train.to_csv(path, index=False)
        scale = train.groupby("series").value.apply(lambda v: np.mean(np.abs(np.diff(v.values))) or 1.0)
        for label, binary in binaries:
            rows = forecast(binary, path, 12, os.path.join(work, "out.csv")).merge(test, on=["series", "period"])
            s = scores(rows, scale)
            print(f"| {months} | {label} | {s['cov80']:.4f} | {s['winkler80']:.4f} | {s['cov95']:.4f} | {s['winkler95']:.4f} |")
    parts = pd.read_csv(os.path.join(args.data, "intermittent_automotive.csv"), dtype={"series": str, "period": str})
    last = sorted(parts.period.unique())[-6:]
    train, test = parts[~parts.period.isin(last)], parts[parts.period.isin(last)]
    path = os.path.join(work, "parts.csv")
    train.to_csv(path, index=False)
    scale = train.groupby("series").value.mean().clip(lower=1e-9)
    print("\n| spare parts class | binary | series | 80% cov. | Winkler 80 | 95% cov. | Winkler 95 |\n|---|---|---|---|---|---|---|")
    for label, binary in binaries:
        rows = forecast(binary, path, 6, os.path.join(work, "out.csv")).merge(test, on=["series", "period"])
        for demand_class, group in rows.groupby("demand_class"):
            s = scores(group, scale)
            print(f"| {demand_class} | {label} | {group.series.nunique()} | {s['cov80']:.4f} | {s['winkler80']:.4f} | {s['cov95']:.4f} | {s['winkler95']:.4f} |")


if __name__ == "__main__":
    main()
