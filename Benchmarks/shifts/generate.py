#!/usr/bin/env python3
"""Writes a large staffing-by-shift data set into a folder: timekeeping.csv with one punch
span per worker and 12-hour shift (date, unit, hours, job_code, pay_type, employee, start,
end), shifts.csv (census per unit, day and night), census.csv and targets.csv.

    python3 Benchmarks/shifts/generate.py DIR [--punches 5000000] [--units 250] [--seed 22]

Units get 20-45 patients; each shift has ceil(patients / 5) RNs, ceil(patients / 10) CNAs
and 2 techs, plus one more RN on about a third of shifts, so a unit-day holds about 14
punches; the number of days is chosen to reach --punches. Deterministic for a seed."""
import argparse
import datetime
import math
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("dir")
parser.add_argument("--punches", type=int, default=5_000_000)
parser.add_argument("--units", type=int, default=250)
parser.add_argument("--seed", type=int, default=22)
args = parser.parse_args()
os.makedirs(args.dir, exist_ok=True)
rng = random.Random(args.seed)
units = [f"{7000 + u} Unit {u}" for u in range(args.units)]
base = [rng.randint(20, 45) for _ in units]
first = datetime.date(2024, 1, 1)

punches = 0
day = 0
with open(os.path.join(args.dir, "timekeeping.csv"), "w") as tk, \
        open(os.path.join(args.dir, "shifts.csv"), "w") as sh, \
        open(os.path.join(args.dir, "census.csv"), "w") as ce:
    tk.write("date,unit,hours,job_code,pay_type,employee,start,end\n")
    sh.write("date,shift,unit,patients,start,end\n")
    ce.write("date,unit,patient_days\n")
    while punches < args.punches:
        date = first + datetime.timedelta(days=day)
        nxt = date + datetime.timedelta(days=1)
        d, n = date.isoformat(), nxt.isoformat()
        lines = []
        for u, unit in enumerate(units):
            patients = max(1, base[u] + rng.randint(-4, 4))
            ce.write(f"{d},{unit},{patients}\n")
            sh.write(f"{d},day,{unit},{patients},07:00,19:00\n{d},night,{unit},{patients},19:00,07:00\n")
            for shift, start, end, end_date in (("D", "06:5", "19:1", d), ("N", "18:5", "07:1", n)):
                staff = [("RN", math.ceil(patients / 5) + (rng.random() < 0.35)), ("CNA", math.ceil(patients / 10)), ("Tech", 2)]
                for job, count in staff:
                    for k in range(count):
                        pay = "OT" if rng.random() < 0.06 else "REG"
                        lines.append(f"{d},{unit},12,{job},{pay},E{u}{job}{shift}{k},{d} {start}{rng.randint(0, 9)},{end_date} {end}{rng.randint(0, 9)}\n")
        punches += len(lines)
        tk.write("".join(lines))
        day += 1
with open(os.path.join(args.dir, "targets.csv"), "w") as tg:
    tg.write("unit,job_code,target_hppd,budgeted_fte,hourly_rate,max_patients_per_staff\n")
    for unit in units:
        tg.write(f"{unit},RN,5.2,40,48,5\n{unit},CNA,2.6,16,21,10\n{unit},Tech,1.2,8,24,\n")
print(f"{punches} punches, {day} days, {len(units)} units in {args.dir}")
