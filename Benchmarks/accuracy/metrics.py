"""Accuracy metrics shared by every tool in the benchmark, so all are scored identically.

Protocol (the data folder's README.md):
  * MASE: mean absolute forecast error divided by the in-sample mean absolute seasonal
    (lag-m) difference of the training part; averaged over series.
  * sMAPE: 0-200 scale, mean over horizons of 200*|a-f|/(|a|+|f|) (0/0 counts as 0);
    averaged over series.
  * WAPE: sum|error| / sum|actual|, pooled over all series and horizons.
  * RMSSE: root mean squared forecast error divided by the root mean squared lag-1 in-sample
    difference of the training part (DESIGN.md's accuracy.csv rmsse); averaged over series.
    Intermittent series are judged on it: MASE rewards forecasts near zero.
  * Coverage: share of actuals inside [lo, hi], pooled over all series and horizons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np


def mase_scale(insample: np.ndarray, m: int) -> float:
    """Mean absolute lag-m difference of the training data (falls back to lag 1 if n <= m)."""
    y = np.asarray(insample, dtype=np.float64)
    lag = m if y.size > m else 1
    return float(np.mean(np.abs(y[lag:] - y[:-lag])))


def mase(insample: np.ndarray, actual: np.ndarray, forecast: np.ndarray, m: int) -> float:
    a = np.asarray(actual, dtype=np.float64)
    f = np.asarray(forecast, dtype=np.float64)
    scale = mase_scale(insample, m)
    mae = float(np.mean(np.abs(a - f)))
    if scale == 0.0:
        return 0.0 if mae == 0.0 else float("inf")
    return mae / scale


def rmsse(insample: np.ndarray, actual: np.ndarray, forecast: np.ndarray) -> float:
    """RMSE over the root mean squared lag-1 difference of the training data."""
    y = np.asarray(insample, dtype=np.float64)
    a = np.asarray(actual, dtype=np.float64)
    f = np.asarray(forecast, dtype=np.float64)
    scale = float(np.mean((y[1:] - y[:-1]) ** 2)) if y.size > 1 else 0.0
    mse = float(np.mean((a - f) ** 2))
    if scale == 0.0:
        return 0.0 if mse == 0.0 else float("inf")
    return (mse / scale) ** 0.5


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    a = np.asarray(actual, dtype=np.float64)
    f = np.asarray(forecast, dtype=np.float64)
    num = np.abs(a - f)
    den = np.abs(a) + np.abs(f)
    terms = np.where(den == 0.0, 0.0, 200.0 * num / np.where(den == 0.0, 1.0, den))
    return float(np.mean(terms))


@dataclass
class Scores:
    mase: float
    rmsse: float
    smape: float
    wape: float
    coverage: dict[int, float] = field(default_factory=dict)  # level -> pooled coverage
    width: dict[int, float] = field(default_factory=dict)     # level -> mean interval width / mean actual
    n_series: int = 0          # series scored
    n_missing: int = 0         # series with no (or incomplete / non-finite) forecast


def evaluate(
    train: Mapping[str, np.ndarray],
    test: Mapping[str, np.ndarray],
    forecasts: Mapping[str, Mapping[str, np.ndarray]],
    m: int,
    levels: tuple[int, ...] = (80, 95),
) -> Scores:
    """Score one tool.

    train / test: series id -> values (test has length h).
    forecasts:    series id -> {"forecast": array(h), optional "lo80", "hi80", "lo95", ...}.
    Series missing from `forecasts`, or with a wrong-length / non-finite point forecast,
    are counted in n_missing and left out of every metric (so a tool cannot look better by
    dropping series silently: always report n_missing next to the figures).
    Coverage for a level is reported only if every scored series supplies that interval.
    """
    mases, rmsses, smapes = [], [], []
    abs_err_sum = 0.0
    abs_act_sum = 0.0
    hits = {lv: 0 for lv in levels}
    counts = {lv: 0 for lv in levels}
    have_level = {lv: True for lv in levels}
    widths = {lv: [] for lv in levels}
    missing = 0
    for sid, actual in test.items():
        fc = forecasts.get(sid)
        a = np.asarray(actual, dtype=np.float64)
        if fc is None or "forecast" not in fc:
            missing += 1
            continue
        f = np.asarray(fc["forecast"], dtype=np.float64)
        if f.shape != a.shape or not np.all(np.isfinite(f)):
            missing += 1
            continue
        mases.append(mase(train[sid], a, f, m))
        rmsses.append(rmsse(train[sid], a, f))
        smapes.append(smape(a, f))
        abs_err_sum += float(np.sum(np.abs(a - f)))
        abs_act_sum += float(np.sum(np.abs(a)))
        for lv in levels:
            lo, hi = fc.get(f"lo{lv}"), fc.get(f"hi{lv}")
            if lo is None or hi is None:
                have_level[lv] = False
                continue
            lo = np.asarray(lo, dtype=np.float64)
            hi = np.asarray(hi, dtype=np.float64)
            if lo.shape != a.shape or hi.shape != a.shape or not (
                np.all(np.isfinite(lo)) and np.all(np.isfinite(hi))
            ):
                have_level[lv] = False
                continue
            hits[lv] += int(np.sum((a >= lo) & (a <= hi)))
            counts[lv] += a.size
            level = float(np.mean(np.abs(a)))
            if level > 0:
                widths[lv].append(float(np.mean(hi - lo)) / level)
    n = len(mases)
    cov = {lv: hits[lv] / counts[lv] for lv in levels if have_level[lv] and counts[lv] > 0 and n > 0}
    return Scores(
        mase=float(np.mean(mases)) if n else float("nan"),
        rmsse=float(np.mean(rmsses)) if n else float("nan"),
        smape=float(np.mean(smapes)) if n else float("nan"),
        wape=abs_err_sum / abs_act_sum if abs_act_sum > 0 else float("nan"),
        coverage=cov,
        width={lv: float(np.mean(widths[lv])) for lv in cov if widths[lv]},
        n_series=n,
        n_missing=missing,
    )
