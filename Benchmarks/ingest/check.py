#!/usr/bin/env python3
"""Check `quartermaster aggregate` output against a plain GROUP BY reference.

    check.py OURS REFERENCE

OURS is `quartermaster aggregate --frequency month` output; REFERENCE is a
`series,period,value` group-by (DuckDB's, from peers.py) that has a row only
for (item, month) pairs that occur in the input. The reference therefore
cannot be compared line by line: ours additionally contains zero rows for
months without usage, from each item's first month to the last month in the
whole file, and is sorted. The checks below pin down exactly that contract:

  1. ours has the header `series,period,value`, periods are `YYYY-MM`, and
     rows are strictly increasing by (series, period): sorted, no duplicates;
  2. every reference row is in ours with the same value (relative 1e-6);
  3. every extra row of ours has value 0 and lies in [item's first month,
     global last month];
  4. per-item totals and the grand total agree;
  5. the row count equals the sum over items of the months from first use to
     the global last month (with 1-3 this means no month is missing).

Prints the counts and PASS or FAIL; exits 1 on FAIL, 2 on unusable input.
"""

import sys

import numpy as np
import pandas as pd

HEADER = "series,period,value"
RTOL = 1e-6
# Absolute floor so that a reference sum of exactly 0 still allows for
# floating-point noise in a differently ordered summation.
ATOL = 1e-9
SHOW = 5  # offending rows shown per failed check


def load(path, what):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\r\n")
    if header != HEADER:
        raise ValueError(f"{what} {path}: header is {header!r}, expected {HEADER!r}")
    # keep_default_na=False: an item literally called "NA" must stay a string.
    df = pd.read_csv(
        path,
        dtype={"series": str, "period": str, "value": "float64"},
        keep_default_na=False,
        na_values={"value": ["", "nan", "NaN"]},
    )
    bad = ~df["period"].str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])")
    if bad.any():
        raise ValueError(
            f"{what} {path}: {bad.sum()} periods not YYYY-MM, e.g. "
            f"{df.loc[bad, 'period'].head(SHOW).tolist()}"
        )
    # Months as consecutive integers make ranges and gaps simple arithmetic.
    df["month"] = df["period"].str[:4].astype(int) * 12 + df["period"].str[5:7].astype(int) - 1
    return df


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} OURS REFERENCE")
    try:
        ours = load(sys.argv[1], "ours")
        ref = load(sys.argv[2], "reference")
    except (OSError, ValueError) as e:
        print(f"FAIL: {e}")
        sys.exit(2)

    failures = []

    def fail(msg, rows=None):
        if rows is not None and len(rows):
            msg += "\n" + rows.head(SHOW).to_string(index=False)
        failures.append(msg)

    if ref.duplicated(["series", "month"]).any():
        print("FAIL: reference has duplicate (series, period) rows")
        sys.exit(2)

    # 1. Strictly increasing (series, month) <=> sorted and unique.
    s = ours["series"].to_numpy(dtype=str)
    m = ours["month"].to_numpy()
    increasing = (s[:-1] < s[1:]) | ((s[:-1] == s[1:]) & (m[:-1] < m[1:]))
    if not increasing.all():
        at = np.flatnonzero(~increasing)
        fail(
            f"{len(at)} rows not strictly after their predecessor "
            f"(unsorted or duplicate), first at line {at[0] + 3}",
            ours.iloc[max(at[0] - 1, 0) : at[0] + 3][["series", "period", "value"]],
        )

    first = ref.groupby("series")["month"].min()
    last = ref["month"].max()

    both = ours.merge(
        ref, on=["series", "month"], how="outer", suffixes=("", "_ref"), indicator=True
    )
    matched = both[both["_merge"] == "both"]
    missing = both[both["_merge"] == "right_only"]
    extra = both[both["_merge"] == "left_only"].copy()

    # 2. Every reference row present with the same value.
    if len(missing):
        fail(f"{len(missing)} reference rows missing from ours",
             missing[["series", "period_ref", "value_ref"]])
    wrong = matched[
        ~np.isclose(matched["value"], matched["value_ref"], rtol=RTOL, atol=ATOL)
    ]
    if len(wrong):
        fail(f"{len(wrong)} rows with a value different from the reference",
             wrong[["series", "period", "value", "value_ref"]])

    # 3. Extra rows are zero-filled months inside the item's range.
    extra["first"] = extra["series"].map(first)
    unknown = extra[extra["first"].isna()]
    if len(unknown):
        fail(f"{len(unknown)} rows for items absent from the reference",
             unknown[["series", "period", "value"]])
    nonzero = extra[extra["value"] != 0]
    if len(nonzero):
        fail(f"{len(nonzero)} extra (gap-filled) rows with a non-zero value",
             nonzero[["series", "period", "value"]])
    known = extra[extra["first"].notna()]
    outside = known[(known["month"] < known["first"]) | (known["month"] > last)]
    if len(outside):
        fail(f"{len(outside)} extra rows outside [item's first month, {ref.loc[ref['month'] == last, 'period'].iat[0]}]",
             outside[["series", "period", "value"]])

    # 4. Totals per item and overall.
    tot = pd.DataFrame({
        "ours": ours.groupby("series")["value"].sum(),
        "ref": ref.groupby("series")["value"].sum(),
    }).fillna(0.0)
    off = tot[~np.isclose(tot["ours"], tot["ref"], rtol=RTOL, atol=ATOL)]
    if len(off):
        fail(f"{len(off)} items whose total differs", off.reset_index())
    grand_ours, grand_ref = ours["value"].sum(), ref["value"].sum()
    if not np.isclose(grand_ours, grand_ref, rtol=RTOL, atol=ATOL):
        fail(f"grand total {float(grand_ours)!r} != reference {float(grand_ref)!r}")

    # 5. Row count of a complete gap-filled grid.
    expected_rows = int((last - first + 1).sum())
    if len(ours) != expected_rows:
        fail(f"ours has {len(ours)} rows, expected {expected_rows} "
             "(sum over items of months from first use to the global last month)")

    print(
        f"ours: {len(ours)} rows, {ours['series'].nunique()} series; "
        f"reference: {len(ref)} rows, {len(first)} series; "
        f"matched {len(matched)}, zero-filled {len(extra)}, expected rows {expected_rows}; "
        f"grand total ours {grand_ours:.6f} ref {grand_ref:.6f}"
    )
    if failures:
        for msg in failures:
            print("  - " + msg.replace("\n", "\n    "))
        print(f"FAIL ({len(failures)} problem(s))")
        sys.exit(1)
    print("PASS")


if __name__ == "__main__":
    main()
