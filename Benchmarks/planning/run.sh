#!/usr/bin/env bash
# The planning commands at scale, end to end (import, forecasts, planning, reports), with
# peak memory. Usage (from the repo root): bash Benchmarks/planning/run.sh [reorder|gl|punches ...]
#   or: bash Benchmarks/planning/run.sh replay DATA_DIR [replay.py flags, e.g. --max-items 100]
#   reorder: 100,000 items x 5 locations, 9.7M usage rows; the stage note splits
#            forecasting from planning ("forecasting X s, planning Y s").
#   gl:      1,000,000 GL lines + 333,000 budget lines through `variance`.
#   scenarios: the same ledger as of 2026-03 (rolling forecast of the fiscal year's last
#            quarter, driver-based where volumes exist) with 5 what-if scenarios.
#   punches: 5,000,000 timekeeping punches through `staffing`.
#   replay:  rolling replay of reorder decisions vs an AutoETS baseline on DATA_DIR's
#            bike_daily.csv and Datasets/demo (replay.py; results in replay_results.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/quartermaster}
[ -x "$BIN" ] || swift build -c release --product quartermaster
PY=python3
[ -x Benchmarks/.venv/bin/python ] && PY=Benchmarks/.venv/bin/python
if [ "${1:-}" = replay ]; then
  [ $# -ge 2 ] || { echo "usage: run.sh replay DATA_DIR [replay.py flags]" >&2; exit 2; }
  data=$2; shift 2
  exec "$PY" Benchmarks/planning/replay.py --data "$data" --demo Datasets/demo --bin "$BIN" \
    --out Benchmarks/planning/replay_results.md "$@"
fi
DATA=Benchmarks/data/planning
KINDS=("$@")
[ ${#KINDS[@]} -eq 0 ] && KINDS=(reorder gl punches)
for kind in "${KINDS[@]}"; do
  source=$kind
  [ "$kind" = scenarios ] && source=gl
  mkdir -p "$DATA/$source"
  [ -n "$(ls -A "$DATA/$source" 2>/dev/null)" ] || "$PY" Benchmarks/planning/generate.py "$source" --out "$DATA/$source"
  out="$DATA/out-$kind"
  case "$kind" in
    reorder) args=(reorder --usage "$DATA/reorder/usage.csv" --items "$DATA/reorder/items.csv" --inventory "$DATA/reorder/inventory.csv") ;;
    gl) args=(variance --budget "$DATA/gl/budget.csv" --actuals "$DATA/gl/gl_actuals.csv") ;;
    scenarios)
      cat > "$DATA/scenarios.yml" <<'YAML'
scenarios:
  - name: census_up_10
    volume: {"*": 10}
  - name: census_down_5
    volume: {"*": -5}
  - name: prices_up_3
    rate: {"A001": 3, "A002": 3}
  - name: add_two_rn
    fte: {department: D0001, account: A000, count: 2, annual_cost: 98000}
  - name: census_up_prices_up
    volume: {"*": 10}
    rate: {"A001": 3}
YAML
      args=(variance --budget "$DATA/gl/budget.csv" --actuals "$DATA/gl/gl_actuals.csv" --as-of 2026-03 --scenarios "$DATA/scenarios.yml") ;;
    punches) args=(staffing --timekeeping "$DATA/punches/timekeeping.csv" --census "$DATA/punches/census.csv" --targets "$DATA/punches/staffing_targets.csv") ;;
  esac
  /usr/bin/time -f '%e %M' -o "$DATA/time-$kind.txt" "$BIN" "${args[@]}" --out "$out" --quiet 2> "$DATA/log-$kind.txt" || { cat "$DATA/log-$kind.txt"; exit 1; }
  read -r secs kb < "$DATA/time-$kind.txt"
  printf '%-8s %8.1f s  %6.0f MB peak\n' "$kind" "$secs" "$((kb / 1024))"
  { grep -E "^(reorder|staffing|variance): " "$DATA/log-$kind.txt" | grep -v " wrote " | head -2 | sed 's/^/    /'; } || true
done
