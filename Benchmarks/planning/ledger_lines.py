"""Ledger lines projected to the fiscal year end by `variance`, scored against the months held out.

Each monthly series of a set becomes one ledger line (department = the series, account
`Expense`, amount = the value, 0.00 rows kept), read through an as-of month and projected by
`quartermaster variance --as-of A --fiscal-start F` to the end of that fiscal year; the budget
(the year's true values, `fixed`) does not change the projection. The projected months are the
`forecast` column of budget_variance.csv's month rows (a line with none is projected at 0).

Two scores, each averaged over the lines whose training part has a nonzero scale (the mean
absolute lag-12 difference, lag 1 for 12 months or fewer, as monthly_cuts.py):
- MASE: the projected months' mean absolute error over the scale;
- total: the absolute error of the months' sum (what the projected FY variance carries),
  over the scale times the months.

Sets (`--set`):
- hospital (hospital.csv, 767 series, 2000-01..2006-12), fiscal years from July, as-of
  September, December and March of FY2004-FY2006: 9, 6 and 3 months ahead, 9 cuts;
- automotive (intermittent_automotive.csv, 3,000 spare parts, 2000-01..2001-12), calendar
  fiscal years, as-of 2001-03, 2001-06 and 2001-09 (15-21 months of history).

With `--driven` each line is booked at 10 x the value, the value being its department's volume
(patient days): lines with a volume in every month they booked are projected as the volume's
forecast times the rate's (the volumes' engine, not the lines'); the others from their amounts.

Usage: ledger_lines.py --data DATA --binary LABEL=PATH [--binary LABEL=PATH ...] [--set hospital]
Environment variables are passed to the binaries unchanged.
"""
import argparse, collections, csv, os, subprocess, tempfile, time

SETS = {
    "hospital": ("hospital.csv", 7, [f"{y}-{m}" for y in (2003, 2004, 2005) for m in ("09", "12")] + [f"{y}-03" for y in (2004, 2005, 2006)]),
    "automotive": ("intermittent_automotive.csv", 1, ["2001-03", "2001-06", "2001-09"]),
}


def read(path):
    series = collections.defaultdict(dict)
    with open(path) as f:
        for r in csv.DictReader(f):
            series[r["series"]][r["period"]] = float(r["value"])
    return series


def months_after(as_of, fiscal_start):
    """The fiscal year's months after as-of."""
    y, m = map(int, as_of.split("-"))
    out = []
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if m == fiscal_start:
            return out
        out.append(f"{y}-{m:02d}")


def fiscal_months(as_of, fiscal_start):
    y, m = map(int, as_of.split("-"))
    start_year = y if m >= fiscal_start else y - 1
    return [f"{start_year + (fiscal_start - 1 + k) // 12}-{(fiscal_start - 1 + k) % 12 + 1:02d}" for k in range(12)]


def run(binary, series, as_of, fiscal_start, work, driven=False):
    ahead = months_after(as_of, fiscal_start)
    actuals, budget, out = (os.path.join(work, n) for n in ("actuals.csv", "budget.csv", "out"))
    with open(actuals, "w") as f:
        f.write("department,account,period,amount" + (",volume\n" if driven else "\n"))
        for key, values in series.items():
            if driven:
                f.writelines(f"{key},Expense,{p},{10 * v:.2f},{v:g}\n" for p, v in sorted(values.items()) if p <= as_of)
            else:
                f.writelines(f"{key},Expense,{p},{v:.2f}\n" for p, v in sorted(values.items()) if p <= as_of)
    with open(budget, "w") as f:
        f.write("department,account,period,amount,behavior\n")
        for key, values in series.items():
            f.writelines(f"{key},Expense,{p},{(10 if driven else 1) * values.get(p, 0):.2f},{'variable' if driven else 'fixed'}\n" for p in fiscal_months(as_of, fiscal_start))
    started = time.time()
    subprocess.run([binary, "variance", "--budget", budget, "--actuals", actuals, "--as-of", as_of, "--fiscal-start", str(fiscal_start),
                    "--out", out, "--quiet"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.time() - started
    forecasts = collections.defaultdict(dict)
    with open(os.path.join(out, "budget_variance.csv")) as f:
        for r in csv.DictReader(f):
            if r["account"] == "Expense" and r["period"] in ahead and r["basis"] == "forecast":
                forecasts[r["department"]][r["period"]] = float(r["forecast"] or 0) / (10 if driven else 1)
    mase = total = 0.0
    n = 0
    for key, values in series.items():
        y = [v for p, v in sorted(values.items()) if p <= as_of]
        lag = 12 if len(y) > 12 else 1
        scale = sum(abs(y[i] - y[i - lag]) for i in range(lag, len(y))) / (len(y) - lag)
        if scale == 0:
            continue
        a = [values[p] for p in ahead]
        f = [forecasts[key].get(p, 0.0) for p in ahead]
        mase += sum(abs(x - z) for x, z in zip(a, f)) / len(ahead) / scale
        total += abs(sum(a) - sum(f)) / len(ahead) / scale
        n += 1
    return mase / n, total / n, seconds, len(ahead)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="folder holding hospital.csv / intermittent_automotive.csv")
    ap.add_argument("--binary", action="append", required=True, help="LABEL=PATH, repeatable")
    ap.add_argument("--set", choices=sorted(SETS), default="hospital")
    ap.add_argument("--driven", action="store_true", help="each line booked at 10 x the value with the value as its department's volume: "
                    "lines with a volume in every month are projected as forecast volume x rate")
    args = ap.parse_args()
    file, fiscal_start, cuts = SETS[args.set]
    series = read(os.path.join(args.data, file))
    binaries = [b.split("=", 1) for b in args.binary]
    print("| as-of | months ahead | " + " | ".join(f"MASE {l} | total {l} | s {l}" for l, _ in binaries) + " |")
    print("|---|---|" + "---|---|---|" * len(binaries))
    sums = collections.defaultdict(lambda: collections.defaultdict(list))
    with tempfile.TemporaryDirectory() as work:
        for as_of in cuts:
            cells = []
            for label, binary in binaries:
                m, t, s, h = run(binary, series, as_of, fiscal_start, work, args.driven)
                sums[label][h].append((m, t, s))
                sums[label]["all"].append((m, t, s))
                cells.append(f"{m:.4f} | {t:.4f} | {s:.2f}")
            print(f"| {as_of} | {h} | " + " | ".join(cells) + " |", flush=True)
        for group in sorted(sums[binaries[0][0]], key=str):
            cells = []
            for label, _ in binaries:
                rows = sums[label][group]
                cells.append(" | ".join(f"{sum(r[i] for r in rows) / len(rows):.4f}" for i in range(2)) + f" | {sum(r[2] for r in rows):.2f}")
            print(f"| mean | {group} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
