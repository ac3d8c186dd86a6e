"""Short daily histories: ours against statsforecast on daily windows shorter than a year.

Daily bike rentals (bike_daily.csv) and Italy's national ward and ICU census
(italy/dpc-covid19-ita-andamento-nazionale.csv), as they are. Windows of T = 56, 91, 182 and
273 days (8 weeks to 9 months, such as a quarter of a facility's daily census) start every 91
days; each forecasts the 28 days after it. MASE is scaled by the window's mean absolute
lag-7 difference, averaged over the windows. Ours runs `quartermaster forecast --frequency
day` (season 7) on each window; statsforecast's models see the same values.

With `--pharma FOLDER` (a folder holding Kaggle's "Pharma sales data" `salesdaily.csv`, kept
out of the reference folder), a pharmacy's 8 daily drug classes, 2014-01-02..2019-10-08, join
as a third set, cut the same way.

Usage: daily_windows.py --data DATA --binary .build/release/quartermaster [--pharma FOLDER] [--out results.md]
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


def pharmacy_series(folder):
    """The drug classes of `salesdaily.csv`: its first 9 columns, dates M/D/YYYY."""
    wide = pd.read_csv(f"{folder}/salesdaily.csv").iloc[:, :9]
    dates = pd.to_datetime(wide.datum, format="%m/%d/%Y").dt.strftime("%Y-%m-%d").to_numpy()
    return {("pharma", c): pd.DataFrame({"date": dates, "value": wide[c].to_numpy(float)}) for c in wide.columns[1:]}


def main():
    args = arguments(__doc__, "pharma")
    peers = [("AutoETS", lambda: AutoETS(season_length=7)), ("AutoTheta", lambda: AutoTheta(season_length=7)),
             ("SES (optimized)", SimpleExponentialSmoothingOptimized), ("HistoricAverage", HistoricAverage),
             ("Naive", Naive), ("SeasonalNaive", lambda: SeasonalNaive(season_length=7))]
    days = daily_series(args.data) | (pharmacy_series(args.pharma) if args.pharma else {})
    series = {key: pd.DataFrame({"label": g.date.to_numpy(), "value": g.value.to_numpy(float)}) for key, g in days.items()}
    scores = score_windows(series, args.binary, "day", LENGTHS, STEP, H, 7, peers)
    sets = ["bike", "italy"] + (["pharma"] if args.pharma else [])
    write_table(scores, sets, LENGTHS, peers, "Short daily histories: MASE, 28 days ahead", __doc__, args.out)


if __name__ == "__main__":
    sys.exit(main())
