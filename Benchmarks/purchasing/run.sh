#!/usr/bin/env bash
# `quartermaster purchasing` at scale: 1,000,000 order lines (20,000 items, 200 vendors,
# contracts for half the items), plus 60,000 lots against 455,000 usage rows, on a release
# build, with peak memory. Issue 21's target: under 5 s for the million lines.
# Usage (from anywhere): bash Benchmarks/purchasing/run.sh DATA_DIR
#   DATA_DIR holds the generated files (made on the first run, reused after).
#   BIN=path/to/quartermaster to time another build; SCRATCH=.build-x for the build folder.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: run.sh DATA_DIR" >&2; exit 2; }
DATA=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build}
BIN=${BIN:-$SCRATCH/release/quartermaster}
[ -x "$BIN" ] || swift build -c release --scratch-path "$SCRATCH" --product quartermaster
[ -s "$DATA/orders.csv" ] || python3 Benchmarks/purchasing/generate.py --out "$DATA"
run() {
  local name=$1; shift
  rm -rf "$DATA/out-$name"
  /usr/bin/time -f '%e %M %U %S' -o "$DATA/time-$name.txt" "$BIN" purchasing "$@" --out "$DATA/out-$name" --quiet 2> "$DATA/log-$name.txt" \
    || { cat "$DATA/log-$name.txt"; exit 1; }
  read -r secs kb user sys < "$DATA/time-$name.txt"
  # CPU time beside the wall clock: on a shared machine the wall clock also counts waiting for a core.
  printf '%-28s %6.2f s wall  %6.2f s CPU  %6.0f MB peak\n' "$name" "$secs" "$(awk "BEGIN { print $user + $sys }")" "$((kb / 1024))"
  grep -E "^(orders|purchasing): " "$DATA/log-$name.txt" | grep -v " wrote " | sed 's/^/    /' || true
}
run "orders only" --orders "$DATA/orders.csv"
run "orders+contracts+items" --orders "$DATA/orders.csv" --contracts "$DATA/contracts.csv" --items "$DATA/items.csv"
run "all (with lots and usage)" --orders "$DATA/orders.csv" --contracts "$DATA/contracts.csv" --items "$DATA/items.csv" \
  --lots "$DATA/lots.csv" --usage "$DATA/usage.csv"
