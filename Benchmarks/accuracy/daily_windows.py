"""Short daily histories: ours against statsforecast on daily windows shorter than a year.

Daily bike rentals (bike_daily.csv) and Italy's national ward and ICU census
(italy/dpc-covid19-ita-andamento-nazionale.csv), as they are. Windows of T = 56, 91, 182 and
273 days (8 weeks to 9 months, such as a quarter of a facility's daily census) start every 91
days; each forecasts the 28 days after it. MASE is scaled by the window's mean absolute
lag-7 difference, averaged over the windows. Ours runs `quartermaster forecast --frequency
day` (season 7) on each window; statsforecast's models see the same values.

Usage: daily_windows.py --data DATA --binary .build/release/quartermaster [--out results.md]
"""
import argparse, io, subprocess, sys, tempfile, warnings
import numpy as np, pandas as pd

warnings.filterwarnings("ignore")
from statsforecast.models import AutoETS, AutoTheta, SimpleExponentialSmoothingOptimized, HistoricAverage, Naive, SeasonalNaive

H = 28
LENGTHS = [56, 91, 182, 273]
STEP = 91


def daily_series(data):
    bike = pd.read_csv(f"{data}/bike_daily.csv")
    bike["set"] = "bike"
    italy = pd.read_csv(f"{data}/italy/dpc-covid19-ita-andamento-nazionale.csv")
    italy["date"] = italy.data.str[:10]
    italy = italy.melt(id_vars="date", value_vars=["ricoverati_con_sintomi", "terapia_intensiva"], var_name="series")
    italy["set"] = "italy"
    days = pd.concat([bike[["set", "series", "date", "value"]], italy[["set", "series", "date", "value"]]])
    return {(s, name): g.sort_values("date") for (s, name), g in days.groupby(["set", "series"])}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out")
    args = parser.parse_args()
    peers = [("AutoETS", lambda: AutoETS(season_length=7)), ("AutoTheta", lambda: AutoTheta(season_length=7)),
             ("SES (optimized)", SimpleExponentialSmoothingOptimized), ("HistoricAverage", HistoricAverage),
             ("Naive", Naive), ("SeasonalNaive", lambda: SeasonalNaive(season_length=7))]
    scores = {}
    with tempfile.TemporaryDirectory() as work:
        for (group, name), days in daily_series(args.data).items():
            y, labels = days.value.to_numpy(float), days.date.to_numpy()
            for T in LENGTHS:
                for start in range(0, len(y) - T - H + 1, STEP):
                    train, test = y[start:start + T], y[start + T:start + T + H]
                    scale = np.mean(np.abs(train[7:] - train[:-7]))
                    if scale == 0:
                        continue
                    path = f"{work}/window.csv"
                    pd.DataFrame({"series": name, "date": labels[start:start + T], "value": train}).to_csv(path, index=False)
                    run = subprocess.run([args.binary, "forecast", "--input", path, "--series", "series", "--date", "date", "--value", "value",
                                          "--frequency", "day", "--horizon", str(H), "--quiet", "--out", "-"],
                                         capture_output=True, text=True, check=True)
                    forecasts = {"Quartermaster (auto)": pd.read_csv(io.StringIO(run.stdout)).forecast.to_numpy()}
                    for label, make in peers:
                        forecasts[label] = make().forecast(y=train, h=H)["mean"]
                    for label, f in forecasts.items():
                        mase = np.mean(np.abs(f - test)) / scale
                        for key in [(group, label), (f"T={T}", label), ("all", label)]:
                            scores.setdefault(key, []).append(mase)
    models = ["Quartermaster (auto)"] + [label for label, _ in peers]
    rows = ["all", "bike", "italy"] + [f"T={T}" for T in LENGTHS]
    lines = ["| windows | n | " + " | ".join(models) + " |", "|---|---|" + "---|" * len(models)]
    for r in rows:
        n = len(scores[(r, models[0])])
        lines.append(f"| {r} | {n} | " + " | ".join(f"{np.mean(scores[(r, m)]):.3f}" for m in models) + " |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write("# Short daily histories: MASE, 28 days ahead\n\n" + (__doc__ or "").split("Usage:")[0].strip() + "\n\n" + text + "\n")


if __name__ == "__main__":
    sys.exit(main())
