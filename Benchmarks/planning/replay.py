#!/usr/bin/env python3
"""Rolling out-of-sample replay of reorder decisions: Quartermaster vs a plain AutoETS baseline.

Question (issue 23, "Decision quality"): do our order-up-to levels deliver the fill rate they
target, at no more inventory than a textbook baseline?

Protocol
--------
* The last `--weeks` x 7 days of each dataset are the replay. Review days are every
  `--review` days from the first replay day.
* At each review day t, each method sets an order-up-to level S_t for every series from the
  data before day t only (re-planned at every review: rolling out of sample).
* One simulator for both methods (`simulate`): stock starts at S_0 on hand with nothing on
  order. Each day: receipts due that day arrive first, then the day's demand is served from
  stock (lost sales: unmet demand is lost), then on a review day S_t - (on hand + on order)
  is ordered if positive (no pack rounding) and arrives at the start of day t + lead.
* Fill rate = units served / units demanded. Days of supply = mean end-of-day on hand /
  mean daily demand. Pooled: sum served / sum demanded, and sum of mean on hand / sum of
  mean daily demand.

Methods
-------
* AutoETS baseline: statsforecast AutoETS(season_length=7) fitted on the last `--fit-days`
  (365) days before t, h = lead + review; mean_P = sum of the (non-negative) forecasts;
  sigma = std of the in-sample one-step residuals, sigma_P = sigma sqrt(h); k from the
  normal loss function, sigma_P G(k) = (1 - target) x mean daily forecast x review
  (`safety_factor`); S = max(0, mean_P + k sigma_P).
* Ours: `quartermaster reorder` on the usage before t (--as-of t-1), every series an item
  with its own service level = target, on hand 0; S = `order_up_to` from reorder.csv.

Usage (from the repo root):
    Benchmarks/.venv/bin/python Benchmarks/planning/replay.py --data DATA_DIR \
        --demo Datasets/demo [--bin .build/release/quartermaster] [--weeks 26] [--lead 3] \
        [--review 7] [--target 0.95] [--max-items N] [--out Benchmarks/planning/replay_results.md]
    Benchmarks/.venv/bin/python Benchmarks/planning/replay.py --self-test
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import csv
import datetime as dt
import math
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# --------------------------------------------------------------------------------------
# simulation and safety stock


@dataclass
class Outcome:
    demanded: float
    served: float
    mean_on_hand: float  # mean end-of-day on hand over the replay
    mean_demand: float  # mean daily demand over the replay
    lost_days: list  # replay days with unmet demand

    @property
    def fill_rate(self) -> float:
        return self.served / self.demanded if self.demanded > 0 else float("nan")

    @property
    def days_of_supply(self) -> float:
        return self.mean_on_hand / self.mean_demand if self.mean_demand > 0 else float("inf")


def simulate(demand, levels, lead: int, review: int) -> Outcome:
    """Replays one series under a periodic order-up-to policy with lost sales.

    `demand[d]` is day d's demand (d = 0 is the first replay day); `levels[j]` is the
    order-up-to level set at review j (day j * review) from the data before that day. Stock
    starts at levels[0] on hand, nothing on order. Each day: receipts due that day arrive;
    on a review day, at the start of the day as the levels are set from the days before it,
    the shortfall of on hand + on order below S is ordered, to arrive at the start of day
    d + lead; then the day's demand is served from stock (the rest is lost). An order must
    so last lead + review days, the protection interval both methods plan for. Orders due
    after the replay are ignored.
    """
    on_hand = float(levels[0])
    due: dict[int, float] = {}
    demanded = served = held = 0.0
    lost_days = []
    for day, want in enumerate(demand):
        on_hand += due.pop(day, 0.0)
        if day % review == 0:
            order = levels[day // review] - (on_hand + sum(due.values()))
            if order > 0:
                if lead == 0:
                    on_hand += order
                else:
                    due[day + lead] = due.get(day + lead, 0.0) + order
        give = min(on_hand, want)
        on_hand -= give
        demanded += want
        served += give
        if give < want:
            lost_days.append(day)
        held += on_hand
    n = len(demand)
    return Outcome(demanded, served, held / n, demanded / n, lost_days)


def normal_loss(k: float) -> float:
    """G(k) = pdf(k) - k (1 - cdf(k)): expected units short per unit of sigma."""
    pdf = math.exp(-0.5 * k * k) / math.sqrt(2 * math.pi)
    return pdf - k * 0.5 * math.erfc(k / math.sqrt(2))


def safety_factor(allowed_short: float, sigma_p: float) -> float:
    """The k with sigma_p G(k) = allowed_short (G is decreasing, so bisection)."""
    target = allowed_short / sigma_p
    lo, hi = -50.0, 50.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if normal_loss(mid) > target:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def baseline_level(forecast, sigma: float, lead: int, review: int, target: float) -> float:
    """AutoETS order-up-to level: mean over the protection interval + k sigma_P, at least 0."""
    f = np.maximum(np.asarray(forecast, dtype=float), 0.0)
    mean_p = float(f.sum())
    if mean_p <= 0 or not np.isfinite(mean_p):
        return 0.0  # nothing expected (e.g. all zero recently): hold nothing
    sigma_p = sigma * math.sqrt(lead + review)
    if not np.isfinite(sigma_p) or sigma_p <= 0:
        return mean_p
    allowed = (1 - target) * (mean_p / len(f)) * review
    k = safety_factor(allowed, sigma_p)
    return max(0.0, mean_p + k * sigma_p)


def self_test() -> None:
    """Hand-checked cases for the simulator and the loss function."""
    lead, review, days = 3, 7, 28
    demand = [10.0] * days
    # S = 10 x (lead + review): never short, on hand ends each day between 0 and 90.
    ok = simulate(demand, [100.0] * 4, lead, review)
    assert ok.fill_rate == 1.0 and ok.lost_days == [], ok
    # S = 80, worked by hand: day 0 orders nothing and ends at 70; day 7 starts at 10, orders
    # 70 for day 10 and sells out, so days 8 and 9 lose 10 each; day 14 starts at 30 and
    # orders 50 for day 17 (enough); day 21 starts at 10 again: days 22 and 23 lose 10 each.
    short = simulate(demand, [80.0] * 4, lead, review)
    assert short.lost_days == [8, 9, 22, 23], short.lost_days
    assert abs(short.served - 240) < 1e-9 and abs(short.fill_rate - 240 / 280) < 1e-12, short
    # G(0) = 1/sqrt(2 pi); k for the classical 0.95 fill rate case round-trips.
    assert abs(normal_loss(0) - 0.3989422804) < 1e-9
    k = safety_factor(0.05 * 70, 20.0)
    assert abs(20.0 * normal_loss(k) - 3.5) < 1e-9
    # All zero forecast -> S = 0.
    assert baseline_level([0.0] * 10, 5.0, lead, review, 0.95) == 0.0
    print(f"self-test ok: S=100 fill 1.0; S=80 fill {short.fill_rate:.4f} (lost days {short.lost_days}); "
          f"k(3.5/20) = {k:.4f}")


# --------------------------------------------------------------------------------------
# data


@dataclass
class Dataset:
    name: str
    start: dt.date  # date of column 0
    series: dict  # name -> float array over the common calendar (nan before first use)


def load_long(path: Path, series_col: str, date_col: str, value_col: str, name: str) -> Dataset:
    rows = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            rows.setdefault(r[series_col], []).append((dt.date.fromisoformat(r[date_col]), float(r[value_col])))
    start = min(d for v in rows.values() for d, _ in v)
    end = max(d for v in rows.values() for d, _ in v)
    n = (end - start).days + 1
    series = {}
    for key in sorted(rows):
        a = np.full(n, np.nan)
        for d, x in rows[key]:
            i = (d - start).days
            a[i] = x if np.isnan(a[i]) else a[i] + x
        first = int(np.argmax(~np.isnan(a)))
        a[first:] = np.nan_to_num(a[first:])  # gaps after first use are zero days
        series[key] = a
    return Dataset(name, start, series)


def demo_daily(binary: Path, demo: Path, work: Path) -> Path:
    """supply_issues.csv -> daily series,period,value through `quartermaster aggregate`."""
    out = work / "demo_daily.csv"
    cmd = [str(binary), "aggregate", "--input", str(demo / "supply_issues.csv"),
           "--columns", "date=Trans Date,item=Item #,quantity=Qty Issued",
           "--frequency", "day", "--out", str(out)]
    run(cmd)
    return out


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p


# --------------------------------------------------------------------------------------
# methods: each returns {series: [S at review 0, 1, ...]}


def plan_autoets(ds: Dataset, replay0: int, reviews: int, a) -> dict:
    from statsforecast.models import AutoETS

    h = a.lead + a.review
    levels = {}
    for name, y in ds.series.items():
        out = []
        for j in range(reviews):
            t = replay0 + j * a.review
            hist = y[max(0, t - a.fit_days):t]
            hist = hist[~np.isnan(hist)]
            if hist.size == 0 or np.all(hist == hist[0]):
                # No history, or constant (all zero in the fit window included): the
                # forecast is that constant with no spread, S = h x constant (0 if all zero).
                out.append(max(0.0, float(hist[0])) * h if hist.size else 0.0)
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fc = AutoETS(season_length=7).forecast(y=hist, h=h, fitted=True)
            resid = hist - fc["fitted"]
            resid = resid[np.isfinite(resid)]
            sigma = float(np.std(resid, ddof=1)) if resid.size > 1 else 0.0
            out.append(baseline_level(fc["mean"], sigma, a.lead, a.review, a.target))
        levels[name] = out
    return levels


def plan_ours(ds: Dataset, replay0: int, reviews: int, a, work: Path) -> dict:
    names = list(ds.series)
    items = work / "items.csv"
    with open(items, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item", "unit_cost", "lead_time_days", "lead_time_sd_days", "review_period_days",
                    "service_level", "pack_size"])
        for n in names:
            w.writerow([n, 1, a.lead, 0, a.review, a.target, 1])
    inventory = work / "inventory.csv"
    with open(inventory, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item", "on_hand"])
        for n in names:
            w.writerow([n, 0])
    levels = {n: [] for n in names}
    for j in range(reviews):
        t = replay0 + j * a.review
        usage = work / "usage.csv"
        with open(usage, "w", newline="") as f:
            f.write("date,item,quantity\n")
            for n in names:
                y = ds.series[n][:t]
                for i in np.flatnonzero(~np.isnan(y)):
                    f.write(f"{ds.start + dt.timedelta(days=int(i))},{n},{y[i]:g}\n")
        out = work / f"out-{j}"
        as_of = ds.start + dt.timedelta(days=t - 1)
        run([str(a.bin), "reorder", "--usage", str(usage), "--items", str(items),
             "--inventory", str(inventory), "--as-of", as_of.isoformat(), "--out", str(out), "--quiet"])
        got = {}
        with open(out / "reorder.csv", newline="") as f:
            for r in csv.DictReader(f):
                got[r["item"]] = float(r["order_up_to"])
        for n in names:
            levels[n].append(got.get(n, 0.0))
        shutil.rmtree(out, ignore_errors=True)
    return levels


def cached_baseline(ds: Dataset, replay0: int, reviews: int, a) -> tuple[dict, float | None]:
    """AutoETS levels and the seconds they took, from `--baseline-cache DIR` when the same data
    and settings were replayed before (the baseline does not change while our side is being
    worked on); the seconds are those of the run that filled the cache (None if it kept none)."""
    def timed():
        t0 = time.perf_counter()
        levels = plan_autoets(ds, replay0, reviews, a)
        return levels, time.perf_counter() - t0
    if not a.baseline_cache:
        return timed()
    import hashlib
    import json
    key = hashlib.sha256(json.dumps([ds.name, str(ds.start), replay0, reviews, a.lead, a.review, a.target, a.fit_days,
                                     {k: np.nan_to_num(v, nan=-1).tolist() for k, v in ds.series.items()}]).encode()).hexdigest()[:16]
    path = a.baseline_cache / f"autoets-{ds.name}-{key}.json"
    if path.exists():
        cached = json.loads(path.read_text())
        if "levels" in cached and "seconds" in cached:
            return cached["levels"], cached["seconds"]
        return cached, None
    levels, seconds = timed()
    a.baseline_cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"levels": levels, "seconds": seconds}))
    return levels, seconds


# --------------------------------------------------------------------------------------
# report


def evaluate(ds: Dataset, replay0: int, levels: dict, a) -> dict:
    res = {}
    for name, y in ds.series.items():
        demand = np.maximum(np.nan_to_num(y[replay0:]), 0.0)  # returns (negative days) count as 0
        res[name] = simulate(list(demand), levels[name], a.lead, a.review)
    return res


def pct(x):
    return "n/a" if not np.isfinite(x) else f"{100 * x:.1f}%"


def summary(res: dict, target: float) -> dict:
    fills = {k: o.fill_rate for k, o in res.items() if o.demanded > 0}
    demanded = sum(o.demanded for o in res.values())
    served = sum(o.served for o in res.values())
    worst = min(fills, key=fills.get) if fills else None
    return {
        "pooled": served / demanded if demanded else float("nan"),
        "within": sum(1 for f in fills.values() if f >= target - 0.01),
        "calibrated": sum(1 for f in fills.values() if abs(f - target) <= 0.01),
        "scored": len(fills),
        "worst": worst,
        "min": fills[worst] if worst else float("nan"),
        "dos": sum(o.mean_on_hand for o in res.values()) / sum(o.mean_demand for o in res.values()),
        "q": np.percentile(list(fills.values()), [0, 25, 50, 75, 100]) if fills else [np.nan] * 5,
    }


def table(ds: Dataset, results: dict, levels: dict, a, per_series: bool) -> list:
    lo, hi = 100 * (a.target - 0.01), 100 * (a.target + 0.01)
    lines = [f"| method | pooled fill rate | within 1 pt of target (fill >= {lo:.0f}%) | "
             f"calibrated ({lo:.0f}-{hi:.0f}%) | min fill rate (series) | pooled days of supply | mean S |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for method, res in results.items():
        s = summary(res, a.target)
        mean_s = np.mean([np.mean(v) for v in levels[method].values()])
        lines.append(f"| {method} | {pct(s['pooled'])} | {s['within']} / {s['scored']} | "
                     f"{s['calibrated']} / {s['scored']} | "
                     f"{pct(s['min'])} ({s['worst']}) | {s['dos']:.2f} | {mean_s:,.1f} |")
    lines.append("")
    if per_series:
        lines += ["| series | method | demand/day | fill rate | days of supply | mean S | lost days |",
                  "|---|---|---:|---:|---:|---:|---:|"]
        for name in ds.series:
            for method, res in results.items():
                o = res[name]
                lines.append(f"| {name} | {method} | {o.mean_demand:,.1f} | {pct(o.fill_rate)} | "
                             f"{o.days_of_supply:.2f} | {np.mean(levels[method][name]):,.1f} | {len(o.lost_days)} |")
    else:
        lines += ["Per-item fill rates (items with demand in the replay):", "",
                  "| method | min | 25% | median | 75% | max | items below 90% |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for method, res in results.items():
            q = summary(res, a.target)["q"]
            below = sum(1 for o in res.values() if o.demanded > 0 and o.fill_rate < 0.90)
            lines.append(f"| {method} | " + " | ".join(pct(x) for x in q) + f" | {below} |")
        lines += ["", "By mean daily demand in the replay (fill rate and days of supply pooled within the band):", "",
                  "| demand/day | items | method | pooled fill rate | items below 90% | pooled days of supply |",
                  "|---|---:|---|---:|---:|---:|"]
        bands = [("0", 0, 0), ("under 1", 0, 1), ("1-10", 1, 10), ("over 10", 10, math.inf)]
        for label, lo, hi in bands:
            for method, res in results.items():
                group = {k: o for k, o in res.items()
                         if (o.mean_demand == 0 if hi == 0 else lo < o.mean_demand <= hi)}
                if not group:
                    continue
                demanded = sum(o.demanded for o in group.values())
                fill = sum(o.served for o in group.values()) / demanded if demanded else float("nan")
                below = sum(1 for o in group.values() if o.demanded > 0 and o.fill_rate < 0.90)
                held, rate = sum(o.mean_on_hand for o in group.values()), sum(o.mean_demand for o in group.values())
                dos = f"{held / rate:.2f}" if rate else f"n/a (mean on hand {held:,.0f} units)"
                lines.append(f"| {label} | {len(group)} | {method} | {pct(fill)} | {below} | {dos} |")
    lines.append("")
    return lines


def write_csv(path: Path, rows: list) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["dataset", "series", "method", "demanded", "served", "fill_rate", "mean_on_hand",
                    "mean_daily_demand", "days_of_supply", "mean_order_up_to", "lost_days"])
        w.writerows(rows)


# --------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, help="folder with bike_daily.csv")
    ap.add_argument("--demo", type=Path, help="folder with the demo's supply_issues.csv (Datasets/demo)")
    ap.add_argument("--bin", type=Path, default=Path(".build/release/quartermaster"))
    ap.add_argument("--weeks", type=int, default=26)
    ap.add_argument("--lead", type=int, default=3)
    ap.add_argument("--review", type=int, default=7)
    ap.add_argument("--target", type=float, default=0.95)
    ap.add_argument("--fit-days", type=int, default=365, help="AutoETS fits on this many days before t")
    ap.add_argument("--max-items", type=int, help="replay only N demo items (every k-th by item id)")
    ap.add_argument("--out", type=Path, default=Path("Benchmarks/planning/replay_results.md"))
    ap.add_argument("--baseline-cache", type=Path, help="keep the AutoETS levels here and reuse them for the same data and settings")
    ap.add_argument("--skip-baseline", action="store_true", help="replay our levels only (quick; no AutoETS comparison)")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return
    if not a.data and not a.demo:
        ap.error("give --data and/or --demo (or --self-test)")
    self_test()
    days = a.weeks * 7
    reviews = math.ceil(days / a.review)
    work = Path(tempfile.mkdtemp(prefix="qm-replay-"))
    md = [
        "# Reorder replay: Quartermaster vs AutoETS baseline", "",
        f"Rolling out-of-sample replay of the last {a.weeks} weeks ({days} days), review every "
        f"{a.review} days, lead time {a.lead} days, fill-rate target {100 * a.target:.0f}%, lost sales, "
        f"no pack rounding; levels re-planned at every review from the data before it. "
        f"AutoETS(season_length=7) fits on the last {a.fit_days} days before each review. "
        "Protocol and how to run: README.md (\"Reorder replay\"); script: replay.py.", "",
    ]
    csv_rows = []
    timings = []
    try:
        sets = []
        if a.data:
            sets.append(load_long(a.data / "bike_daily.csv", "series", "date", "value", "bike"))
        if a.demo:
            demo = load_long(demo_daily(a.bin, a.demo, work), "series", "period", "value", "demo")
            total = len(demo.series)
            replay0 = len(next(iter(demo.series.values()))) - days
            # Items need 8 weeks of history before the replay to be planned by either method.
            keep = [k for k, y in demo.series.items() if np.sum(~np.isnan(y[:replay0])) >= 56]
            eligible = len(keep)
            if a.max_items and a.max_items < len(keep):
                step = len(keep) / a.max_items
                keep = [keep[int(i * step)] for i in range(a.max_items)]
            demo.series = {k: demo.series[k] for k in keep}
            demo.note = (f"{len(keep)} of {total} demo items: {eligible} have at least 56 days of history "
                         f"before the replay{', of which every k-th by item id (--max-items)' if a.max_items else ''}.")
            sets.append(demo)
        for ds in sets:
            n = len(next(iter(ds.series.values())))
            replay0 = n - days
            first = ds.start + dt.timedelta(days=replay0)
            last = ds.start + dt.timedelta(days=n - 1)
            print(f"{ds.name}: {len(ds.series)} series, replay {first}..{last}, {reviews} reviews", flush=True)
            levels, results, secs = {}, {}, {}
            t0 = time.perf_counter()
            sub = work / ds.name
            sub.mkdir()
            levels["Quartermaster"] = plan_ours(ds, replay0, reviews, a, sub)
            secs["Quartermaster"] = time.perf_counter() - t0
            print(f"  ours: {secs['Quartermaster']:.1f} s", flush=True)
            if not a.skip_baseline:
                levels["AutoETS"], seconds = cached_baseline(ds, replay0, reviews, a)
                secs["AutoETS"] = float("nan") if seconds is None else seconds
                print(f"  AutoETS: {secs['AutoETS']:.1f} s", flush=True)
            for method in levels:
                results[method] = evaluate(ds, replay0, levels[method], a)
                for name, o in results[method].items():
                    csv_rows.append([ds.name, name, method, f"{o.demanded:g}", f"{o.served:g}",
                                     f"{o.fill_rate:.4f}", f"{o.mean_on_hand:.3f}", f"{o.mean_demand:.3f}",
                                     f"{o.days_of_supply:.3f}", f"{np.mean(levels[method][name]):.3f}",
                                     len(o.lost_days)])
            md += [f"## {ds.name}: {len(ds.series)} series, replay {first} .. {last}", ""]
            if getattr(ds, "note", None):
                md += [ds.note, ""]
            md += table(ds, results, levels, a, per_series=len(ds.series) <= 10)
            ratio = [np.mean(levels["Quartermaster"][k]) / np.mean(levels["AutoETS"][k])
                     for k in ds.series if "AutoETS" in levels and np.mean(levels["AutoETS"][k]) > 0]
            if ratio:
                q = np.percentile(ratio, [25, 50, 75])
                md += [f"Mean order-up-to level, Quartermaster / AutoETS, per series: median {q[1]:.2f} "
                       f"(quartiles {q[0]:.2f}-{q[2]:.2f}, {len(ratio)} series with a baseline level above 0).", ""]
            md += [f"Planning time for {reviews} reviews: Quartermaster {secs['Quartermaster']:.1f} s "
                   f"({reviews} `reorder` runs), AutoETS "
                   + (f"{secs['AutoETS']:.1f} s" if np.isfinite(secs.get("AutoETS", np.nan)) else "not timed (levels from an older cache)")
                   + (" (from the run that filled --baseline-cache)" if a.baseline_cache else "") + ".", ""]
            timings.append((ds.name, secs))
            for method, res in results.items():
                s = summary(res, a.target)
                print(f"  {method}: pooled fill {pct(s['pooled'])}, within {s['within']}/{s['scored']}, "
                      f"days of supply {s['dos']:.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import statsforecast
    md += ["Per-series results: " + a.out.with_suffix(".csv").name + ". "
           f"statsforecast {statsforecast.__version__}, Python {platform.python_version()}, "
           f"measured {dt.date.today()}.", ""]
    a.out.write_text("\n".join(md))
    write_csv(a.out.with_suffix(".csv"), csv_rows)
    print(f"wrote {a.out} and {a.out.with_suffix('.csv')}")


if __name__ == "__main__":
    main()
