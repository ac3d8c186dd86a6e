"""Short monthly histories and long horizons: ours on the hospital set cut short.

Each of hospital.csv's 767 series (84 months) is cut to T months of training and the H
months after them, ending at the file's end or 12 months before it; ours forecasts H months
ahead from the T (`quartermaster forecast --frequency month --horizon H`). MASE is scaled by
the training part's mean absolute lag-12 difference (lag 1 for 12 months or fewer),
averaged over the series with a nonzero scale. With `--baseline B0` a second build runs on
the same cuts, for a before-and-after of a change (a new release against the last).

The cuts are the shapes a budget forecast meets: two or three years of history forecast to
the end of next fiscal year (18 to 24 months ahead), and new items of one to two years.

Usage: monthly_cuts.py --data DATA --binary .build/release/quartermaster [--baseline OLD]
"""
import argparse, collections, csv, os, subprocess, tempfile

CUTS = [(24, 18), (30, 24), (24, 24), (36, 12), (37, 12), (18, 6), (20, 12), (23, 12), (15, 6), (12, 12), (21, 3)]
OFFSETS = [0, 12]


def read(data):
    series = collections.defaultdict(list)
    with open(os.path.join(data, "hospital.csv")) as f:
        for r in csv.DictReader(f):
            series[r["series"]].append((r["period"], float(r["value"])))
    return series


def mase(binary, series, train, h, offset, work):
    path = os.path.join(work, f"train_{train}_{h}_{offset}.csv")
    out = os.path.join(work, f"forecast_{train}_{h}_{offset}.csv")
    trains, tests = {}, {}
    with open(path, "w") as f:
        f.write("series,period,value\n")
        for key, values in series.items():
            end = len(values) - offset
            cut = values[end - train - h:end]
            trains[key] = [v for _, v in cut[:train]]
            tests[key] = [v for _, v in cut[train:]]
            f.writelines(f"{key},{p},{v:g}\n" for p, v in cut[:train])
    subprocess.run([binary, "forecast", "--input", path, "--frequency", "month", "--horizon", str(h), "--out", out, "--quiet"],
                   check=True, stderr=subprocess.DEVNULL)
    forecasts = collections.defaultdict(list)
    with open(out) as f:
        for r in csv.DictReader(f):
            forecasts[r["series"]].append(float(r["forecast"]))
    total, n = 0.0, 0
    for key in series:
        y = trains[key]
        m = 12 if len(y) > 12 else 1
        scale = sum(abs(y[i] - y[i - m]) for i in range(m, len(y))) / (len(y) - m)
        if scale == 0:
            continue
        total += sum(abs(a - b) for a, b in zip(tests[key], forecasts[key])) / h / scale
        n += 1
    return total / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="folder holding hospital.csv")
    ap.add_argument("--binary", required=True)
    ap.add_argument("--baseline", help="a second build to compare on the same cuts")
    args = ap.parse_args()
    series = read(args.data)
    binaries = [("ours", args.binary)] + ([("baseline", args.baseline)] if args.baseline else [])
    print("| train months | horizon | ends before the file's end | " + " | ".join(f"MASE {name}" for name, _ in binaries) + " |")
    print("|---|---|---|" + "---|" * len(binaries))
    with tempfile.TemporaryDirectory() as work:
        for train, h in CUTS:
            for offset in OFFSETS:
                if train + h + offset > 84:
                    continue
                scores = [mase(binary, series, train, h, offset, work) for _, binary in binaries]
                print(f"| {train} | {h} | {offset} | " + " | ".join(f"{s:.4f}" for s in scores) + " |", flush=True)


if __name__ == "__main__":
    main()
