#!/usr/bin/env bash
# Staffing-by-shift benchmark (issue 22): times `quartermaster staffing --shifts` on about
# 5,000,000 timekeeping punches with spans, on a release build.
#
#   bash Benchmarks/shifts/run.sh DATA_DIR [--punches N] [--repeat N]
#
# DATA_DIR receives the generated files (made once by generate.py, kept for later runs).
# The build uses the scratch path in $SCRATCH (default .build); QUARTERMASTER_BIN skips it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ $# -ge 1 && $1 != -* ]] || { sed -n '5,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
data=$1; shift
punches=5000000
repeat=3
while (($#)); do
    case $1 in
        --punches) punches=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        *) echo "error: unknown argument $1" >&2; exit 2 ;;
    esac
done
SCRATCH=${SCRATCH:-.build}
if [[ -z ${QUARTERMASTER_BIN:-} ]]; then
    swift build -c release --scratch-path "$SCRATCH" --product quartermaster >/dev/null
    BIN=$SCRATCH/release/quartermaster
else
    BIN=$QUARTERMASTER_BIN
fi
if [[ ! -f $data/timekeeping.csv || ! -f $data/.punches-$punches ]]; then
    python3 Benchmarks/shifts/generate.py "$data" --punches "$punches"
    touch "$data/.punches-$punches"
fi
rows=$(($(wc -l <"$data/timekeeping.csv") - 1))
echo "timekeeping: $rows punches, $(du -m "$data/timekeeping.csv" | cut -f1) MB; shifts: $(($(wc -l <"$data/shifts.csv") - 1)) rows"
times=()
for ((k = 1; k <= repeat; k++)); do
    out=$(mktemp -d)
    /usr/bin/time -f "%e %U %S" -o "$out/time" "$BIN" staffing --timekeeping "$data/timekeeping.csv" --census "$data/census.csv" \
        --targets "$data/targets.csv" --shifts "$data/shifts.csv" --horizon 4 --out "$out/run" --quiet >/dev/null 2>&1
    read -r t user sys <"$out/time"
    times+=("$t")
    stages=$(grep -E '^\| (timekeeping|shifts|staffing) ' "$out/run/index.md" | awk -F'|' '{gsub(/ /, "", $2); gsub(/ /, "", $5); printf "%s %s s, ", $2, $5}')
    echo "run $k: ${t} s wall, $(echo "$user + $sys" | bc) s CPU (${stages%, }); load before: $(cut -d' ' -f1 /proc/loadavg)"
    echo "  $(($(wc -l <"$out/run/staffing_shifts.csv") - 1)) shift checks, $(grep -c ',no$' "$out/run/staffing_shifts.csv" || true) not compliant"
    rm -rf "$out"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s\n", NR, a[int((NR+1)/2)]}'
