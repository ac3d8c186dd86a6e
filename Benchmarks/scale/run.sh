#!/usr/bin/env bash
# Forecasting at scale: 100,000 monthly series of 72 points through `forecast --models auto`
# on 2 threads, with peak memory, and a quarter-size run to show memory does not grow with
# the number of fits. Usage (from the repo root): bash Benchmarks/scale/run.sh [--series N]
set -euo pipefail
cd "$(dirname "$0")/../.."
SERIES=100000
[ "${1:-}" = "--series" ] && SERIES="$2"
BIN=.build/release/quartermaster
[ -x "$BIN" ] || swift build -c release --product quartermaster
PY=python3
[ -x Benchmarks/.venv/bin/python ] && PY=Benchmarks/.venv/bin/python
mkdir -p Benchmarks/data/scale-out
QUARTER=$((SERIES / 4))
for n in "$QUARTER" "$SERIES"; do
  f=Benchmarks/data/scale-$n.csv
  [ -f "$f" ] || "$PY" Benchmarks/scale/generate.py --series "$n" --out "$f"
done
printf '%-10s %10s %12s %14s\n' series seconds "series/s" "peak RSS MB"
for n in "$QUARTER" "$SERIES"; do
  /usr/bin/time -f '%e %M' -o Benchmarks/data/scale-out/time-$n.txt \
    "$BIN" forecast --input Benchmarks/data/scale-$n.csv --series series --date period --value value \
      --frequency month --horizon 12 --models auto --threads 2 --quiet \
      --out Benchmarks/data/scale-out/forecasts-$n.csv 2> Benchmarks/data/scale-out/log-$n.txt
  read -r secs kb < Benchmarks/data/scale-out/time-$n.txt
  awk -v n="$n" -v s="$secs" -v kb="$kb" 'BEGIN { printf "%-10s %10s %12.0f %14.0f\n", n, s, n / s, kb / 1024 }'
done
