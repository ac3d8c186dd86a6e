#!/usr/bin/env python3
"""Accuracy + speed benchmark: Quartermaster CLI vs statsforecast peers, in the same run.

Data sets and protocols (the data folder's README.md; PROTOCOLS below): hospital.csv (hold out
the last 12 months, MASE lag 12), intermittent_automotive.csv (last 6 months, judged on RMSSE),
bike_daily.csv (h=28, season 7, 4 rolling origins, MASE lag 7), and italy/'s national daily
hospital census (ward and ICU occupancy, whose first two years ran 10-100 times today's level: a
change of regime; the same daily protocol, read for how wide the intervals are); salesdaily.csv
(Kaggle's "Pharma sales data", 8 daily drug classes, when the folder holds it: h=28, season 7, 6
rolling origins, MASE lag 7). Every tool is
scored by metrics.py (MASE, RMSSE, sMAPE, WAPE, coverage, interval width).

Usage (from the repo root; run.sh wraps this):
    Benchmarks/.venv/bin/python Benchmarks/accuracy/bench.py --data DATA_FOLDER [--only hospital]
        [--skip-ours] [--arima] [--ours-models auto] [--peers Naive,AutoETS]
        [--binary .build/release/quartermaster]

Everything runs on one core: the Python process pins itself with sched_setaffinity, our CLI
is started under `taskset -c CPU`, statsforecast models are called directly one series at a time
(equivalent to StatsForecast(n_jobs=1) minus its DataFrame overhead), BLAS threads are set to 1.
"""

from __future__ import annotations

import os

# One thread for any BLAS / OpenMP used by numpy, scipy, statsmodels (set before importing them).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import datetime as _dt
import platform
import shutil
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from metrics import Scores, evaluate  # noqa: E402

# The data sets and their protocols (the data folder's README.md), with the figures published
# there (statsforecast 2.1.1, one core): model -> (MASE, RMSSE or None).
@dataclass
class Protocol:
    name: str
    file: str
    date: str            # the file's date column
    frequency: str       # our --frequency
    h: int
    season: int          # our --season and the peers' season_length
    scale_lag: int       # MASE scale (RMSSE is always lag 1)
    origins: int         # rolling origins: origin k trains on all but the last h*k points
    judge: str           # "MASE" or "RMSSE": the figure the data set is judged on
    peers: list
    reference: dict
    period_chars: int    # characters of a period label compared with ours
    wide: tuple = ()     # a wide file's value columns, each one series (empty: long `series,DATE,value`)
    date_format: str = ""  # strptime layout of a date column that is not ISO (read and rewritten as ISO)


PROTOCOLS = {
    "hospital": Protocol(
        "hospital", "hospital.csv", "period", "month", h=12, season=12, scale_lag=12, origins=1,
        judge="MASE",
        peers=["Naive", "SeasonalNaive", "SES", "Theta", "AutoETS", "AutoTheta", "AutoCES"],
        reference={
            "Naive": (0.968, None), "SeasonalNaive": (0.921, None), "SES": (0.815, None),
            "Theta": (0.761, None), "AutoETS": (0.770, None), "AutoTheta": (0.774, None),
            "AutoARIMA": (0.783, None), "AutoCES": (0.788, None),
            "Ensemble(AutoETS,AutoTheta,AutoARIMA)": (0.756, None),
        },
        period_chars=7),
    "intermittent": Protocol(
        "intermittent", "intermittent_automotive.csv", "period", "month", h=6, season=12, scale_lag=1,
        origins=1, judge="RMSSE",
        # The plain mean of the training months beside the intermittent methods: on 18 short,
        # noisy months it is the strongest simple benchmark.
        peers=["Naive", "HistoricAverage", "CrostonClassic", "CrostonOptimized", "CrostonSBA", "TSB", "ADIDA",
               "IMAPA", "AutoETS", "AutoTheta"],
        reference={
            "Naive": (1.152, 1.064), "CrostonOptimized": (0.905, 0.837), "CrostonSBA": (0.883, 0.824),
            "TSB": (0.898, 0.833), "ADIDA": (0.902, 0.837), "IMAPA": (0.905, 0.839),
            "AutoETS": (0.906, 0.840), "AutoTheta": (0.987, 0.904),
        },
        period_chars=7),
    "daily": Protocol(
        "daily", "bike_daily.csv", "date", "day", h=28, season=7, scale_lag=7, origins=4, judge="MASE",
        peers=["SeasonalNaive", "AutoETS", "AutoTheta", "MSTL"],
        reference={"SeasonalNaive": (1.548, None), "AutoETS": (1.211, None), "AutoTheta": (1.222, None),
                   "MSTL": (1.270, None)},
        period_chars=10),
    "census": Protocol(
        "census", "italy/dpc-covid19-ita-andamento-nazionale.csv", "data", "day", h=28, season=7,
        scale_lag=7, origins=4, judge="MASE",
        peers=["SeasonalNaive", "AutoETS", "AutoTheta", "MSTL"], reference={}, period_chars=10,
        wide=("ricoverati_con_sintomi", "terapia_intensiva")),
    # Kaggle's "Pharma sales data" (Zdravkovic): daily sales of 8 ATC drug classes from one
    # pharmacy, 2014-01-02..2019-10-08, wide, dates M/D/YYYY. Not in the reference folder: pass
    # a folder holding salesdaily.csv (or the file). The protocol of the daily pharmacy
    # check: h = 28, season 7, 6 rolling origins, MASE lag 7.
    "pharma": Protocol(
        "pharma", "salesdaily.csv", "datum", "day", h=28, season=7, scale_lag=7, origins=6, judge="MASE",
        peers=["SeasonalNaive", "AutoETS", "AutoTheta", "MSTL", "AutoARIMA"], reference={}, period_chars=10,
        wide=("M01AB", "M01AE", "N02BA", "N02BE", "N05B", "N05C", "R03", "R06"), date_format="%m/%d/%Y"),
}


