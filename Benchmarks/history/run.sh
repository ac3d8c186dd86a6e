#!/usr/bin/env bash
# Run-history benchmark (issue 20): RUNS forecast runs of SERIES monthly series each, every run
# one month later than the last, into one history with `forecast --history`; then `track`
# over it. Reports the database size, each run's history write time (the append, as the run's
# note says) and the track time.
#
#   bash Benchmarks/history/run.sh OUT_DIR [--runs 100] [--series 10000] [--horizon 3]
#
# The data is synthetic (generate.py, seeded). Forecasts use the naive model without a
# backtest: the benchmark measures the history, not the models. Use a release build
# (make build, or QUARTERMASTER_BIN=path/to/release/quartermaster).
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n '6,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out=$1; shift
runs=100; series=10000; horizon=3; first=36
while (($#)); do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --series) series=$2; shift 2 ;;
        --horizon) horizon=$2; shift 2 ;;
        *) echo "error: unknown option $1" >&2; exit 2 ;;
    esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN=${QUARTERMASTER_BIN:-$ROOT/.build/release/quartermaster}
[[ -x $BIN ]] || { echo "error: no release binary at $BIN; run make build first" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/history.sqlite*
python3 "$ROOT/Benchmarks/history/generate.py" "$out/data.csv" --series "$series" --months $((first + runs))

now() { date +%s.%N; }
: > "$out/runs.tsv"
for ((k = 0; k < runs; k++)); do
    head -n $((1 + (first + k) * series)) "$out/data.csv" > "$out/cut.csv"
    t0=$(now)
    note=$("$BIN" forecast --input "$out/cut.csv" --series series --date period --value value --horizon "$horizon" \
        --models naive --backtest 0 --quiet --out "$out/forecasts.csv" --history "$out/history.sqlite" 2>&1)
    t1=$(now)
    append=$(sed -n 's/.*history: run [0-9]* appended .* in \([0-9.]*\) s$/\1/p' <<<"$note")
    [[ -n $append ]] || { echo "error: run $((k + 1)) did not append: $note" >&2; exit 1; }
    printf '%d\t%s\t%s\n' $((k + 1)) "$append" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" >> "$out/runs.tsv"
done
t0=$(now)
"$BIN" track --history "$out/history.sqlite" --out "$out/tracking" --quiet 2> "$out/track.log"
t1=$(now)
track=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
bytes=$(stat -c %s "$out/history.sqlite")
wal=$(stat -c %s "$out/history.sqlite-wal" 2>/dev/null || echo 0)
scored=$(($(wc -l < "$out/tracking/forecast_tracking.csv") - 1))
median=$(cut -f2 "$out/runs.tsv" | sort -g | awk '{ w[NR] = $1 } END { printf "%.3f", w[int((NR + 1) / 2)] }')
summary=$(awk -F'\t' -v m="$median" '{ n++; s += $2; if ($2 > max) max = $2; t += $3 }
    END { printf "append mean %.3f s, median %.3f s, max %.3f s; whole forecast run mean %.2f s", s / n, m, max, t / n }' "$out/runs.tsv")
first10=$(awk -F'\t' 'NR <= 10 { s += $2; n++ } END { printf "%.3f", s / n }' "$out/runs.tsv")
last10=$(awk -F'\t' -v r="$runs" 'NR > r - 10 { s += $2; n++ } END { printf "%.3f", s / n }' "$out/runs.tsv")
{
    echo "# Run-history benchmark"
    echo
    echo "\`bash Benchmarks/history/run.sh OUT --runs $runs --series $series --horizon $horizon\` with $(realpath --relative-to="$ROOT" "$BIN")"
    echo
    echo "- $runs runs of $series series, $horizon months ahead each: $((runs * series * horizon)) forecasts archived"
    echo "- history size: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB), WAL $wal bytes"
    echo "- per-run history write: $summary; first 10 runs mean $first10 s, last 10 mean $last10 s"
    echo "- track: $track s for $scored scored forecasts (forecast_tracking.csv, .md)"
} | tee "$out/results.md"
