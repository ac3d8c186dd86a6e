#!/usr/bin/env bash
# The Spark job in local mode on the demo data must give the same forecasts as the plain CLI.
# Usage (from anywhere): bash Benchmarks/spark/run_local.sh   (also: make spark-check)
# Needs Java 17 (JAVA_HOME or java on PATH), python3, and the release binary
# (BIN=path overrides .build/release/quartermaster). Creates Benchmarks/spark/.venv on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=Benchmarks/spark
BIN=${BIN:-.build/release/quartermaster}
[ -x "$BIN" ] || { echo "run_local.sh: no binary at $BIN; run 'swift build -c release --product quartermaster' or set BIN" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

source "$HERE/env.sh"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$BIN" aggregate --input Datasets/demo/supply_issues.csv \
  --columns 'date=Trans Date,item=Item #,quantity=Qty Issued' --frequency month \
  --out "$TMP/series.csv"
"$BIN" forecast --input "$TMP/series.csv" --series series --date period --value value \
  --frequency month --horizon 12 --out "$TMP/cli.csv"

# Spark's own log goes to a file, shown only when the job fails.
spark_job() {
  if ! "$PY" "$HERE/forecast_job.py" --master 'local[2]' --quiet --binary "$BIN" "$@" 2> "$TMP/spark.log"; then
    cat "$TMP/spark.log" >&2
    echo "run_local.sh: the Spark job failed" >&2
    exit 1
  fi
  grep '^forecast_job:' "$TMP/spark.log"
}

spark_job --input "$TMP/series.csv" --output "$TMP/spark" \
  --series series --date period --value value --frequency month --horizon 12

"$PY" "$HERE/compare.py" "$TMP/cli.csv" "$TMP/spark"

# The Parquet writer on the same data: the same rows, numbers as doubles equal to the CLI's.
spark_job --format parquet --input "$TMP/series.csv" --output "$TMP/spark.parquet" \
  --series series --date period --value value --frequency month --horizon 12
"$PY" - "$TMP/cli.csv" "$TMP/spark.parquet" 2> "$TMP/parquet.log" <<'PYEOF' || { cat "$TMP/parquet.log" >&2; exit 1; }
import csv, sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.ui.showConsoleProgress", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
with open(sys.argv[1], newline="") as f:
    rows = list(csv.DictReader(f))
df = spark.read.parquet(sys.argv[2])
got = {(r["series"], r["period"]): r for r in (row.asDict() for row in df.collect())}
numeric = [c for c in df.columns if dict(df.dtypes)[c] == "double"]
bad = [r for r in rows if (r["series"], r["period"]) not in got
       or any(float(r[c]) != got[(r["series"], r["period"])][c] for c in numeric)
       or r["model"] != got[(r["series"], r["period"])]["model"]]
spark.stop()
print(f"parquet: {len(got)} rows, {len(numeric)} double columns; cli {len(rows)} rows; "
      f"{'same values' if not bad and len(got) == len(rows) else f'{len(bad)} rows differ'}")
sys.exit(0 if not bad and len(got) == len(rows) else 1)
PYEOF
echo "spark-check: OK (Spark local[2] = plain CLI on the demo data)"
