"""Short weekly histories: ours against statsforecast on weekly windows of real daily data.

Daily bike rentals (bike_daily.csv) and Italy's national ward and ICU census
(italy/dpc-covid19-ita-andamento-nazionale.csv) are summed into ISO weeks (whole weeks only).
Windows of T = 26, 39, 52 and 78 weeks start every 26 weeks; each forecasts the 8 weeks after
it. MASE is scaled by the window's mean absolute lag-1 difference (fewer than two years: no
seasonal scale), averaged over the windows. Ours runs `quartermaster forecast --frequency
week` (season 52) on each window; statsforecast's models see the same values.

With `--pharma FOLDER` (a folder holding Kaggle's "Pharma sales data" `salesdaily.csv`, kept
out of the reference folder), a pharmacy's 8 daily drug classes, summed the same way, join as
a third set.

Usage: weekly_windows.py --data DATA --binary .build/release/quartermaster [--pharma FOLDER] [--out results.md]
"""
import sys, warnings
import pandas as pd
from windows import arguments, score_windows, write_table
from daily_windows import pharmacy_series

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
    return by_week(days)


def by_week(days):
    """Daily rows (set, series, date, value) summed into whole ISO weeks, per series."""
    days["week"] = days.date.dt.to_period("W-SUN").dt.start_time
    weeks = days.groupby(["set", "series", "week"]).agg(value=("value", "sum"), days=("value", "size")).reset_index()
    weeks = weeks[weeks.days == 7]
    return {(s, name): g.sort_values("week") for (s, name), g in weeks.groupby(["set", "series"])}


def main():
    args = arguments(__doc__, "pharma")
    peers = [("AutoETS", lambda: AutoETS(season_length=52)), ("Theta", lambda: Theta(season_length=52)),
             ("SES (optimized)", SimpleExponentialSmoothingOptimized), ("HistoricAverage", HistoricAverage), ("Naive", Naive)]
    series = {key: pd.DataFrame({"label": g.week.dt.strftime("%Y-%m-%d").to_numpy(), "value": g.value.to_numpy(float)})
              for key, g in weekly_series(args.data).items()}
    if args.pharma:
        days = pd.concat([frame.assign(set=s, series=name, date=pd.to_datetime(frame.date)) for (s, name), frame in pharmacy_series(args.pharma).items()])
        series |= {key: pd.DataFrame({"label": g.week.dt.strftime("%Y-%m-%d").to_numpy(), "value": g.value.to_numpy(float)})
                   for key, g in by_week(days).items()}
    scores = score_windows(series, args.binary, "week", LENGTHS, 26, H, 1, peers)
    sets = ["bike", "italy"] + (["pharma"] if args.pharma else [])
    write_table(scores, sets, LENGTHS, peers, "Short weekly histories: MASE, 8 weeks ahead", __doc__, args.out)


if __name__ == "__main__":
    sys.exit(main())
