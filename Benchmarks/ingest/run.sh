#!/usr/bin/env bash
# Ingest benchmark: `quartermaster aggregate` vs DuckDB vs pandas on the same
# CSV in the same run. See Benchmarks/ingest/README.md.
#
#   bash Benchmarks/ingest/run.sh [--rows N] [--items N] [--repeat N] [--warmup N]
#                                 [--tools ours,duckdb,pandas] [--input FILE]
#
# Every tool runs as a whole process under /usr/bin/time -v, so the wall time
# includes start-up (Swift runtime, Python interpreter and imports) and the
# peak RSS is the process's own. Runs are interleaved (ours, duckdb, pandas,
# ours, ...) so that background noise on the machine spreads over all tools
# instead of landing on one.
set -euo pipefail

invocation="bash Benchmarks/ingest/run.sh${*:+ $*}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

HERE=Benchmarks/ingest
VENV=Benchmarks/.venv
PY=$VENV/bin/python
# Override to benchmark another build, e.g. a checkout of an older commit.
BIN=${QUARTERMASTER_BIN:-.build/release/quartermaster}

rows=5000000
items=20000
repeat=3
warmup=1
tools=ours,duckdb,pandas
input=

usage() {
    sed -n '5,6p' "$0" | sed 's/^# \{0,1\}//'
}

need_value() {
    [[ $# -ge 2 && -n $2 ]] || { echo "error: $1 needs a value" >&2; exit 2; }
}

while (($#)); do
    case $1 in
        --rows) need_value "$@"; rows=$2; shift 2 ;;
        --items) need_value "$@"; items=$2; shift 2 ;;
        --repeat) need_value "$@"; repeat=$2; shift 2 ;;
        --warmup) need_value "$@"; warmup=$2; shift 2 ;;
        --tools) need_value "$@"; tools=$2; shift 2 ;;
        --input) need_value "$@"; input=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "error: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done
for n in "$rows" "$items" "$repeat"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "error: '$n' is not a positive integer" >&2; exit 2; }
done
[[ $warmup =~ ^[0-9]+$ ]] || { echo "error: --warmup '$warmup' is not a count" >&2; exit 2; }
IFS=, read -r -a tool_list <<<"$tools"
for t in "${tool_list[@]}"; do
    case $t in ours | duckdb | pandas) ;; *) echo "error: unknown tool '$t'" >&2; exit 2 ;; esac
done
has_tool() { [[ ,$tools, == *,$1,* ]]; }

# 5000000 -> 5m, 100000 -> 100k: keeps the default file name usage-5m.csv.
label() {
    local n=$1
    if ((n % 1000000 == 0)); then echo "$((n / 1000000))m"
    elif ((n % 1000 == 0)); then echo "$((n / 1000))k"
    else echo "$n"; fi
}

# --- Python peers -----------------------------------------------------------
if ! "$PY" -c 'import duckdb, pandas, numpy' 2>/dev/null; then
    echo "== setting up $VENV from Benchmarks/requirements.txt"
    python3 -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet -r Benchmarks/requirements.txt
fi

# --- Input ------------------------------------------------------------------
if [[ -n $input ]]; then
    FILE=$input
    [[ -f $FILE ]] || { echo "error: input $FILE not found" >&2; exit 2; }
    name=$(basename "$FILE" .csv)
    items=n/a
else
    name="usage-$(label "$rows")"
    [[ $items == 20000 ]] || name+="-i$items"
    FILE=Benchmarks/data/$name.csv
    if [[ ! -f $FILE ]]; then
        echo "== generating $FILE"
        "$PY" "$HERE/generate.py" --rows "$rows" --items "$items" --out "$FILE"
    fi
fi
OUT=Benchmarks/data/out/$name
mkdir -p "$OUT"
rm -f "$OUT"/*.time "$OUT"/*.log "$OUT"/check.txt

# --- Our binary -------------------------------------------------------------
if has_tool ours && [[ ! -x $BIN ]]; then
    echo "== $BIN not found: building it with 'swift build -c release --product quartermaster'"
    swift build -c release --product quartermaster
fi

command_for() {
    local tool=$1 out=$OUT/$1.csv
    case $tool in
        ours) cmd=("$BIN" aggregate --input "$FILE" --series item --date date
                   --value quantity --frequency month --out "$out") ;;
        *) cmd=("$PY" "$HERE/peers.py" "$tool" "$FILE" "$out") ;;
    esac
}

# --- Timings ----------------------------------------------------------------
# Read the file once so every tool, including the first one timed, starts
# with it in the page cache: we measure parsing, not the disk.
cat "$FILE" >/dev/null
# Untimed warm-up runs page in each tool's own binaries and libraries (the
# very first Python + DuckDB start-up on a machine can take a second more)
# and make a broken tool fail before the long timed loop.
for ((r = 1; r <= warmup; r++)); do
    for t in "${tool_list[@]}"; do
        command_for "$t"
        echo "   warm-up $r $t"
        if ! "${cmd[@]}" >"$OUT/$t.warmup.log" 2>&1; then
            echo "error: $t failed: ${cmd[*]}" >&2
            tail -n 20 "$OUT/$t.warmup.log" >&2
            exit 1
        fi
    done
done
data_rows=$(($(wc -l <"$FILE") - 1))
# Other work on a 2-core machine distorts the timings (DuckDB loses its second
# core first), so record how idle the CPUs were just before we start; the
# load average lags by minutes and would blame a build that just finished.
cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat; }
read -r total0 idle0 < <(cpu_ticks)
sleep 2
read -r total1 idle1 < <(cpu_ticks)
idle_before=$((100 * (idle1 - idle0) / (total1 - total0 > 0 ? total1 - total0 : 1)))
((idle_before >= 90)) ||
    echo "warning: CPUs only ${idle_before}% idle before the run; timings will be noisy" >&2
echo "== $FILE: $data_rows rows, $(stat -c %s "$FILE") bytes; tools: $tools; repeat: $repeat"

for ((r = 1; r <= repeat; r++)); do
    for t in "${tool_list[@]}"; do
        command_for "$t"
        rm -f "$OUT/$t.csv"
        log=$OUT/$t.run$r
        if ! /usr/bin/time -v -o "$log.time" "${cmd[@]}" >"$log.log" 2>&1; then
            echo "error: $t failed on run $r: ${cmd[*]}" >&2
            tail -n 20 "$log.log" >&2
            grep -E '^Command (exited|terminated)' "$log.time" >&2 || true
            exit 1
        fi
        [[ -s $OUT/$t.csv ]] || { echo "error: $t wrote no $OUT/$t.csv" >&2; exit 1; }
        printf '   run %d %-7s %s\n' "$r" "$t" \
            "$(sed -n 's/.*m:ss): //p' "$log.time")"
    done
done

# --- Correctness --------------------------------------------------------------
check_status=0
if has_tool ours && has_tool duckdb; then
    echo "== checking ours.csv against DuckDB's group-by"
    "$PY" "$HERE/check.py" "$OUT/ours.csv" "$OUT/duckdb.csv" | tee "$OUT/check.txt" ||
        check_status=${PIPESTATUS[0]}
fi

# --- Report -------------------------------------------------------------------
# The default 5M-row run is results.md; other inputs get their own page beside it.
results=$HERE/results.md
[[ $name == usage-5m ]] || results=$HERE/results-$name.md
"$PY" "$HERE/report.py" --file "$FILE" --rows "$data_rows" --items "$items" \
    --repeat "$repeat" --tools "$tools" --outdir "$OUT" --idle "$idle_before" \
    --command "$invocation" \
    --bin "$BIN" \
    --md "$results"
exit "$check_status"