@dataclass
class Row:
    name: str
    scores: Scores | None = None
    seconds: float | None = None
    note: str = ""
    failed: bool = False
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------
# data


def load(path: Path, proto: Protocol):
    """Rolling origins: origin k (1..origins) trains on all but the last h*k points and is scored
    on the h points after that. Keys are `series` for one origin, `series@k` for several."""
    h = proto.h
    if proto.wide:
        raw = pd.read_csv(path, dtype={proto.date: str})
        if proto.date_format:
            raw[proto.date] = pd.to_datetime(raw[proto.date], format=proto.date_format).dt.strftime("%Y-%m-%d")
        df = raw.melt(id_vars=[proto.date], value_vars=list(proto.wide), var_name="series", value_name="value")
    else:
        df = pd.read_csv(path, dtype={"series": str, proto.date: str})
    df = df.rename(columns={proto.date: "period"})
    df = df.sort_values(["series", "period"], kind="stable")
    order = list(dict.fromkeys(df["series"]))
    train, test, test_periods, train_frames = {}, {}, {}, {}
    for k in range(1, proto.origins + 1):
        parts = []
        for sid, g in df.groupby("series", sort=False):
            vals = g["value"].to_numpy(dtype=np.float64)
            cut = vals.size - h * k
            if cut <= 0:
                raise SystemExit(f"series {sid} has only {vals.size} points (h={h}, origin {k})")
            key = sid if proto.origins == 1 else f"{sid}@{k}"
            train[key] = vals[:cut]
            test[key] = vals[cut:cut + h]
            test_periods[key] = list(g["period"].iloc[cut:cut + h].str.slice(0, proto.period_chars))
            parts.append(g.iloc[:cut])
        frame = pd.concat(parts)
        train_frames[k] = frame.set_index("series").loc[order].reset_index()
    return train_frames, train, test, test_periods


# --------------------------------------------------------------------------------------
# ours


