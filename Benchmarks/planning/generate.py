#!/usr/bin/env python3
"""Seeded inputs for the planning benchmarks (not committed; written under Benchmarks/data/).

    generate.py gl       --rows 1000000   -> budget + GL actuals, department x account x month
    generate.py punches  --rows 5000000   -> timekeeping punches + census + staffing targets
    generate.py reorder  --items 100000 --locations 5 -> weekly usage, item master, inventory
"""
import argparse
import os

import numpy as np


def gl(out, rows, rng):
    # 36 months of actuals (FY2024-FY2026), budget for FY2026; rows = departments x accounts x months.
    months = [f"{2023 + (k + 6) // 12}-{(k + 6) % 12 + 1:02d}" for k in range(36)]
    lines = max(1, rows // 36)
    departments = max(1, lines // 50)
    dept = np.repeat([f"D{d:04d}" for d in range(departments)], 50)[:lines]
    acct = np.tile([f"A{a:03d}" for a in range(50)], departments)[:lines]
    base = rng.lognormal(9, 1.2, size=lines)
    with open(os.path.join(out, "gl_actuals.csv"), "w") as f:
        f.write("department,account,period,amount,volume\n")
        for k, month in enumerate(months):
            amounts = base * (1 + 0.01 * k / 12) * rng.normal(1, 0.05, size=lines)
            vol = 1000 + (np.arange(lines) % 7) * 100
            f.write("".join(f"{d},{a},{month},{x:.2f},{v}\n" for d, a, x, v in zip(dept, acct, amounts, vol)))
    with open(os.path.join(out, "budget.csv"), "w") as f:
        f.write("department,account,period,amount,volume\n")
        for month in months[24:]:
            f.write("".join(f"{d},{a},{month},{x:.2f},1000\n" for d, a, x in zip(dept, acct, base * 1.02)))


def punches(out, rows, rng):
    units = [f"U{u:02d}" for u in range(24)]
    days = 730
    start = np.datetime64("2024-07-01")
    dates = (start + np.arange(days)).astype(str)
    per_day = rows // days
    with open(os.path.join(out, "timekeeping.csv"), "w") as f:
        f.write("date,unit,employee,job_code,pay_type,hours\n")
        jobs = np.array(["RN", "LPN", "CNA", "Tech"])
        pays = np.array(["regular"] * 8 + ["overtime", "agency", "pto"])
        for d in range(days):
            u = rng.integers(0, len(units), size=per_day)
            j = jobs[rng.integers(0, 4, size=per_day)]
            p = pays[rng.integers(0, len(pays), size=per_day)]
            h = rng.choice([4.0, 8.0, 12.0], size=per_day)
            e = rng.integers(10000, 99999, size=per_day)
            f.write("".join(f"{dates[d]},{units[a]},E{b},{c},{q},{x}\n" for a, b, c, q, x in zip(u, e, j, p, h)))
    with open(os.path.join(out, "census.csv"), "w") as f:
        f.write("date,unit,patient_days\n")
        for d in range(days):
            f.write("".join(f"{dates[d]},{u},{int(rng.normal(20, 3))}\n" for u in units))
    with open(os.path.join(out, "staffing_targets.csv"), "w") as f:
        f.write("unit,job_code,target_hppd,budgeted_fte,hourly_rate,overtime_multiplier,agency_rate,max_patients_per_staff\n")
        for u in units:
            for j, hppd in (("RN", 6), ("LPN", 1), ("CNA", 2.5), ("Tech", 0.5)):
                f.write(f"{u},{j},{hppd},{hppd * 20 * 7 / 32.7:.1f},45,1.5,110,5\n")


def reorder(out, items, locations, rng):
    weeks = 104
    start = np.datetime64("2024-07-01")
    dates = (start + 7 * np.arange(weeks)).astype(str)
    keys = [f"I{i:06d}" for i in range(items)]
    rate = rng.lognormal(2, 1.3, size=items)
    with open(os.path.join(out, "usage.csv"), "w") as f:
        f.write("date,item,quantity\n")
        for w in range(weeks):
            q = rng.poisson(rate)
            f.write("".join(f"{dates[w]},{k},{x}\n" for k, x in zip(keys, q) if x > 0))
    with open(os.path.join(out, "items.csv"), "w") as f:
        f.write("item,description,vendor,unit_cost,pack_size,min_order_qty,lead_time_days,lead_time_sd_days,review_period_days,criticality,par_level,status\n")
        crit = np.array(["V", "E", "N"])[rng.integers(0, 3, size=items)]
        f.write("".join(f"{k},Item {k},V{i % 40:02d},{1 + (i % 97) * 0.37:.2f},{[1, 10, 12, 100][i % 4]},0,{3 + i % 12},1,7,{c},{int(r * 3) + 1},active\n"
                        for i, (k, c, r) in enumerate(zip(keys, crit, rate))))
    with open(os.path.join(out, "inventory.csv"), "w") as f:
        f.write("item,on_hand,on_order,location\n")
        for loc in range(locations):
            oh = rng.poisson(rate * 2)
            f.write("".join(f"{k},{x},0,L{loc}\n" for k, x in zip(keys, oh)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["gl", "punches", "reorder"])
    ap.add_argument("--rows", type=int)
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--locations", type=int, default=5)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = np.random.default_rng(7)
    if a.kind == "gl":
        gl(a.out, a.rows or 1_000_000, rng)
    elif a.kind == "punches":
        punches(a.out, a.rows or 5_000_000, rng)
    else:
        reorder(a.out, a.items, a.locations, rng)


if __name__ == "__main__":
    main()
