#!/usr/bin/env bash
# Writes the seed inputs of the fuzz targets from the test fixtures, the demo exports and the
# ready pipelines. Seeds are committed under Fuzz/corpus/; rerun after fixtures change.
# A CSV seed starts with two option bytes (see Fuzz/CSV/main.swift), then the file.
set -euo pipefail
cd "$(dirname "$0")/.."
csv=Fuzz/corpus/csv yaml=Fuzz/corpus/yaml
mkdir -p "$csv" "$yaml"
seed() {  # seed NAME A B  (file on stdin)
  { printf "\\x$(printf %02x "$2")\\x$(printf %02x "$3")"; cat; } > "$csv/seed-$1"
}
for f in Tests/TabularTests/Fixtures/* Tests/CLITests/Fixtures/usage_quirks.csv; do
  name=$(basename "$f")
  # Roles under their own names, and under the map Day / Item # / Qty.
  sed -e '1s/qty/quantity/; 1s/Qty Issued/quantity/; 1s/Trans Date/date/; 1s/Item #/item/; 1s/"item"/item/' "$f" | seed "$name" 0 255
  sed -e '1s/qty/Qty/; 1s/Qty Issued/Qty/; 1s/Trans Date/Day/; 1s/^date/Day/; 1s/^\xef\xbb\xbfdate/\xef\xbb\xbfDay/' "$f" | seed "$name-mapped" 104 37
done
# Demo exports, their first lines, with the headers renamed to the roles.
head -25 Datasets/demo/supply_issues.csv | sed '1s/.*/date,item,description,quantity,uom,unit_cost,location/' | seed supply_issues 32 200
head -25 Datasets/demo/supply_issues.csv | sed '1s/.*/date,item,description,quantity,uom,unit_cost,location/' | seed supply_issues-tiny 0 3
head -20 Datasets/demo/timekeeping.csv | sed '1s/.*/date,employee,unit,job_code,item,quantity/' | seed timekeeping 33 120
head -20 Datasets/demo/gl_actuals.csv | sed '1s/.*/date,location,item,quantity,unit_cost/' | seed gl_actuals 8 64
head -15 Datasets/demo/census.csv | sed '1s/.*/date,item,quantity,unit_cost,employee/' | seed census 2 90
# Dates in other layouts for the explicit formats.
printf 'date,item,quantity\n01/07/2026,A,1\n31/12/2026,B,2\n30/02/2026,C,3\n' | seed day-first 16 3
printf 'date,item,quantity\n20260701,A,1\n20261301,B,2\n' | seed compact 16 4
printf 'date;item;quantity\n1.7.26;A;1,5\n29.2.25;B;2\n' | seed dotted 26 5
for f in Pipelines/*.yml; do cp "$f" "$yaml/seed-$(basename "$f")"; done
cat > "$yaml/seed-wide.yml" <<'YAML'
calendar: {frequency: week, fiscal_year_start: 7}
stages:
  dispensing:
    kind: import
    table: usage
    file: data.csv
    layout: wide
    id_columns: [Date]
    where: {item: A100|B200}
  weekly:
    kind: aggregate
    input: dispensing
  demand:
    kind: forecast
    input: weekly
    horizon: 8
    models: ets,croston
  save:
    kind: export
    input: demand.forecasts
    file: forecasts.csv
YAML
cat > "$yaml/seed-anchors.yml" <<'YAML'
description: &text "anchors and aliases"
stages:
  usage: &import
    kind: import
    table: usage
    file: data.csv
    columns: {date: date, item: item}
    on_error: skip
    reject_threshold: 5
  other:
    kind: import
    table: inventory
    file: data.csv
  join:
    kind: join
    left: usage
    right: other
YAML
echo "seeds: $(ls $csv | wc -l) CSV, $(ls $yaml | wc -l) YAML"
