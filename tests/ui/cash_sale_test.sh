#!/bin/sh
# ui: one cash sale typed into the real `pos` under Xvfb with xdotool (as a cashier and a
# keyboard-wedge scanner would), then checked in lane.db: the sale is committed, for 2.00.
# Usage: cash_sale_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu
. "$(dirname "$0")/lib.sh"

if [ "${1:-}" = "--inside-x" ]; then
    pos=$2
    data=$3
    start_pos "$pos" "$data"
    # Keys queue in order inside pos, so no pauses are needed between screens.
    log_in_and_open_shift                  # cashier 1001, default float 200.00
    xdotool type --delay 5 6921168176748   # a wedge scanner types fast, then Enter
    xdotool key Return
    xdotool key Return                     # empty field: go to payment
    xdotool key Return                     # no amount typed: exact cash
    wait_for "$data/lane.db" "select count(*) from sales" 1 || { cat "$data/pos.log"; exit 1; }
    sale=$(sqlite3 "$data/lane.db" "select total_fen, paid_fen, change_fen, operator from sales")
    [ "$sale" = "200|200|0|1001" ] || { echo "FAIL: sale is '$sale', expected '200|200|0|1001'"; exit 1; }
    echo "ok: cash sale of 2.00 by operator 1001 committed"
    exit 0
fi

require_tools xvfb-run xdotool sqlite3
make_demo_store "$2"
run_inside_x "$0" "$1" "$work/data"
