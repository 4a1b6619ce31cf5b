#!/bin/sh
# Benchmark: `pos` start to first frame under Xvfb with a small vs a large catalog, as a ratio,
# and the CPU an idle `pos` uses over 10 s. Each start is `pos --screenshot --frames 1`
# (process start, lane.db open and check, window, fonts, one frame, PNG, exit) on one Xvfb;
# timed to the PNG (first frame) and to the exit.
# Usage: startup_bench.sh BUILD_DIR [small] [large] [runs]   (default 10000 1000000 5)
set -eu
build=$1
small=${2:-10000}
large=${3:-1000000}
runs=${4:-5}
command -v Xvfb >/dev/null || { echo "skip: Xvfb not installed (Debian package xvfb)"; exit 77; }

work=$(mktemp -d)
cleanup() { [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:97
sleep 1

# A catalog of N items with valid EAN-13 barcodes, in the import format (docs/catalog.md).
make_catalog() {
    awk -v n="$1" 'BEGIN {
        print "sku,barcodes,plu,name_zh,name_en,spec,unit,department,cost,price,price_per_kg,sale_unit,low_stock,pinyin"
        for (i = 0; i < n; i++) {
            code = sprintf("69%010d", i); sum = 0
            for (d = 1; d <= 12; d++) sum += substr(code, d, 1) * (d % 2 ? 1 : 3)
            code = code ((10 - sum % 10) % 10)
            printf "%07d,%s,,商品%d号,Item %d,500g,个,D%d,1.00,%d.50,0.00,piece,5,sp%d\n", i + 1, code, i, i, i % 12, 1 + i % 50, i
        }
    }'
}

# Median wall-clock milliseconds of `runs` starts: to the first frame (the PNG written after
# it, by its modification time) and to the process's exit (which also waits for the sync
# worker to finish what it was doing, e.g. opening store.db in a one-machine store).
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_starts() {
    data=$1
    : > "$work/frame.ms"
    : > "$work/exit.ms"
    for r in $(seq "$runs"); do
        rm -f "$work/shot.png"
        start=$(date +%s%N)
        "$build/pos" --data "$data" --screenshot "$work/shot.png" --frames 1 --size 1280x800 >/dev/null 2>&1
        echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/exit.ms"
        echo $(( ($(stat --format=%.9Y "$work/shot.png" | tr -d .) - start) / 1000000 )) >> "$work/frame.ms"
    done
    echo "$(median < "$work/frame.ms") $(median < "$work/exit.ms")"
}

for n in "$small" "$large"; do
    "$build/posctl" --data "$work/d$n" init --demo >/dev/null
    make_catalog "$n" > "$work/c$n.csv"
    "$build/posctl" --data "$work/d$n" catalog import "$work/c$n.csv" >/dev/null
done
set -- $(time_starts "$work/d$small")
small_ms=$1 small_exit=$2
set -- $(time_starts "$work/d$large")
large_ms=$1 large_exit=$2
lane_mb=$(du -m "$work/d$large/lane.db" | cut -f1)

# Idle: pos sitting on the login screen for 10 s; CPU time from /proc (utime + stime, ticks).
"$build/pos" --data "$work/d$small" --size 1280x800 >/dev/null 2>&1 &
pos_pid=$!
sleep 3
ticks() { awk '{ print $14 + $15 }' "/proc/$pos_pid/stat"; }
before=$(ticks)
sleep 10
after=$(ticks)
kill "$pos_pid"
hz=$(getconf CLK_TCK)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "pos start to first frame (and to exit), median of $runs, under Xvfb"
printf '%-36s %12s %8s %10s %8s\n' "case" "frame ms" "ratio" "exit ms" "ratio"
printf '%-36s %12s %8s %10s %8s\n' "$small items" "$small_ms" "1.00" "$small_exit" "1.00"
printf '%-36s %12s %8s %10s %8s\n' "$large items (lane.db ${lane_mb} MB)" "$large_ms" "$(ratio "$large_ms" "$small_ms")" \
    "$large_exit" "$(ratio "$large_exit" "$small_exit")"
echo "idle pos, 10 s on the login screen: $(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "%.2f%% of one core (%d ticks)", 100 * t / hz / 10, t }')"
