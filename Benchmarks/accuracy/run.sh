#!/usr/bin/env bash
# Accuracy + speed benchmark: Quartermaster vs statsforecast, in the same run, on the reference
# data folder's sets, each with its README's protocol: hospital.csv (767 monthly series, h=12,
# MASE), intermittent_automotive.csv (3,000 spare parts, h=6, judged on RMSSE) and bike_daily.csv
# (h=28, season 7, 4 rolling origins, MASE), and italy/'s daily ward and ICU census (a change of
# regime; the daily protocol, with interval widths). A folder (or file) holding salesdaily.csv, Kaggle's
# "Pharma sales data" (8 daily drug classes of one pharmacy), runs it too: h=28, season 7, 6 rolling
# origins, MASE, AutoARIMA among the peers (about 10 minutes for it alone). Callable from anywhere
# (works from the repo root).
# Arguments go to bench.py; --data (the folder, or one of its files) is required:
#   Benchmarks/accuracy/run.sh --data DATA                          # every set: ours + its peers
#   Benchmarks/accuracy/run.sh --data DATA --only hospital --arima  # also AutoARIMA (minutes) and the ensemble
#   Benchmarks/accuracy/run.sh --data DATA --skip-ours              # peers only
#   Benchmarks/accuracy/run.sh --data DATA/hospital.csv --ours-models ets,theta
# Writes Benchmarks/accuracy/results.md; scratch files go to Benchmarks/data/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

VENV="Benchmarks/.venv"
if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV from Benchmarks/requirements.txt" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet -r Benchmarks/requirements.txt
fi

skip_ours=0
binary=".build/release/quartermaster"
prev=""
for a in "$@"; do
    [ "$a" = "--skip-ours" ] && skip_ours=1
    [ "$prev" = "--binary" ] && binary="$a"
    case "$a" in --binary=*) binary="${a#--binary=}" ;; esac
    prev="$a"
done

if [ "$skip_ours" = 0 ] && [ ! -x "$binary" ] && [ "$binary" = ".build/release/quartermaster" ]; then
    echo "$binary missing: building it (swift build -c release --product quartermaster)" >&2
    if ! swift build -c release --product quartermaster; then
        echo "warning: build failed; our row will be reported as failed" >&2
    fi
fi

mkdir -p Benchmarks/data
exec "$VENV/bin/python" Benchmarks/accuracy/bench.py "$@"
