"""Short intermittent histories: ours against the history's mean on the spare parts cut short.

Each of intermittent_automotive.csv's 3,000 series (24 months) is cut to T months of training
and the 6 after them, taken from the start of the file or its end; ours forecasts the 6 from
the T (`quartermaster forecast --frequency month --horizon 6 --season 12`). RMSSE is scaled
by the training part's mean squared lag-1 difference, averaged over the series with a
nonzero scale; statsforecast's HistoricAverage (the training mean) is computed here, and the
paired difference's bootstrap 95% interval says whether a gap is more than noise. With
`--baseline B0` a second build runs on the same cuts, for a before-and-after of a change.

Usage: intermittent_cuts.py --data DATA --binary .build/release/quartermaster [--baseline OLD]
"""
import argparse, collections, csv, math, os, random, subprocess, tempfile

CUTS = [(12, "first"), (12, "last"), (15, "first"), (15, "last"), (18, "last")]
H = 6


def read(data):
    series = collections.defaultdict(list)
    with open(os.path.join(data, "intermittent_automotive.csv")) as f:
        for r in csv.DictReader(f):
            series[r["series"]].append((r["period"], float(r["value"])))
    for rows in series.values():
        rows.sort()
    return series


def write_cut(series, train, where, path):
    """Writes the cut's training months to `path` (long series,period,value) and returns each
    kept series' (training values, the 6 held out): series with 2 or more nonzero training months."""
    cut = {}
    with open(path, "w") as f:
        f.write("series,period,value\n")
        for s, rows in series.items():
            window = rows[:train + H] if where == "first" else rows[-(train + H):]
            values = [v for _, v in window]
            if sum(1 for v in values[:train] if v) < 2:
                continue
            cut[s] = (values[:train], values[train:])
            for p, v in window[:train]:
                f.write(f"{s},{p},{v:g}\n")
    return cut


def rmsse(train, test, forecast):
    d = [(train[i] - train[i - 1]) ** 2 for i in range(1, len(train))]
    scale = sum(d) / len(d)
    if scale == 0:
        return None
    return math.sqrt(sum((a - f) ** 2 for a, f in zip(test, forecast)) / len(test) / scale)


def ours(binary, path, out):
    subprocess.run([binary, "forecast", "--input", path, "--series", "series", "--date", "period", "--value", "value",
                    "--frequency", "month", "--horizon", str(H), "--season", "12", "--backtest", "3", "--out", out, "--quiet"],
                   check=True, capture_output=True)
    forecasts = collections.defaultdict(list)
    with open(out) as f:
        for r in csv.DictReader(f):
            forecasts[r["series"]].append(float(r["forecast"]))
    return forecasts


def interval(differences, draws=2000):
    rng = random.Random(1)
    n = len(differences)
    means = sorted(sum(rng.choice(differences) for _ in range(n)) / n for _ in range(draws))
    return means[int(0.025 * draws)], means[int(0.975 * draws) - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--baseline")
    args = ap.parse_args()
    series = read(args.data)
    builds = [("ours", args.binary)] + ([("baseline", args.baseline)] if args.baseline else [])
    print("| training months | from | series | HistoricAverage | " + " | ".join(n for n, _ in builds) + " | ours - mean, 95% |")
    print("|---|---|---|---|" + "---|" * len(builds) + "---|")
    with tempfile.TemporaryDirectory() as work:
        for train, where in CUTS:
            path = os.path.join(work, f"cut_{train}_{where}.csv")
            cut = write_cut(series, train, where, path)
            mean = {s: rmsse(tr, te, [sum(tr) / len(tr)] * H) for s, (tr, te) in cut.items()}
            scored = [s for s in cut if mean[s] is not None]
            cells, paired = [], None
            for name, binary in builds:
                forecasts = ours(binary, path, os.path.join(work, f"{name}_{train}_{where}.csv"))
                errors = {s: rmsse(*cut[s], forecasts[s]) for s in scored}
                cells.append(f"{sum(errors.values()) / len(scored):.5f}")
                if paired is None:
                    paired = [errors[s] - mean[s] for s in scored]
            low, high = interval(paired)
            print(f"| {train} | {where} {train + H} | {len(scored)} | {sum(mean[s] for s in scored) / len(scored):.5f} | "
                  + " | ".join(cells) + f" | {sum(paired) / len(paired):+.5f} [{low:+.5f}, {high:+.5f}] |", flush=True)


if __name__ == "__main__":
    main()