def run_ours(args, proto: Protocol, stem: str, train_frames, test_periods, levels) -> Row:
    """Our CLI once per origin, on that origin's training file; seconds are summed."""
    name = f"Quartermaster (--models {args.ours_models})"
    binary = Path(args.binary)
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.exists():
        return Row(name, failed=True, note=f"failed: binary not found ({binary})")
    workdir = Path(args.workdir)
    row = Row(name, seconds=0.0)
    row.extra["forecasts"] = {}
    outputs = []
    for k, frame in train_frames.items():
        train_csv = workdir / f"{stem}_train{k}.csv"
        frame[["series", "period", "value"]].to_csv(train_csv, index=False)
        out_csv = workdir / f"{stem}_ours{k}.csv"
        cmd = [
            str(binary), "forecast",
            "--input", str(train_csv),
            "--series", "series", "--date", "period", "--value", "value",
            "--frequency", proto.frequency,
            "--horizon", str(proto.h), "--season", str(proto.season),
            "--models", args.ours_models,
            "--levels", ",".join(str(lv) for lv in levels),
            "--backtest", str(args.backtest),
            "--out", str(out_csv),
        ]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", str(args.cpu)] + cmd
        if out_csv.exists():
            out_csv.unlink()
        print("$ " + " ".join(cmd), flush=True)
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=args.ours_timeout)
        except subprocess.TimeoutExpired:
            return Row(name, failed=True, note=f"failed: timeout after {args.ours_timeout}s")
        row.seconds += time.perf_counter() - t0
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-3:]
            return Row(name, seconds=row.seconds, failed=True,
                       note=f"failed: exit {proc.returncode}: " + " | ".join(tail)[:300])
        if not out_csv.exists():
            return Row(name, seconds=row.seconds, failed=True, note="failed: no output file written")
        suffix = "" if proto.origins == 1 else f"@{k}"
        try:
            row.extra["forecasts"].update(parse_ours(out_csv, test_periods, levels, suffix, proto.period_chars))
        except Exception as exc:  # malformed output is a failure of ours, not of the bench
            return Row(name, seconds=row.seconds, failed=True, note=f"failed: bad output: {exc}")
        outputs.append(pd.read_csv(out_csv, dtype={"series": str, "period": str}))
    out = pd.concat(outputs)
    for col in ("model", "demand_class"):
        if col in out.columns:
            vals = out.drop_duplicates("series")[col].astype(str) if proto.origins == 1 else \
                out.groupby("series", sort=False).head(1)[col].astype(str)
            # "Combo(ETS(A,N,N) 37%, Theta 37%, ...)" -> "Combo(ETS(A,N,N), Theta, ...)"
            vals = vals.str.replace(r"\s*\d+(\.\d+)?%", "", regex=True)
            counts = vals.value_counts()
            top = [f"{k} {v}" for k, v in counts.head(8).items()]
            if len(counts) > 8:
                top.append(f"{len(counts) - 8} other kinds {int(counts.iloc[8:].sum())}")
            row.extra[col] = "; ".join(top)
    return row


def parse_ours(out_csv: Path, test_periods, levels, suffix: str, period_chars: int):
    out = pd.read_csv(out_csv, dtype={"series": str, "period": str})
    need = {"series", "period", "forecast"}
    if not need.issubset(out.columns):
        raise ValueError(f"missing columns {sorted(need - set(out.columns))}")
    out["period"] = out["period"].str.slice(0, period_chars)  # tolerate YYYY-MM-DD for months
    fc = {}
    for sid, g in out.groupby("series", sort=False):
        key = sid + suffix
        if key not in test_periods:
            continue
        g = g.drop_duplicates("period").set_index("period").reindex(test_periods[key])
        entry = {"forecast": g["forecast"].to_numpy(dtype=np.float64)}
        for lv in levels:
            lo, hi = f"lo{lv}", f"hi{lv}"
            if lo in g.columns and hi in g.columns:
                entry[lo] = pd.to_numeric(g[lo], errors="coerce").to_numpy(dtype=np.float64)
                entry[hi] = pd.to_numeric(g[hi], errors="coerce").to_numpy(dtype=np.float64)
        fc[key] = entry
    return fc


# --------------------------------------------------------------------------------------
# peers


def peer_factories(season: int):
    from statsforecast.models import (
        ADIDA, IMAPA, MSTL, TSB, AutoARIMA, AutoCES, AutoETS, AutoTheta, CrostonClassic,
        CrostonOptimized, CrostonSBA, HistoricAverage, Naive, SeasonalNaive, Theta,
    )
    return {
        "Naive": lambda: Naive(),
        "HistoricAverage": lambda: HistoricAverage(),
        "SeasonalNaive": lambda: SeasonalNaive(season_length=season),
        "SES": lambda: AutoETS(season_length=season, model="ANN", alias="SES"),
        "Theta": lambda: Theta(season_length=season),
        "AutoETS": lambda: AutoETS(season_length=season),
        "AutoTheta": lambda: AutoTheta(season_length=season),
        "AutoCES": lambda: AutoCES(season_length=season),
        "AutoARIMA": lambda: AutoARIMA(season_length=season),
        "CrostonClassic": lambda: CrostonClassic(),
        "CrostonOptimized": lambda: CrostonOptimized(),
        "CrostonSBA": lambda: CrostonSBA(),
        "TSB": lambda: TSB(alpha_d=0.2, alpha_p=0.2),
        "ADIDA": lambda: ADIDA(),
        "IMAPA": lambda: IMAPA(),
        "MSTL": lambda: MSTL(season_length=[season, 365]),
    }


