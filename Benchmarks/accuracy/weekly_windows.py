"""Short weekly histories: ours against statsforecast on weekly windows of real daily data.

Daily bike rentals (bike_daily.csv) and Italy's national ward and ICU census
(italy/dpc-covid19-ita-andamento-nazionale.csv) are summed into ISO weeks (whole weeks only).
Windows of T = 26, 39, 52 and 78 weeks start every 26 weeks; each forecasts the 8 weeks after
it. MASE is scaled by the window's mean absolute lag-1 difference (fewer than two years: no
seasonal scale), averaged over the windows. Ours runs `quartermaster forecast --frequency
week` (season 52) on each window; statsforecast's models see the same values.

Usage: weekly_windows.py --data DATA --binary .build/release/quartermaster [--out results.md]
"""
import argparse, io, subprocess, sys, tempfile, warnings
import numpy as np, pandas as pd

warnings.filterwarnings("ignore")
from statsforecast.models import AutoETS, Theta, SimpleExponentialSmoothingOptimized, HistoricAverage, Naive

H = 8
LENGTHS = [26, 39, 52, 78]


def weekly_series(data):
    bike = pd.read_csv(f"{data}/bike_daily.csv")
    bike["date"] = pd.to_datetime(bike.date)
    bike["set"] = "bike"
    italy = pd.read_csv(f"{data}/italy/dpc-covid19-ita-andamento-nazionale.csv")
    italy["date"] = pd.to_datetime(italy.data.str[:10])
    italy = italy.melt(id_vars="date", value_vars=["ricoverati_con_sintomi", "terapia_intensiva"], var_name="series")
    italy["set"] = "italy"
    days = pd.concat([bike[["set", "series", "date", "value"]], italy[["set", "series", "date", "value"]]])
    days["week"] = days.date.dt.to_period("W-SUN").dt.start_time
    weeks = days.groupby(["set", "series", "week"]).agg(value=("value", "sum"), days=("value", "size")).reset_index()
    weeks = weeks[weeks.days == 7]
    return {(s, name): g.sort_values("week") for (s, name), g in weeks.groupby(["set", "series"])}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out")
    args = parser.parse_args()
    peers = [("AutoETS", lambda: AutoETS(season_length=52)), ("Theta", lambda: Theta(season_length=52)),
             ("SES (optimized)", SimpleExponentialSmoothingOptimized), ("HistoricAverage", HistoricAverage), ("Naive", Naive)]
    scores = {}
    with tempfile.TemporaryDirectory() as work:
        for (group, name), weeks in weekly_series(args.data).items():
            y, labels = weeks.value.to_numpy(float), weeks.week.dt.strftime("%Y-%m-%d").to_numpy()
            for T in LENGTHS:
                for start in range(0, len(y) - T - H + 1, 26):
                    train, test = y[start:start + T], y[start + T:start + T + H]
                    scale = np.mean(np.abs(np.diff(train)))
                    if scale == 0:
                        continue
                    path = f"{work}/window.csv"
                    pd.DataFrame({"series": name, "date": labels[start:start + T], "value": train}).to_csv(path, index=False)
                    run = subprocess.run([args.binary, "forecast", "--input", path, "--series", "series", "--date", "date", "--value", "value",
                                          "--frequency", "week", "--horizon", str(H), "--quiet", "--out", "-"],
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
            f.write("# Short weekly histories: MASE, 8 weeks ahead\n\n" + (__doc__ or "").split("Usage:")[0].strip() + "\n\n" + text + "\n")


if __name__ == "__main__":
    sys.exit(main())
