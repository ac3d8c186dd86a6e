#!/usr/bin/env bash
# reorder.xlsx at scale: 100,000 items (ITEMS=N to change) planned by `reorder --format xlsx`
# with the release binary; prints the run's workbook line ("workbooks: reorder.xlsx (N data
# rows) written in X s") and the whole run's time and peak memory. The usage is short (a few
# days per item) so the run is quick: the workbook is what is measured here; the forecasting
# at scale is Benchmarks/planning's.
# Usage (from the repo root): bash Benchmarks/xlsx/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/quartermaster}
[ -x "$BIN" ] || swift build -c release --product quartermaster
ITEMS=${ITEMS:-100000}
DATA=Benchmarks/data/xlsx-$ITEMS
mkdir -p "$DATA"
if [ ! -s "$DATA/items.csv" ]; then
  # Descriptions include text that looks like a formula, which must stay text in the sheet.
  awk -v n="$ITEMS" 'BEGIN {
    print "item,description,vendor,unit_cost,pack_size,lead_time_days,criticality" > "'"$DATA"'/items.csv"
    print "item,on_hand,on_order" > "'"$DATA"'/inventory.csv"
    print "date,item,quantity" > "'"$DATA"'/usage.csv"
    split("=1+1,@SUM(A1),Gloves nitrile M,Saline 10 mL,-1+2", names, ",")
    for (i = 1; i <= n; i++) {
      id = sprintf("IT%06d", i)
      printf "%s,%s %d,Vendor %d,%.2f,%d,%d,%s\n", id, names[i % 5 + 1], i, i % 40, 0.5 + (i % 997) / 10, 1 + i % 12, 3 + i % 20, substr("VEN", i % 3 + 1, 1) > "'"$DATA"'/items.csv"
      printf "%s,%d,%d\n", id, i % 50, (i % 7 == 0) ? 10 : 0 > "'"$DATA"'/inventory.csv"
      for (d = 1; d <= 4; d++) printf "2026-06-%02d,%s,%d\n", d * 7 - (i % 7), id, 1 + (i * d) % 9 > "'"$DATA"'/usage.csv"
    }
  }'
fi
rm -rf "$DATA/out"
/usr/bin/time -f '%e %M' -o "$DATA/time.txt" "$BIN" reorder --usage "$DATA/usage.csv" --items "$DATA/items.csv" \
  --inventory "$DATA/inventory.csv" --format xlsx --out "$DATA/out" --quiet 2> "$DATA/log.txt" || { cat "$DATA/log.txt"; exit 1; }
read -r secs kb < "$DATA/time.txt"
grep -E "workbooks: " "$DATA/log.txt" | sed 's/^/  /'
printf '  whole reorder run %.1f s, %d MB peak; reorder.xlsx %s\n' "$secs" "$((kb / 1024))" "$(du -h "$DATA/out/reorder.xlsx" | cut -f1)"
