"""Short daily histories: ours against statsforecast on daily windows shorter than a year.

Daily bike rentals (bike_daily.csv) and Italy's national ward and ICU census
(italy/dpc-covid19-ita-andamento-nazionale.csv), as they are. Windows of T = 56, 91, 182 and
273 days (8 weeks to 9 months, such as a quarter of a facility's daily census) start every 91
days; each forecasts the 28 days after it. MASE is scaled by the window's mean absolute
lag-7 difference, averaged over the windows. Ours runs `quartermaster forecast --frequency
day` (season 7) on each window; statsforecast's models see the same values.

Usage: daily_windows.py --data DATA --binary .build/release/quartermaster [--out results.md]
"""
import sys, warnings
import pandas as pd
from windows import arguments, score_windows, write_table

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
    args = arguments(__doc__)
    peers = [("AutoETS", lambda: AutoETS(season_length=7)), ("AutoTheta", lambda: AutoTheta(season_length=7)),
             ("SES (optimized)", SimpleExponentialSmoothingOptimized), ("HistoricAverage", HistoricAverage),
             ("Naive", Naive), ("SeasonalNaive", lambda: SeasonalNaive(season_length=7))]
    series = {key: pd.DataFrame({"label": g.date.to_numpy(), "value": g.value.to_numpy(float)}) for key, g in daily_series(args.data).items()}
    scores = score_windows(series, args.binary, "day", LENGTHS, STEP, H, 7, peers)
    write_table(scores, ["bike", "italy"], LENGTHS, peers, "Short daily histories: MASE, 28 days ahead", __doc__, args.out)


if __name__ == "__main__":
    sys.exit(main())
