#!/bin/sh
# ui: 日结 on the real `pos` under Xvfb with xdotool. A cashier's shift is left open (posctl session
# run, then sync), so the day is blocked. Supervisor 9001 logs in, F10 opens the end-of-day
# screen, Enter asks to force it, and a reason, a second supervisor (9002) and PIN force it.
# Checked in store.db: one closed business day, closed by 9002 with the reason, and the open
# shift kept as what it was forced over.
# Usage: end_of_day_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu

# Polls `query` on a database until it prints `want`, for at most 15 s (75 × 0.2 s).
wait_for() {
    db=$1 query=$2 want=$3
    i=0
    got=
    while [ "$i" -lt 75 ]; do
        got=$(sqlite3 "$db" "$query" 2>/dev/null || true)
        [ "$got" = "$want" ] && return 0
        sleep 0.2
        i=$((i + 1))
    done
    echo "FAIL: '$query' gave '$got' after 15 s, expected '$want'"
    return 1
}

if [ "${1:-}" = "--inside-x" ]; then
    pos=$2
    data=$3
    "$pos" --data "$data" >"$data/pos.log" 2>&1 &
    pid=$!
    stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    trap stop EXIT
    window=$(timeout 20 xdotool search --sync --name '^pos - ' | head -n 1)
    [ -n "$window" ] || { echo "FAIL: the pos window did not appear"; cat "$data/pos.log"; exit 1; }
    xdotool windowfocus --sync "$window"
    xdotool type --delay 15 9001
    xdotool key Return
    xdotool type --delay 15 9999
    xdotool key Return                     # 1001's shift is open: the open-shift screen says so
    xdotool key F10                        # 日结: the day, its shifts, the open one blocking
    xdotool key Return                     # blocked: asks for the reason and a second supervisor
    xdotool type --delay 15 'till broken'
    xdotool key Return
    xdotool type --delay 15 9002
    xdotool key Return
    xdotool type --delay 15 8888
    xdotool key Return                     # forces it: the lane locks the day's totals
    wait_for "$data/store.db" "select count(*), closed_by, forced_reason from business_days" "1|9002|till broken" ||
        { cat "$data/pos.log"; exit 1; }
    forced=$(sqlite3 "$data/store.db" "select forced_over like '%open_shift%' from business_days")
    [ "$forced" = "1" ] || { echo "FAIL: the open shift is not kept as forced over"; exit 1; }
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: pos exited"; cat "$data/pos.log"; exit 1; }
    echo "ok: 日结 forced on screen by a second supervisor with a reason; the day is locked in store.db"
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
echo 8888 | "$posctl" --data "$work/data" user add 9002 --name 李强 --role supervisor >/dev/null
printf '%s\n' '{"op":"login","operator":"1001","pin":"1234"}' '{"op":"open_shift","float":"200.00"}' \
    '{"op":"scan","code":"6921168176748"}' '{"op":"tender","method":"cash","amount":"10.00"}' \
    >"$work/sale.jsonl"
"$posctl" --data "$work/data" session run "$work/sale.jsonl" >/dev/null
"$posctl" --data "$work/data" sync --once >/dev/null
timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" --inside-x "$pos" "$work/data"
