#!/bin/sh
# ui: one cash sale typed into the real `pos` under Xvfb with xdotool (as a cashier and a
# keyboard-wedge scanner would), then checked in lane.db: the sale is committed, for 2.00.
# Usage: cash_sale_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu

if [ "${1:-}" = "--inside-x" ]; then
    # Runs inside xvfb-run: start pos, type the sale, wait (bounded) for the commit.
    pos=$2
    data=$3
    "$pos" --data "$data" >"$data/pos.log" 2>&1 &
    pid=$!
    stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    trap stop EXIT
    window=$(timeout 20 xdotool search --sync --name '^pos - ' | head -n 1)
    [ -n "$window" ] || { echo "FAIL: the pos window did not appear"; cat "$data/pos.log"; exit 1; }
    xdotool windowfocus --sync "$window"
    # Keys queue in order inside pos, so no pauses are needed between screens.
    xdotool type --delay 15 1001
    xdotool key Return
    xdotool type --delay 15 1234
    xdotool key Return
    xdotool key Return                     # open the shift with the default float, 200.00
    xdotool type --delay 5 6921168176748   # a wedge scanner types fast, then Enter
    xdotool key Return
    xdotool key Return                     # empty field: go to payment
    xdotool key Return                     # no amount typed: exact cash
    i=0
    while [ "$i" -lt 50 ]; do
        count=$(sqlite3 "$data/lane.db" "select count(*) from sales")
        [ "$count" = "1" ] && break
        sleep 0.2
        i=$((i + 1))
    done
    [ "$count" = "1" ] || { echo "FAIL: $count sales in lane.db after 10 s, expected 1"; cat "$data/pos.log"; exit 1; }
    sale=$(sqlite3 "$data/lane.db" "select total_fen, paid_fen, change_fen, operator from sales")
    [ "$sale" = "200|200|0|1001" ] || { echo "FAIL: sale is '$sale', expected '200|200|0|1001'"; exit 1; }
    echo "ok: cash sale of 2.00 by operator 1001 committed"
    exit 0
fi

pos=$1
posctl=$2
for tool in xvfb-run xdotool sqlite3; do
    command -v "$tool" >/dev/null || { echo "skip: $tool not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$posctl" --data "$work/data" init --demo >/dev/null
timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" --inside-x "$pos" "$work/data"
