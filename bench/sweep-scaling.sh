#!/usr/bin/env bash
# Sweep scaling (issue 17, "Measure"): one sweep of SETS parameter sets over DAYS generated days from PostgreSQL,
# run four times in fresh JVMs through the kbt launcher: local --threads 1 and 2, Spark local[1] and local[2].
# Prints each run's "cells phase" (kbt sweep's own "ms for all cells": reading and replaying every cell, Spark's
# context start included), its process CPU (user+sys) and peak RSS, the load average at its start, the three
# ratios the issue asks for, and checks that sweep.csv and daily.csv are the same bytes in all four runs.
#
#   bench/sweep-scaling.sh [--days 20] [--sets 100] [--db JDBC_URL]
#
# The days are generated once (kbt generate --days DAYS --markets 12) and imported into a scratch database
# (default jdbc:postgresql://127.0.0.1:5432/kbt_scaling_DAYSd, created if missing), both kept under
# bench/target/sweep-scaling for the next run. Every local run stores its sets as runs there, as any sweep from
# PostgreSQL does. SETS is a multiple of 10 up to 100: halfSpread 1..10 × SETS/10 skews (0, 0.1, ...) on the seed
# preset. Every run is as a user's through the launcher, with its ahead-of-time caches on JDK 25 (the CLI's and the
# --spark one), trained before the first run; KBT_AOT=off in the environment runs all four without them.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
days=20
sets=100
db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --days) days="$2"; shift 2 ;;
    --sets) sets="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    *) echo "usage: $0 [--days N] [--sets N (multiple of 10, at most 100)] [--db JDBC_URL]" >&2; exit 2 ;;
  esac
done
if [ $((sets % 10)) -ne 0 ] || [ "$sets" -lt 10 ] || [ "$sets" -gt 100 ]; then
  echo "sweep-scaling: --sets must be a multiple of 10 from 10 to 100, was $sets" >&2
  exit 2
fi
db="${db:-jdbc:postgresql://127.0.0.1:5432/kbt_scaling_${days}d}"
work="$root/bench/target/sweep-scaling/days-$days"
kbt="$root/kbt"
mkdir -p "$work"

# Weekdays from 2026-01-05, as kbt generate counts them: the last one is the sweep's --to.
start=2026-01-05
last=$(python3 -c "import datetime as d; t=d.date(2026,1,5); n=1
while n < $days:
    t += d.timedelta(days=1); n += t.weekday() < 5
print(t)")

if [ "$(cat "$work/imported" 2>/dev/null)" != "$db" ]; then
  echo "sweep-scaling: generating $days days and importing them into $db (once; log in $work/import.log)" >&2
  rm -rf "$work/data"
  {
    "$kbt" generate --out "$work/data" --start "$start" --days "$days" --markets 12
    "$kbt" db migrate --db "$db"
    "$kbt" import markets "$work/data/markets.json" --db "$db"
    "$kbt" import index "$work/data/index-SPX.csv" --symbol SPX --db "$db"
    "$kbt" import kalshi-ws "$work/data/kalshi-ws.jsonl" --db "$db"
  } >"$work/import.log" 2>&1 || { tail -5 "$work/import.log" >&2; exit 1; }
  echo "$db" >"$work/imported"
fi

skew_to=$(python3 -c "print(f'{($sets // 10 - 1) / 10:.1f}')")
sweep=(sweep --from "$start" --to "$last" --series INXD --db "$db" --set preset=seed
  --grid halfSpread=1:10:1 --grid "skew=0:$skew_to:0.1" --top 1)

# Runs one sweep: $1 a label, the rest kbt sweep's extra arguments. Appends "label ms cpu_s rss_mb load" to results.
run() {
  label="$1"
  shift
  out="$work/out-$label"
  rm -rf "$out"
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "sweep-scaling: $label (load average $load)..." >&2
  /usr/bin/time -f "%U %S %M" -o "$work/time-$label" "$kbt" "${sweep[@]}" --out "$out" "$@" \
    >"$work/log-$label" 2>"$work/err-$label" || { cat "$work/err-$label" >&2; exit 1; }
  ms=$(sed -n 's/^ *\([0-9,]*\) ms for all cells.*/\1/p' "$work/log-$label" | tr -d ,)
  read -r user sys rss <"$work/time-$label"
  echo "$label $ms $(python3 -c "print(f'{$user + $sys:.1f}')") $((rss / 1024)) $load" >>"$work/results"
}

# Builds the CLI and the Spark module and trains their AOT caches now (the launcher does when they are stale), so no
# run times a build or a training.
"$kbt" --version >/dev/null 2>&1
"$kbt" sweep --spark 'local[1]' --help >/dev/null 2>&1
rm -f "$work/results"
run threads-1 --threads 1
run threads-2 --threads 2
run spark-local-1 --spark 'local[1]'
run spark-local-2 --spark 'local[2]'

# sweep.csv's last two columns (replay_ms, events_per_second) are timings; everything else must match.
figures() {
  awk -F, -v OFS=, '{ NF -= 2; print }' "$1/sweep.csv"
  cat "$1/daily.csv"
}
for label in threads-2 spark-local-1 spark-local-2; do
  if [ "$(figures "$work/out-threads-1")" != "$(figures "$work/out-$label")" ]; then
    echo "sweep-scaling: sweep.csv or daily.csv of $label differs from threads-1's (see $work)" >&2
    exit 1
  fi
done

python3 - "$work/results" "$days" "$sets" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    label, ms, cpu, rss, load = line.split()
    rows[label] = (int(ms), float(cpu), int(rss), load)
days, sets = sys.argv[2], sys.argv[3]
print(f"sweep scaling: {days} days x {sets} sets = {int(days) * int(sets):,} cells; sweep.csv (less timings) and"
      " daily.csv identical in all runs")
print(f"{'run':<16}{'cells phase':>14}{'process CPU':>14}{'peak RSS':>11}{'load at start':>15}")
for label, (ms, cpu, rss, load) in rows.items():
    print(f"{label:<16}{ms:>11,} ms{cpu:>12.1f} s{rss:>8,} MB{load:>15}")
def ratio(name, slow, fast, target):
    print(f"{name:<44}{rows[slow][0] / rows[fast][0]:>6.2f}x   (issue: {target})")
ratio("local: 1 thread / 2 threads", "threads-1", "threads-2", ">= 1.8")
ratio("Spark: local[1] / local[2]", "spark-local-1", "spark-local-2", ">= 1.8")
ratio("Spark local[2] / local 2 threads", "spark-local-2", "threads-2", "<= 1.3")
EOF
