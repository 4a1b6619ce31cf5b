#!/bin/sh
# ui: 日结 on the real `pos` under Xvfb with xdotool. A cashier's shift is left open (posctl session
# run, then sync), so the day is blocked. Supervisor 9001 logs in, F10 opens the end-of-day
# screen, Enter asks to force it, and a reason, a second supervisor (9002) and PIN force it.
# Checked in store.db: one closed business day, closed by 9002 with the reason, and the open
# shift kept as what it was forced over.
# Usage: end_of_day_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu
. "$(dirname "$0")/lib.sh"

if [ "${1:-}" = "--inside-x" ]; then
    pos=$2
    data=$3
    start_pos "$pos" "$data"
    xdotool type --delay 15 9001
    xdotool key Return
    xdotool type --delay 15 999999
    xdotool key Return                     # 1001's shift is open: the open-shift screen says so
    xdotool key F10                        # 日结: the day, its shifts, the open one blocking
    xdotool key Return                     # blocked: asks for the reason and a second supervisor
    xdotool type --delay 15 'till broken'
    xdotool key Return
    xdotool type --delay 15 9002
    xdotool key Return
    xdotool type --delay 15 888888
    xdotool key Return                     # forces it: the lane locks the day's totals
    wait_for "$data/store.db" "select count(*), closed_by, forced_reason from business_days" "1|9002|till broken" ||
        { cat "$data/pos.log"; exit 1; }
    forced=$(sqlite3 "$data/store.db" "select forced_over like '%open_shift%' from business_days")
    [ "$forced" = "1" ] || { echo "FAIL: the open shift is not kept as forced over"; exit 1; }
    still_running
    echo "ok: 日结 forced on screen by a second supervisor with a reason; the day is locked in store.db"
    exit 0
fi

pos=$1
posctl=$2
require_tools xvfb-run xdotool sqlite3
make_demo_store "$posctl"
# The demo manager approves (number, PIN), then the new supervisor's 6-digit PIN.
printf '8801\n888888\n888888\n' | "$posctl" --data "$work/data" user add 9002 --name 李强 --role supervisor >/dev/null
printf '%s\n' '{"op":"login","operator":"1001","pin":"1234"}' '{"op":"open_shift","float":"200.00"}' \
    '{"op":"scan","code":"6921168176748"}' '{"op":"tender","method":"cash","amount":"10.00"}' \
    >"$work/sale.jsonl"
"$posctl" --data "$work/data" session run "$work/sale.jsonl" >/dev/null
"$posctl" --data "$work/data" sync --once >/dev/null
run_inside_x "$0" "$pos" "$work/data"
