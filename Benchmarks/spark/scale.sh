#!/usr/bin/env bash
# Speedup of the Spark job with 2 local workers vs 1 on 100,000 monthly series, with the plain
# CLI on 1 and 2 threads for reference; writes Benchmarks/spark/results.md.
# Usage (from anywhere): bash Benchmarks/spark/scale.sh [--series N] [--partitions P]
# Takes several minutes on 2 cores. BIN=path overrides .build/release/quartermaster.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=Benchmarks/spark
SERIES=100000
PARTITIONS=8
while [ $# -gt 0 ]; do
  case "$1" in
    --series) SERIES="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    *) echo "usage: scale.sh [--series N] [--partitions P]" >&2; exit 2 ;;
  esac
done
BIN=${BIN:-.build/release/quartermaster}
[ -x "$BIN" ] || { echo "scale.sh: no binary at $BIN; run 'swift build -c release --product quartermaster' or set BIN" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
source "$HERE/env.sh"

DATA=Benchmarks/data/scale-$SERIES.csv
if [ ! -f "$DATA" ]; then
  GEN=python3
  [ -x Benchmarks/.venv/bin/python ] && GEN=Benchmarks/.venv/bin/python
  "$GEN" -c 'import numpy' 2>/dev/null || { "$PY" -m pip install -q numpy; GEN=$PY; }
  mkdir -p Benchmarks/data
  "$GEN" Benchmarks/scale/generate.py --series "$SERIES" --out "$DATA"
fi
OUT=Benchmarks/data/spark-out
rm -rf "$OUT" && mkdir -p "$OUT"
ROWS=$(($(wc -l < "$DATA") - 1))
ARGS=(--series series --date period --value value --frequency month --horizon 12)

load() { cut -d' ' -f1-3 /proc/loadavg; }
# Busy and idle CPU ticks of the whole machine: how busy it was during a run tells whether
# something else ran beside it (the CLI on 1 thread alone keeps 1 of 2 cores busy).
ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }
# Before each run, wait (up to QUIET_WAIT seconds, default 600) for a 10 s window in which the
# machine is under 10% busy, so a build or test of another session does not skew the timings.
wait_quiet() {
  local waited=0 t0 b
  while [ "$waited" -lt "${QUIET_WAIT:-600}" ]; do
    t0=$(ticks); sleep 10; b=$(busy_since "$t0"); waited=$((waited + 10))
    [ "$b" -lt 10 ] && return 0
    echo "  machine ${b}% busy, waiting for it to be idle (${waited}s)"
  done
  echo "  still busy after ${waited}s: running anyway (see the busy column)"
}
busy_since() { read -r b0 i0 <<< "$1"; read -r b1 i1 <<< "$(ticks)"; awk -v b=$((b1 - b0)) -v i=$((i1 - i0)) 'BEGIN { printf "%.0f", 100 * b / (b + i) }'; }
wall() { awk '{print $1}' "$1"; }

LOAD_BEFORE=$(load)
echo "load before: $LOAD_BEFORE"
for t in 1 2; do
  echo "CLI --threads $t ..."
  wait_quiet
  t0=$(ticks)
  /usr/bin/time -f '%e %M' -o "$OUT/cli-$t.time" \
    "$BIN" forecast --input "$DATA" "${ARGS[@]}" --threads "$t" --quiet --out "$OUT/cli-$t.csv" 2> "$OUT/cli-$t.log"
  busy_since "$t0" > "$OUT/cli-$t.busy"
done
for w in 1 2; do
  echo "Spark local[$w] ..."
  wait_quiet
  t0=$(ticks)
  /usr/bin/time -f '%e %M' -o "$OUT/spark-$w.time" \
    "$PY" "$HERE/forecast_job.py" --master "local[$w]" --quiet --binary "$BIN" \
      --partitions "$PARTITIONS" --conf spark.driver.memory=4g \
      --input "$DATA" --output "$OUT/spark-$w" "${ARGS[@]}" 2> "$OUT/spark-$w.log"
  busy_since "$t0" > "$OUT/spark-$w.busy"
  grep '^forecast_job:' "$OUT/spark-$w.log"
done
echo "load after: $(load)"

# Spark must give the CLI's forecasts here too.
"$PY" "$HERE/compare.py" "$OUT/cli-2.csv" "$OUT/spark-2" | tee "$OUT/compare.txt"
cmp -s <(sort "$OUT/cli-1.csv") <(sort "$OUT/cli-2.csv") || { echo "CLI outputs differ between 1 and 2 threads" >&2; exit 1; }

job() { sed -n 's/^forecast_job: .* \([0-9.]*\) s -> .*/\1/p' "$OUT/spark-$1.log"; }
S1=$(wall "$OUT/spark-1.time"); S2=$(wall "$OUT/spark-2.time")
J1=$(job 1); J2=$(job 2)
C1=$(wall "$OUT/cli-1.time"); C2=$(wall "$OUT/cli-2.time")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rate() { awk -v n="$SERIES" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }

{
  echo "# Spark driver: local[1] vs local[2]"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)"
  echo "- load average (1/5/15 min) before the runs: $LOAD_BEFORE; after: $(load)"
  echo "- input: \`$DATA\` ($SERIES monthly series, $ROWS rows, \`Benchmarks/scale/generate.py\` seed 42)"
  echo "- forecast options: \`--frequency month --horizon 12\` (models auto, backtest 3, levels 80,95)"
  echo "- Spark: PySpark $("$PY" -c 'import pyspark; print(pyspark.__version__)'), Java $(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p'), $PARTITIONS partitions, one \`quartermaster --threads 1\` per partition"
  echo "- command: \`bash Benchmarks/spark/scale.sh\`"
  echo
  echo "| run | wall s | Spark job s | series/s (wall) | speedup vs 1 worker | machine CPU busy |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| Spark \`local[1]\` | $S1 | $J1 | $(rate "$S1") | 1.00 | $(cat "$OUT/spark-1.busy")% |"
  echo "| Spark \`local[2]\` | $S2 | $J2 | $(rate "$S2") | $(ratio "$S1" "$S2") (job: $(ratio "$J1" "$J2")) | $(cat "$OUT/spark-2.busy")% |"
  echo "| CLI \`--threads 1\` | $C1 | | $(rate "$C1") | 1.00 | $(cat "$OUT/cli-1.busy")% |"
  echo "| CLI \`--threads 2\` | $C2 | | $(rate "$C2") | $(ratio "$C1" "$C2") | $(cat "$OUT/cli-2.busy")% |"
  echo
  echo "Wall seconds are the whole command (for Spark: JVM start, read, shuffle by series key,"
  echo "the binary runs, CSV write); Spark job seconds leave out the session start and stop."
  echo "Machine CPU busy is the share of both cores in use during the run, by anything: a run on"
  echo "one core (CLI --threads 1) alone shows about 50%; more means other work shared the machine."
  echo "Spark wall time over the CLI's on as many cores: $(ratio "$S1" "$C1")x with 1 worker (vs --threads 1), $(ratio "$S2" "$C2")x with 2 (vs --threads 2)."
  echo
  echo "Equivalence at this size: $(cat "$OUT/compare.txt" | sed 's/^compare: //') between \`local[2]\` and the CLI."
} > "$HERE/results.md.tmp"
mv "$HERE/results.md.tmp" "$HERE/results.md"
cat "$HERE/results.md"
