#!/usr/bin/env python3
"""Peer implementations of `quartermaster aggregate` for the ingest benchmark.

    peers.py duckdb|pandas|pandas-filled INPUT OUTPUT

Each mode reads the usage CSV (`date,item,quantity,unit_cost`) and writes a
CSV with header `series,period,value`: the sum of `quantity` per item and
calendar month (`YYYY-MM`).

  duckdb         GROUP BY only, unsorted, no gap filling. What a DuckDB user
                 would write; timed by run.sh.
  pandas         The same with pandas (C parser); timed by run.sh.
  pandas-filled  Reference for the full `quartermaster aggregate` contract
                 (zero months from each item's first use to the global last
                 month, sorted by series then period). Not timed; used to
                 validate check.py without the Swift binary.

run.sh starts each mode as its own process so that, like the Swift CLI, the
measured time includes interpreter start-up and library import. Imports are
therefore done inside each mode so that one peer does not pay for another.
"""

import sys


def run_duckdb(src, dst):
    import time

    import duckdb

    # The query alone, timed inside the process (interpreter start-up and the import left
    # out), is what DuckDB costs a user who already has Python open; run.sh reports it as
    # "duckdb query (in-process)" beside the whole-process time.
    started = time.perf_counter()

    # Column types are given explicitly: the schema is known, and sniffing
    # could otherwise pick BIGINT for `quantity` if its sample happened to
    # contain no fractional values. Threads are left at DuckDB's default
    # (all cores).
    duckdb.sql(
        """
        COPY (
            SELECT item AS series,
                   strftime(date, '%Y-%m') AS period,
                   sum(quantity) AS value
            FROM read_csv($src, header = true, columns = {
                'date': 'DATE', 'item': 'VARCHAR',
                'quantity': 'DOUBLE', 'unit_cost': 'DOUBLE'})
            GROUP BY ALL
        ) TO $dst (FORMAT csv, HEADER true)
        """,
        params={"src": src, "dst": dst},
    )
    print(f"in-process seconds: {time.perf_counter() - started:.4f}", file=sys.stderr)


def _pandas_monthly(src):
    """Grouped sums as a Series indexed by (item, monthly Period)."""
    import pandas as pd

    df = pd.read_csv(
        src,
        usecols=["date", "item", "quantity"],
        dtype={"item": "category", "quantity": "float64"},
    )
    # A real date parse (not string slicing) so that pandas, like DuckDB
    # and quartermaster, validates the dates it groups by.
    month = pd.to_datetime(df["date"], format="%Y-%m-%d").dt.to_period("M")
    return df.groupby([df["item"], month.rename("period")], observed=True, sort=False)[
        "quantity"
    ].sum()


def _write(sums, dst):
    out = sums.rename("value").reset_index()
    out.columns = ["series", "period", "value"]
    # Period -> "YYYY-MM" on the (small) result rather than on every row.
    out["period"] = out["period"].dt.strftime("%Y-%m")
    out.to_csv(dst, index=False)


def run_pandas(src, dst):
    _write(_pandas_monthly(src), dst)


def run_pandas_filled(src, dst):
    import pandas as pd

    sums = _pandas_monthly(src)
    items = sums.index.get_level_values(0).astype(str)
    months = sums.index.get_level_values(1)
    last = months.max()
    first = pd.Series(months, index=items).groupby(level=0).min()
    full = pd.MultiIndex.from_tuples(
        [
            (item, p)
            for item, start in first.items()
            for p in pd.period_range(start, last, freq="M")
        ],
        names=["item", "period"],
    )
    sums.index = pd.MultiIndex.from_arrays([items, months], names=["item", "period"])
    _write(sums.reindex(full, fill_value=0.0).sort_index(), dst)


MODES = {"duckdb": run_duckdb, "pandas": run_pandas, "pandas-filled": run_pandas_filled}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in MODES:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(MODES)} INPUT OUTPUT")
    MODES[sys.argv[1]](sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()
