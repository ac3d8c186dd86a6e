#!/usr/bin/env python3
"""Accuracy + speed benchmark: Quartermaster CLI vs statsforecast peers on hospital.csv.

Protocol (the data folder's README.md): hold out the last `h` months of every series,
fit on the rest, forecast h steps, score with metrics.py (MASE, sMAPE, WAPE, coverage).

Usage (from the repo root; run.sh wraps this):
    Benchmarks/.venv/bin/python Benchmarks/accuracy/bench.py [--skip-ours] [--arima]
        [--ours-models auto] [--peers Naive,AutoETS] [--binary .build/release/quartermaster]

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

# Figures published in the data folder's README.md (statsforecast 2.1.1, one core).
REFERENCE = {
    "Naive": (0.968, 21.60, 0.087),
    "SeasonalNaive": (0.921, 21.03, 0.073),
    "SES": (0.815, 18.04, 0.079),
    "Theta": (0.761, 17.32, 0.067),
    "AutoETS": (0.770, 17.68, 0.065),
    "AutoTheta": (0.774, 17.57, 0.069),
    "AutoARIMA": (0.783, 17.81, 0.072),
    "AutoCES": (0.788, 18.32, 0.068),
    "Ensemble(AutoETS,AutoTheta,AutoARIMA)": (0.756, 17.29, 0.066),
}

DEFAULT_PEERS = ["Naive", "SeasonalNaive", "SES", "Theta", "AutoETS", "AutoTheta", "AutoCES"]


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


def load(path: Path, h: int):
    df = pd.read_csv(path, dtype={"series": str, "period": str})
    df = df.sort_values(["series", "period"], kind="stable")
    order = list(dict.fromkeys(df["series"]))  # keep file order for output
    train, test, test_periods = {}, {}, {}
    train_parts = []
    for sid, g in df.groupby("series", sort=False):
        vals = g["value"].to_numpy(dtype=np.float64)
        if vals.size <= h:
            raise SystemExit(f"series {sid} has only {vals.size} points (h={h})")
        train[sid] = vals[:-h]
        test[sid] = vals[-h:]
        test_periods[sid] = list(g["period"].iloc[-h:])
        train_parts.append(g.iloc[:-h])
    train_df = pd.concat(train_parts)
    train_df = train_df.set_index("series").loc[order].reset_index()
    return train_df, train, test, test_periods


# --------------------------------------------------------------------------------------
# ours


def run_ours(args, train_csv: Path, out_csv: Path, test_periods, levels) -> Row:
    name = f"Quartermaster (--models {args.ours_models})"
    binary = Path(args.binary)
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.exists():
        return Row(name, failed=True, note=f"failed: binary not found ({binary})")
    cmd = [
        str(binary), "forecast",
        "--input", str(train_csv),
        "--series", "series", "--date", "period", "--value", "value",
        "--frequency", "month",
        "--horizon", str(args.h), "--season", str(args.season),
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
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True,
                              timeout=args.ours_timeout)
    except subprocess.TimeoutExpired:
        return Row(name, failed=True, note=f"failed: timeout after {args.ours_timeout}s")
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-3:]
        return Row(name, seconds=secs, failed=True,
                   note=f"failed: exit {proc.returncode}: " + " | ".join(tail)[:300])
    if not out_csv.exists():
        return Row(name, seconds=secs, failed=True, note="failed: no output file written")
    try:
        fc = parse_ours(out_csv, test_periods, levels)
    except Exception as exc:  # malformed output is a failure of ours, not of the bench
        return Row(name, seconds=secs, failed=True, note=f"failed: bad output: {exc}")
    row = Row(name, seconds=secs)
    row.extra["forecasts"] = fc
    out = pd.read_csv(out_csv, dtype={"series": str, "period": str})
    for col in ("model", "demand_class"):
        if col in out.columns:
            vals = out.drop_duplicates("series")[col].astype(str)
            # "Combo(ETS(A,N,N) 37%, Theta 37%, ...)" -> "Combo(ETS(A,N,N), Theta, ...)"
            vals = vals.str.replace(r"\s*\d+(\.\d+)?%", "", regex=True)
            counts = vals.value_counts()
            top = [f"{k} {v}" for k, v in counts.head(8).items()]
            if len(counts) > 8:
                top.append(f"{len(counts) - 8} other kinds {int(counts.iloc[8:].sum())}")
            row.extra[col] = "; ".join(top)
    return row


def parse_ours(out_csv: Path, test_periods, levels):
    out = pd.read_csv(out_csv, dtype={"series": str, "period": str})
    need = {"series", "period", "forecast"}
    if not need.issubset(out.columns):
        raise ValueError(f"missing columns {sorted(need - set(out.columns))}")
    out["period"] = out["period"].str.slice(0, 7)  # tolerate YYYY-MM-DD
    fc = {}
    for sid, g in out.groupby("series", sort=False):
        if sid not in test_periods:
            continue
        g = g.drop_duplicates("period").set_index("period").reindex(test_periods[sid])
        entry = {"forecast": g["forecast"].to_numpy(dtype=np.float64)}
        for lv in levels:
            lo, hi = f"lo{lv}", f"hi{lv}"
            if lo in g.columns and hi in g.columns:
                entry[lo] = pd.to_numeric(g[lo], errors="coerce").to_numpy(dtype=np.float64)
                entry[hi] = pd.to_numeric(g[hi], errors="coerce").to_numpy(dtype=np.float64)
        fc[sid] = entry
    return fc


# --------------------------------------------------------------------------------------
# peers


def peer_factories(season: int):
    from statsforecast.models import (
        AutoARIMA, AutoCES, AutoETS, AutoTheta, Naive, SeasonalNaive, Theta,
    )
    return {
        "Naive": lambda: Naive(),
        "SeasonalNaive": lambda: SeasonalNaive(season_length=season),
        "SES": lambda: AutoETS(season_length=season, model="ANN", alias="SES"),
        "Theta": lambda: Theta(season_length=season),
        "AutoETS": lambda: AutoETS(season_length=season),
        "AutoTheta": lambda: AutoTheta(season_length=season),
        "AutoCES": lambda: AutoCES(season_length=season),
        "AutoARIMA": lambda: AutoARIMA(season_length=season),
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


def table(rows, levels):
    head = ["model", "MASE", "sMAPE", "WAPE"] + [f"{lv}% cov." for lv in levels] + [
        "s (points)", "s (with PI)", "series", "ref. MASE", "note"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        s = r.scores
        ref = REFERENCE.get(r.name)
        cells = [r.name]
        if s is None:
            cells += [""] * (3 + len(levels))
        else:
            cells += [fmt(s.mase, ".3f"), fmt(s.smape, ".2f"), fmt(s.wape, ".3f")]
            cells += [fmt(s.coverage.get(lv), ".3f") for lv in levels]
        cells.append(fmt_secs(r.extra.get("seconds_points")))
        cells.append(fmt_secs(r.seconds))
        cells.append("" if s is None else (f"{s.n_series}" + (f" ({s.n_missing} missing)" if s.n_missing else "")))
        cells.append("" if ref is None else f"{ref[0]:.3f}")
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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="hospital.csv (long series,period,value), from the reference data folder")
    ap.add_argument("--h", type=int, default=12)
    ap.add_argument("--season", type=int, default=12)
    ap.add_argument("--levels", default="80,95")
    ap.add_argument("--binary", default=".build/release/quartermaster")
    ap.add_argument("--ours-models", default="auto", help="value passed to our --models")
    ap.add_argument("--backtest", type=int, default=3, help="value passed to our --backtest")
    ap.add_argument("--ours-timeout", type=float, default=3600)
    ap.add_argument("--skip-ours", action="store_true", help="run only the statsforecast peers")
    ap.add_argument("--skip-peers", action="store_true", help="run only our CLI")
    ap.add_argument("--peers", default=",".join(DEFAULT_PEERS),
                    help="comma list from: Naive,SeasonalNaive,SES,Theta,AutoETS,AutoTheta,AutoCES,AutoARIMA")
    ap.add_argument("--arima", action="store_true", help="also run AutoARIMA (takes minutes) and the ensemble")
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
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    train_df, train, test, test_periods = load(data, args.h)
    train_csv = workdir / f"{data.stem}_train.csv"
    train_df[["series", "period", "value"]].to_csv(train_csv, index=False)
    print(f"{len(train)} series, train {train_df['period'].min()}..{train_df['period'].max()}, "
          f"h={args.h}, season={args.season}; training part written to {train_csv}", flush=True)

    rows: list[Row] = []
    if not args.skip_ours:
        row = run_ours(args, train_csv, workdir / f"{data.stem}_ours.csv", test_periods, levels)
        rows.append(row)
        print(f"  {row.name}: {fmt(row.seconds, '.2f')} s {row.note}", flush=True)

    if not args.skip_peers:
        peers = [p.strip() for p in args.peers.split(",") if p.strip()]
        if args.arima and "AutoARIMA" not in peers:
            peers.append("AutoARIMA")
        factories = peer_factories(args.season)
        unknown = [p for p in peers if p not in factories]
        if unknown:
            raise SystemExit(f"unknown peers: {unknown}")
        for p in peers:
            print(f"  running {p} ...", flush=True)
            row = run_peer(p, factories[p], train, args.h, levels, points_pass=not args.single_pass)
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
            r.scores = evaluate(train, test, r.extra.get("forecasts", {}), args.season, levels)

    by = {r.name: r for r in rows}
    ours = rows[0] if rows and rows[0].name.startswith("Quartermaster") else None
    ratio_line = ""
    if ours is not None and "AutoETS" in by:
        if ours.failed or not ours.seconds or by["AutoETS"].failed:
            ratio_line = "Speed ratio (statsforecast AutoETS seconds / ours seconds): n/a (a run failed)"
        else:
            ets = by["AutoETS"]
            ratio = ets.seconds / ours.seconds
            ratio_line = (f"Speed ratio (statsforecast AutoETS seconds / ours seconds): "
                          f"with intervals {ets.seconds:.2f} / {ours.seconds:.2f} = {ratio:.2f}x")
            if "seconds_points" in ets.extra:
                rp = ets.extra["seconds_points"] / ours.seconds
                ratio_line += (f"; AutoETS points only {ets.extra['seconds_points']:.2f} / "
                               f"{ours.seconds:.2f} = {rp:.2f}x")

    tbl = table(rows, levels)
    print()
    print(tbl)
    if ratio_line:
        print(ratio_line)
    if ours is not None and not ours.failed:
        for col in ("model", "demand_class"):
            if col in ours.extra:
                print(f"ours, {col} per series: {ours.extra[col]}")

    now = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    v = versions()
    lines = [
        "# Accuracy benchmark: hospital.csv",
        "",
        f"- Date: {now}",
        f"- Machine: nproc={os.cpu_count()} ({cpu_model()}); everything pinned to cpu {args.cpu}, "
        f"statsforecast models called directly, one series at a time",
        f"- Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
        f"- Data: `{data}`: {len(train)} series; train = all but the last {args.h} months, "
        f"test = last {args.h}; h={args.h}, season={args.season}",
        "- Metrics (`Benchmarks/accuracy/metrics.py`, same code for every tool): MASE scaled by the "
        "in-sample mean absolute lag-12 difference, averaged over series; sMAPE 0-200 averaged over "
        "series; WAPE pooled; coverage pooled over series and horizons.",
        "- Seconds: ours = the whole `quartermaster forecast` process under `taskset` (start-up, CSV "
        "read, model selection, backtest, intervals, CSV write), in the `s (with PI)` column. "
        "statsforecast = a loop of `model.forecast(y, h)` over in-memory float64 arrays, one series "
        "at a time, after an untimed warm-up on 5 series: `s (points)` = point forecasts only (the "
        "README's protocol), `s (with PI)` = with `level=[80,95]` (the scored run). Compare speed "
        "only as a ratio measured in the same run.",
        "- `ref. MASE` = figure published in the data folder's README.md.",
        f"- Command: `{' '.join(['Benchmarks/accuracy/run.sh'] + (argv if argv is not None else sys.argv[1:]))}`",
        "",
        tbl,
        "",
    ]
    if ratio_line:
        lines += [ratio_line, ""]
    if ours is not None and not ours.failed:
        for col in ("model", "demand_class"):
            if col in ours.extra:
                lines.append(f"- ours, `{col}` per series: {ours.extra[col]}")
        lines.append("")
    Path(args.results).write_text("\n".join(lines))
    print(f"\nwrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
