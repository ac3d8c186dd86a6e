#!/usr/bin/env bash
# Runs one fuzz target for a while: Fuzz/run.sh csv|yaml SECONDS [more libFuzzer flags]
# New inputs go to $FUZZ_SCRATCH/corpus/TARGET (not committed); Fuzz/corpus/TARGET holds the
# seeds and every input that ever crashed (committed). Crashes land in $FUZZ_SCRATCH/artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?csv or yaml}
seconds=${2:-60}
shift 2 || shift $#
scratch=${FUZZ_SCRATCH:-.build-fuzz}
case "$target" in
  csv)  product=FuzzCSV;          max_len=8192 ;;
  yaml) product=FuzzPipelineYAML; max_len=16384 ;;
  *) echo "unknown target $target (csv or yaml)" >&2; exit 2 ;;
esac
bin="$scratch/x86_64-unknown-linux-gnu/release/$product"
[ -x "$bin" ] || { echo "$bin is missing; run make fuzz-build" >&2; exit 2; }
work="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
log="$scratch/fuzz-$target.log"
mkdir -p "$work" "$artifacts"
echo "fuzz $target for ${seconds}s: log $log, crashes in $artifacts/"
status=0
# Standard input is /dev/null: nothing the target does may wait on a terminal.
nice -n 10 "$bin" "$work" "Fuzz/corpus/$target" -max_total_time="$seconds" -max_len="$max_len" \
  -timeout=10 -rss_limit_mb=2048 -dict="Fuzz/$target.dict" -artifact_prefix="$artifacts/" \
  -print_final_stats=1 "$@" </dev/null >"$log" 2>&1 || status=$?
# The figures Fuzz/README.md records: executions, time, coverage, corpus size.
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|^Done ' "$log" | tail -8 || true
grep -E 'ERROR: |SUMMARY: |invariant broken|unexpected error|Fatal error|Test unit written' "$log" | head -20 || true
echo "corpus: $(ls "$work" | wc -l) generated inputs, $(ls "Fuzz/corpus/$target" | wc -l) seeds and crashers"
exit $status
