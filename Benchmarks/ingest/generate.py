#!/usr/bin/env python3
"""Generate a synthetic hospital usage export for the ingest benchmark.

Output: CSV with header `date,item,quantity,unit_cost`.

The file is deterministic for a given (--rows, --items, --seed): the same
arguments always produce byte-identical output, so timings from different
machines or commits refer to the same input.

Shape, chosen to resemble a real stock-movement export rather than a
best case for any parser:
  * rows come roughly in date order (exports are chronological) but a few
    percent are booked late, so dates are not monotonic;
  * items are interleaved at random, never grouped, so a tool cannot rely on
    runs of equal keys;
  * item popularity is skewed (log-normal), some items are introduced after
    the start of the window and some are discontinued before its end, which
    exercises the gap filling (zero months) of `quartermaster aggregate`;
  * quantities are mostly small integers with some fractional ones
    (.5, and rarely .25/.75). All are multiples of 1/4, hence exactly
    representable in binary floating point, so sums compare exactly across
    tools regardless of summation order.

Formatting is the expensive part in Python, so it is fully vectorised: every
field comes from a small lookup table of fixed-width, NUL-padded byte
strings, rows are assembled into a 2-D uint8 buffer, and the NUL padding is
dropped with one boolean mask before writing.
"""

import argparse
import os
import sys
import time

import numpy as np

FIRST_DAY = np.datetime64("2023-07-01")
LAST_DAY = np.datetime64("2026-06-30")

DEFAULT_ROWS = 5_000_000
DEFAULT_ITEMS = 20_000
DEFAULT_SEED = 20230701
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "data", "usage-5m.csv"
)

# Costs above this are clipped so the cost lookup table stays small.
MAX_CENTS = 499_999
# Quantities are generated in quarter units up to this many whole units.
MAX_QUANTITY = 500
CHUNK_ROWS = 500_000


def fixed_width_table(strings):
    """Byte strings -> (uint8 matrix, width); shorter entries are NUL-padded."""
    arr = np.array([s.encode("ascii") for s in strings])  # dtype S<maxlen>
    width = arr.dtype.itemsize
    return arr.view(np.uint8).reshape(len(strings), width), width


def quantity_text(quarters):
    whole, frac = divmod(quarters, 4)
    return f"{whole}" + ("", ".25", ".5", ".75")[frac]


def simulate(rows, items, seed):
    """Draw all row attributes; returns per-row arrays in file order."""
    rng = np.random.default_rng(seed)
    n_days = int((LAST_DAY - FIRST_DAY).astype(int)) + 1

    # Per-item properties.
    popularity = rng.lognormal(mean=0.0, sigma=1.2, size=items)
    popularity /= popularity.sum()
    # Active window per item: most items are used throughout; a quarter are
    # introduced later and a tenth are discontinued early.
    start = np.zeros(items, dtype=np.int64)
    late = rng.random(items) < 0.25
    start[late] = rng.integers(0, n_days - 30, size=late.sum())
    end = np.full(items, n_days - 1, dtype=np.int64)
    dropped = rng.random(items) < 0.10
    end[dropped] = rng.integers(start[dropped] + 30, n_days, size=dropped.sum())
    end = np.minimum(end, n_days - 1)
    base_cents = np.clip(
        rng.lognormal(mean=np.log(800), sigma=1.3, size=items), 5, MAX_CENTS
    )

    # Per-row draws.
    item = rng.choice(items, size=rows, p=popularity).astype(np.int32)
    span = end[item] - start[item] + 1
    day = (start[item] + (rng.random(rows) * span).astype(np.int64)).astype(np.int16)

    units = np.minimum(rng.geometric(p=0.35, size=rows), MAX_QUANTITY)
    bulk = rng.random(rows) < 0.02
    units[bulk] = rng.integers(10, 200, size=bulk.sum())
    quarters = units * 4
    frac = rng.random(rows)
    quarters[frac < 0.08] -= 2  # x.5
    quarters[(frac >= 0.08) & (frac < 0.09)] -= 1  # x.75
    quarters[(frac >= 0.09) & (frac < 0.10)] -= 3  # x.25

    # Prices drift up slowly over time with a little per-delivery noise.
    drift = 1.0 + 0.00008 * day
    noise = 1.0 + 0.02 * rng.standard_normal(rows)
    cents = np.clip(np.rint(base_cents[item] * drift * noise), 1, MAX_CENTS).astype(
        np.int32
    )

    # File order: by booking day, where ~3% of rows are booked 1..14 days
    # after their usage date. Stable radix sort on int16 keys is fast.
    delay = np.where(rng.random(rows) < 0.03, rng.integers(1, 15, size=rows), 0)
    booked = (day + delay).astype(np.int16)
    order = np.argsort(booked, kind="stable")
    return n_days, day[order], item[order], quarters[order], cents[order]


def write_csv(path, n_days, day, item, quarters, cents, items):
    dates, w_date = fixed_width_table(
        np.datetime_as_string(FIRST_DAY + np.arange(n_days), unit="D")
    )
    ids, w_item = fixed_width_table([f"ITM-{i:06d}" for i in range(1, items + 1)])
    qtys, w_qty = fixed_width_table(
        [quantity_text(q) for q in range(MAX_QUANTITY * 4 + 1)]
    )
    costs, w_cost = fixed_width_table(
        [f"{c // 100}.{c % 100:02d}" for c in range(MAX_CENTS + 1)]
    )

    # Column layout of one row in the scratch buffer (before NUL removal).
    fields = [(dates, w_date), (ids, w_item), (qtys, w_qty), (costs, w_cost)]
    offsets, pos = [], 0
    for _, width in fields:
        offsets.append(pos)
        pos += width + 1  # +1 for the separator / newline
    row_width = pos

    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"date,item,quantity,unit_cost\n")
        for lo in range(0, len(day), CHUNK_ROWS):
            hi = min(lo + CHUNK_ROWS, len(day))
            buf = np.empty((hi - lo, row_width), dtype=np.uint8)
            keys = (day[lo:hi], item[lo:hi], quarters[lo:hi], cents[lo:hi])
            for (table, width), off, key in zip(fields, offsets, keys):
                buf[:, off : off + width] = table[key]
                buf[:, off + width] = ord(",")
            buf[:, -1] = ord("\n")
            f.write(buf[buf != 0].tobytes())
    # Rename only when complete so an interrupted run never leaves a
    # truncated file that run.sh would mistake for a finished one.
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    ap.add_argument("--items", type=int, default=DEFAULT_ITEMS)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    if args.rows < 1 or args.items < 1:
        ap.error("--rows and --items must be positive")

    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    t0 = time.perf_counter()
    cols = simulate(args.rows, args.items, args.seed)
    write_csv(out, *cols, items=args.items)
    size = os.path.getsize(out)
    print(
        f"wrote {out}: {args.rows} rows, {args.items} items, "
        f"{size / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
