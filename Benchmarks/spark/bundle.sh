#!/usr/bin/env bash
# Packs the quartermaster binary with the shared libraries it loads (Swift runtime, GSL,
# libcsv), so executors without Swift can run it: spark-submit --archives BUNDLE#qm and
# forecast_job.py --binary qm/quartermaster. glibc itself is not packed: the executors need a
# glibc at least as new as the build machine's (build on the cluster's distribution, or older).
# Usage (from anywhere): bash Benchmarks/spark/bundle.sh [OUT.tar.gz]
#   (default Benchmarks/data/quartermaster-bundle.tar.gz; BIN=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/quartermaster}
OUT=${1:-Benchmarks/data/quartermaster-bundle.tar.gz}
[ -x "$BIN" ] || { echo "bundle.sh: no binary at $BIN; run 'swift build -c release --product quartermaster' or set BIN" >&2; exit 2; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/lib"
cp "$BIN" "$STAGE/quartermaster"
# Every resolved library but glibc's own (loader, libc, libm, libpthread, libdl, librt, libutil).
ldd "$BIN" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' |
  grep -v -E '/(ld-linux[^/]*|libc|libm|libpthread|libdl|librt|libutil|libresolv)\.so[^/]*$' |
  while read -r lib; do cp -L "$lib" "$STAGE/lib/"; done
missing=$(ldd "$BIN" | grep 'not found' || true)
[ -z "$missing" ] || { echo "bundle.sh: unresolved libraries:"$'\n'"$missing" >&2; exit 1; }
# The bundle must run on its own libraries.
LD_LIBRARY_PATH="$STAGE/lib" "$STAGE/quartermaster" --version >/dev/null
mkdir -p "$(dirname "$OUT")"
tar -czf "$OUT" -C "$STAGE" quartermaster lib
echo "bundle.sh: $OUT ($(du -h "$OUT" | cut -f1); quartermaster + $(ls "$STAGE/lib" | wc -l) libraries)"
