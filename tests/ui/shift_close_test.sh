#!/bin/sh
# ui: a whole shift typed into the real `pos` under Xvfb with xdotool: log in, open the shift,
# sell one item for cash, then F12 → 交班 with an exact blind count (2 × ¥100 + 2 × ¥1 = the
# 200.00 float + the 2.00 sale), submit, Z report, next cashier. Checked in lane.db: one
# shift close with no variance, and the lane back at the login screen (no shift open).
# Usage: shift_close_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu
. "$(dirname "$0")/lib.sh"

if [ "${1:-}" = "--inside-x" ]; then
    pos=$2
    data=$3
    start_pos "$pos" "$data"
    # Keys queue in order inside pos, so no pauses are needed between screens; the one wait
    # is for the sale's commit, so the count below is compared with a journal that has it.
    log_in_and_open_shift                  # cashier 1001, default float 200.00
    xdotool type --delay 5 6921168176748   # a wedge scanner types fast, then Enter
    xdotool key Return
    xdotool key Return                     # empty field: go to payment
    xdotool key Return                     # no amount typed: exact cash, 2.00
    wait_for "$data/lane.db" "select count(*) from sales" 1 || { cat "$data/pos.log"; exit 1; }
    xdotool key Return                     # next sale: the empty sale screen
    xdotool key F12                        # shift menu
    xdotool type --delay 15 6              # 6 = 交班: the blind count, ¥100 first
    xdotool type --delay 15 2              # 2 × ¥100
    xdotool key --delay 15 Return Return Return Return Return   # ¥50 ¥20 ¥10 ¥5 → ¥1
    xdotool type --delay 15 2              # 2 × ¥1
    xdotool key --delay 15 Return Return Return Return  # 5 角, 1 角, card, mobile (all empty)
    xdotool key --delay 15 Return Return   # asks once more, then submits: exact, the lane closes
    wait_for "$data/lane.db" "select count(*), largest_variance_fen, counted_cash_fen from shift_closes" "1|0|20200" ||
        { cat "$data/pos.log"; exit 1; }
    xdotool key --delay 15 Return Return   # the Z report, then the next cashier's login
    wait_for "$data/lane.db" "select count(*) from shifts where closed_at is null" 0 || exit 1
    still_running
    echo "ok: one cash sale, then 交班 with an exact blind count: one shift close, variance 0.00"
    exit 0
fi

require_tools xvfb-run xdotool sqlite3
make_demo_store "$2"
run_inside_x "$0" "$1" "$work/data"
