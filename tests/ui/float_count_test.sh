#!/bin/sh
# ui: open shift with the float counted by denomination on the real `pos` under Xvfb, keys fed
# through `pos --input` (the queue the keyboard fills): F2 on the open-shift screen, 2 × ¥100,
# 1 × ¥50, 5 × ¥1, 4 × 1 角, Enter on the last row opens the shift. Checked: lane.db's shift has
# the 255.40 float and its counts; after `posctl sync --once` store.db has both.
# Usage: float_count_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run or sqlite3.
set -eu
pos=$1
posctl=$2
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run sqlite3
fail() { echo "FAIL: $*"; exit 1; }
make_demo_store "$posctl"

# Rows: ¥100 ¥50 ¥20 ¥10 ¥5 ¥1 5角 1角; Enter moves down, and on 1角 opens the shift.
keys='1001{Enter}1234{Enter}{F2}2{Enter}1{Enter}{Enter}{Enter}{Enter}5{Enter}{Enter}4{Enter}'
timeout 60 xvfb-run -a -s "-screen 0 1024x768x24" \
    "$pos" --data "$work/data" --lang zh_CN --size 1024x768 --input "$keys" --screenshot "$work/sale.png" \
    >"$work/pos.log" 2>&1 || { cat "$work/pos.log"; fail "pos did not finish"; }
[ -s "$work/sale.png" ] || fail "no screenshot written"

got=$(sqlite3 "$work/data/lane.db" "select s.float_fen, f.counts from shifts s join float_counts f on f.shift_id = s.id")
[ "$got" = '25540|{"0.10":4,"1.00":5,"100.00":2,"50.00":1}' ] || fail "lane.db shift and float counts: '$got'"

"$posctl" --data "$work/data" sync --once >/dev/null
got=$(sqlite3 "$work/data/store.db" "select float_fen, json_extract(float_counts, '\$.\"100.00\"'), json_extract(float_counts, '\$.\"0.10\"') from shifts")
[ "$got" = "25540|2|4" ] || fail "store.db shift: '$got', expected float 25540 with 2 × 100.00 and 4 × 0.10"

echo "ok: float counted by denomination on screen, 255.40 with its counts in lane.db and store.db"