def forecast_all(model_factory, series: dict, h: int, levels):
    """Fit + predict every series with `model.forecast(y, h, level=...)` (no framework overhead)."""
    out = {}
    with_levels = bool(levels)
    for sid, y in series.items():
        model = model_factory()
        try:
            if levels and with_levels:
                res = model.forecast(y=y, h=h, level=list(levels))
            else:
                res = model.forecast(y=y, h=h)
        except Exception:
            if not (levels and with_levels):
                raise
            with_levels = False  # model has no native intervals: retry without
            res = model.forecast(y=y, h=h)
        entry = {"forecast": np.asarray(res["mean"], dtype=np.float64)}
        for lv in levels:
            if f"lo-{lv}" in res and f"hi-{lv}" in res:
                entry[f"lo{lv}"] = np.asarray(res[f"lo-{lv}"], dtype=np.float64)
                entry[f"hi{lv}"] = np.asarray(res[f"hi-{lv}"], dtype=np.float64)
        out[sid] = entry
    return out, with_levels


def run_peer(name, factory, train: dict, h, levels, points_pass=True, n_warm=5) -> Row:
    """Time fit+predict over all series: optionally once for point forecasts only (the README's
    protocol), then once with prediction intervals (scored; apples-to-apples with our CLI)."""
    row = Row(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warm = dict(list(train.items())[:n_warm])
            forecast_all(factory, warm, h, ())      # warm-up (imports, caches): untimed
            forecast_all(factory, warm, h, levels)
            if points_pass:
                t0 = time.perf_counter()
                fc_points, _ = forecast_all(factory, train, h, ())
                row.extra["seconds_points"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            fc, with_levels = forecast_all(factory, train, h, levels)
            row.seconds = time.perf_counter() - t0
    except Exception as exc:
        return Row(name, failed=True, note=f"failed: {type(exc).__name__}: {exc}"[:300])
    if not with_levels:
        row.note = "no intervals"
    if points_pass:
        diff = max(float(np.max(np.abs(fc[s]["forecast"] - fc_points[s]["forecast"]))) for s in fc)
        if diff > 1e-9:
            row.note = (row.note + "; " if row.note else "") + f"points differ between passes by {diff:.3g}"
    row.extra["forecasts"] = fc
    return row


# --------------------------------------------------------------------------------------
# report


def fmt(x, spec):
    return "" if x is None or (isinstance(x, float) and not np.isfinite(x)) else format(x, spec)


def fmt_secs(x):
    if x is None:
        return ""
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def table(rows, levels, reference):
    head = ["model", "MASE", "RMSSE", "sMAPE", "WAPE"] + [f"{lv}% cov." for lv in levels] + [
        f"{max(levels)}% width", "s (points)", "s (with PI)", "series", "ref. MASE", "ref. RMSSE", "note"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        s = r.scores
        ref = reference.get(r.name)
        cells = [r.name]
        if s is None:
            cells += [""] * (5 + len(levels))
        else:
            cells += [fmt(s.mase, ".3f"), fmt(s.rmsse, ".3f"), fmt(s.smape, ".2f"), fmt(s.wape, ".3f")]
            cells += [fmt(s.coverage.get(lv), ".3f") for lv in levels]
            cells.append(fmt(s.width.get(max(levels)), ".3f"))
        cells.append(fmt_secs(r.extra.get("seconds_points")))
        cells.append(fmt_secs(r.seconds))
        cells.append("" if s is None else (f"{s.n_series}" + (f" ({s.n_missing} missing)" if s.n_missing else "")))
        cells.append("" if ref is None else f"{ref[0]:.3f}")
        cells.append("" if ref is None or ref[1] is None else f"{ref[1]:.3f}")
        cells.append(r.note)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def versions():
    out = {"python": platform.python_version()}
    for mod in ("statsforecast", "numpy", "pandas", "scipy", "statsmodels"):
        try:
            out[mod] = __import__(mod).__version__
        except Exception:
            pass
    return out


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


# --------------------------------------------------------------------------------------


def run_dataset(args, proto: Protocol, path: Path, levels) -> list:
    """Runs ours and the peers on one data set; returns its Markdown section's lines."""
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    train_frames, train, test, test_periods = load(path, proto)
    print(f"== {proto.name}: {path.name}, {len(train)} (series, origin) pairs, h={proto.h}, "
          f"season={proto.season}, origins={proto.origins}", flush=True)

    rows: list[Row] = []
    if not args.skip_ours:
        row = run_ours(args, proto, path.stem, train_frames, test_periods, levels)
        rows.append(row)
        print(f"  {row.name}: {fmt(row.seconds, '.2f')} s {row.note}", flush=True)

    if not args.skip_peers:
        peers = [p.strip() for p in args.peers.split(",") if p.strip()] if args.peers else list(proto.peers)
        if args.arima and proto.name == "hospital" and "AutoARIMA" not in peers:
            peers.append("AutoARIMA")
        factories = peer_factories(proto.season)
        unknown = [p for p in peers if p not in factories]
        if unknown:
            raise SystemExit(f"unknown peers: {unknown}")
        for p in peers:
            print(f"  running {p} ...", flush=True)
            row = run_peer(p, factories[p], train, proto.h, levels, points_pass=not args.single_pass)
            rows.append(row)
            print(f"  {p}: {fmt(row.extra.get('seconds_points'), '.2f')} s points, "
                  f"{fmt(row.seconds, '.2f')} s with intervals {row.note}", flush=True)
        by = {r.name: r for r in rows}
        members = ["AutoETS", "AutoTheta", "AutoARIMA"]
        if all(m in by and not by[m].failed for m in members):
            fc = {}
            for sid in test:
                parts = [by[m].extra["forecasts"].get(sid) for m in members]
                if all(p is not None for p in parts):
                    fc[sid] = {"forecast": np.mean([p["forecast"] for p in parts], axis=0)}
            ens = Row("Ensemble(AutoETS,AutoTheta,AutoARIMA)",
                      seconds=sum(by[m].seconds for m in members), note="mean of point forecasts")
            if all("seconds_points" in by[m].extra for m in members):
                ens.extra["seconds_points"] = sum(by[m].extra["seconds_points"] for m in members)
            ens.extra["forecasts"] = fc
            rows.append(ens)

    for r in rows:
        if not r.failed:
            r.scores = evaluate(train, test, r.extra.get("forecasts", {}), proto.scale_lag, levels)

    by = {r.name: r for r in rows}
    ours = rows[0] if rows and rows[0].name.startswith("Quartermaster") else None
    notes = []
    if ours is not None and "AutoETS" in by:
        if ours.failed or not ours.seconds or by["AutoETS"].failed:
            notes.append("Speed ratio (statsforecast AutoETS seconds / ours seconds): n/a (a run failed)")
        else:
            ets = by["AutoETS"]
            line = (f"Speed ratio (statsforecast AutoETS seconds / ours seconds): "
                    f"with intervals {ets.seconds:.2f} / {ours.seconds:.2f} = {ets.seconds / ours.seconds:.2f}x")
            if "seconds_points" in ets.extra:
                line += (f"; AutoETS points only {ets.extra['seconds_points']:.2f} / "
                         f"{ours.seconds:.2f} = {ets.extra['seconds_points'] / ours.seconds:.2f}x")
            notes.append(line)
    if ours is not None and ours.scores is not None:
        key = "mase" if proto.judge == "MASE" else "rmsse"
        peers = [r for r in rows[1:] if r.scores is not None and not r.name.startswith("Ensemble")]
        if peers:
            best = min(peers, key=lambda r: getattr(r.scores, key))
            b, o = getattr(best.scores, key), getattr(ours.scores, key)
            notes.append(f"Judged on {proto.judge}: ours {o:.3f}, best single statsforecast model "
                         f"{best.name} {b:.3f} ({'ours better' if o < b else 'ours not better'})")

    tbl = table(rows, levels, proto.reference)
    print()
    print(tbl)
    for line in notes:
        print(line)
    scope = (f"train = all but the last {proto.h} points, test = the {proto.h} after"
             if proto.origins == 1 else
             f"{proto.origins} rolling origins, origin k trains on all but the last {proto.h}k points "
             f"and is scored on the {proto.h} after; every figure averages the (series, origin) pairs")
    lines = [
        f"## {proto.name}: `{path.name}`",
        "",
        f"- Data: {len(train_frames[1]['series'].unique())} series; {scope}; h={proto.h}, "
        f"season={proto.season} (ours: `--frequency {proto.frequency} --season {proto.season}`); "
        f"MASE scaled by the lag-{proto.scale_lag} in-sample difference, RMSSE by the lag-1; "
        f"judged on {proto.judge}.",
        "",
        tbl,
        "",
    ]
    lines += [f"{line}" for line in notes] + ([""] if notes else [])
    if ours is not None and not ours.failed:
        for col in ("model", "demand_class"):
            if col in ours.extra:
                lines.append(f"- ours, `{col}` per series: {ours.extra[col]}")
        lines.append("")
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True,
                    help="the reference data folder (runs every data set in it that has a protocol), "
                         "or one of its files")
    ap.add_argument("--only", default="", help="comma list of data sets to run: " + ",".join(PROTOCOLS))
    ap.add_argument("--levels", default="80,95")
    ap.add_argument("--binary", default=".build/release/quartermaster")
    ap.add_argument("--ours-models", default="auto", help="value passed to our --models")
    ap.add_argument("--backtest", type=int, default=3, help="value passed to our --backtest")
    ap.add_argument("--ours-timeout", type=float, default=3600)
    ap.add_argument("--skip-ours", action="store_true", help="run only the statsforecast peers")
    ap.add_argument("--skip-peers", action="store_true", help="run only our CLI")
    ap.add_argument("--peers", default="",
                    help="comma list overriding each data set's peers (names as in peer_factories)")
    ap.add_argument("--arima", action="store_true", help="also run AutoARIMA on hospital (takes minutes) and the ensemble")
    ap.add_argument("--single-pass", action="store_true",
                    help="time peers only with intervals (skip the points-only timing pass)")
    ap.add_argument("--cpu", type=int, default=0, help="core to pin to")
    ap.add_argument("--workdir", default=str(REPO / "Benchmarks" / "data"))
    ap.add_argument("--results", default=str(HERE / "results.md"))
    args = ap.parse_args(argv)

    levels = tuple(int(x) for x in args.levels.split(",") if x)
    try:
        os.sched_setaffinity(0, {args.cpu})
    except (AttributeError, OSError) as exc:
        print(f"warning: could not pin to cpu {args.cpu}: {exc}", file=sys.stderr)

    data = Path(args.data)
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    jobs = []
    for proto in PROTOCOLS.values():
        path = data / proto.file if data.is_dir() else data
        if data.is_file() and data.name != proto.file:
            continue
        if only and proto.name not in only:
            continue
        if path.exists():
            jobs.append((proto, path))
    if not jobs:
        raise SystemExit(f"no data set with a protocol found at {data} "
                         f"(expected {', '.join(p.file for p in PROTOCOLS.values())})")

    now = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    v = versions()
    shown = ["Benchmarks/accuracy/run.sh"] + [
        "DATA" if prev == "--data" else a for prev, a in zip([""] + list(argv or sys.argv[1:]), argv or sys.argv[1:])]
    lines = [
        "# Accuracy benchmark: " + ", ".join(p.file for p, _ in jobs),
        "",
        f"- Date: {now}",
        f"- Machine: nproc={os.cpu_count()} ({cpu_model()}); everything pinned to cpu {args.cpu}, "
        f"statsforecast models called directly, one series at a time",
        f"- Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
        "- Metrics (`Benchmarks/accuracy/metrics.py`, same code for every tool): MASE scaled by the "
        "in-sample mean absolute lag-m difference (m per data set below), RMSSE by the root mean "
        "squared lag-1 difference, both averaged over series; sMAPE 0-200 averaged over series; WAPE "
        "pooled; coverage pooled over series and horizons; width = the interval's mean width over the "
        "mean actual, averaged over series (narrower is better only where coverage holds).",
        "- Seconds: ours = the whole `quartermaster forecast` process under `taskset` (start-up, CSV "
        "read, model selection, backtest, intervals, CSV write; summed over origins), in the "
        "`s (with PI)` column. statsforecast = a loop of `model.forecast(y, h)` over in-memory float64 "
        "arrays, one series at a time, after an untimed warm-up on 5 series: `s (points)` = point "
        "forecasts only (the README's protocol), `s (with PI)` = with `level=[80,95]` where the model "
        "has intervals (the scored run). Compare speed only as a ratio measured in the same run.",
        "- `ref. MASE` / `ref. RMSSE` = figures published in the data folder's README.md.",
        f"- Command: `{' '.join(shown)}` (DATA = the reference data folder)",
        "",
    ]
    for proto, path in jobs:
        lines += run_dataset(args, proto, path, levels)
    Path(args.results).write_text("\n".join(lines))
    print(f"\nwrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
