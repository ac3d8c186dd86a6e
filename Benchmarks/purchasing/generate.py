#!/usr/bin/env python3
"""Synthetic purchasing data for the purchasing benchmark: order lines with receipts,
contracts, an item master, lots and usage. Deterministic for a seed; plain CSV.

Usage: generate.py --out DIR [--lines 1000000] [--items 20000] [--vendors 200] [--seed 21]
"""
import argparse
import datetime
import os
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--lines", type=int, default=1_000_000)
    p.add_argument("--items", type=int, default=20_000)
    p.add_argument("--vendors", type=int, default=200)
    p.add_argument("--seed", type=int, default=21)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    start = datetime.date(2024, 1, 1)
    days = [(start + datetime.timedelta(d)).isoformat() for d in range(800)]
    vendor_of = [rng.randrange(a.vendors) for _ in range(a.items)]
    price = [round(rng.uniform(0.5, 400), 2) for _ in range(a.items)]
    lead = [rng.choice([3, 5, 7, 10, 14]) for _ in range(a.items)]
    with open(os.path.join(a.out, "items.csv"), "w") as f:
        f.write("item,vendor,unit_cost,lead_time_days\n")
        for i in range(a.items):
            f.write(f"I{i:06d},V{vendor_of[i]:04d},{price[i]},{lead[i]}\n")
    with open(os.path.join(a.out, "contracts.csv"), "w") as f:
        f.write("item,vendor,contract_price,start,end\n")
        for i in range(0, a.items, 2):  # half the items on contract
            f.write(f"I{i:06d},V{vendor_of[i]:04d},{price[i]},2024-01-01,2026-12-31\n")
    with open(os.path.join(a.out, "orders.csv"), "w") as f:
        f.write("po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity,contract_price\n")
        out = []
        for n in range(a.lines):
            i = rng.randrange(a.items)
            # One line in ten from another vendor than the usual one.
            v = vendor_of[i] if rng.random() > 0.1 else rng.randrange(a.vendors)
            d = rng.randrange(700)
            q = rng.randrange(1, 200)
            paid = round(price[i] * rng.choice([1, 1, 1, 1.02, 1.08, 0.98]), 2)
            if rng.random() < 0.05:  # still open
                receipt, got = "", ""
            else:
                receipt = days[d + max(0, int(rng.gauss(lead[i], 2)))]
                got = q if rng.random() > 0.05 else rng.randrange(q + 1)
            out.append(f"PO{n // 5:07d},I{i:06d},V{v:04d},{days[d]},{q},{paid},{receipt},{got},\n")
            if len(out) == 100_000:
                f.writelines(out)
                out = []
        f.writelines(out)
    with open(os.path.join(a.out, "lots.csv"), "w") as f:
        f.write("item,lot,expiry_date,quantity\n")
        for i in range(a.items):
            for k in range(3):
                f.write(f"I{i:06d},L{i}-{k},{days[700 + rng.randrange(99)]},{rng.randrange(1, 300)}\n")
    with open(os.path.join(a.out, "usage.csv"), "w") as f:
        f.write("date,item,quantity\n")
        for d in range(609, 700):
            for i in range(0, a.items, 4):
                f.write(f"{days[d]},I{i:06d},{rng.randrange(0, 6)}\n")


if __name__ == "__main__":
    main()
