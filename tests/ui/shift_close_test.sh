#!/bin/sh
# ui: a whole shift typed into the real `pos` under Xvfb with xdotool: log in, open the shift,
# sell one item for cash, then F12 → 交班 with an exact blind count (2 × ¥100 + 2 × ¥1 = the
# 200.00 float + the 2.00 sale), submit, Z report, next cashier. Checked in lane.db: one
# shift close with no variance, and the lane back at the login screen (no shift open).
# Usage: shift_close_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu

# Polls `query` on lane.db until it prints `want`, for at most 15 s (75 × 0.2 s).
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
    # Keys queue in order inside pos, so no pauses are needed between screens; the one wait
    # is for the sale's commit, so the count below is compared with a journal that has it.
    xdotool type --delay 15 1001
    xdotool key Return
    xdotool type --delay 15 1234
    xdotool key Return
    xdotool key Return                     # open the shift with the default float, 200.00
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
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: pos exited"; cat "$data/pos.log"; exit 1; }
    echo "ok: one cash sale, then 交班 with an exact blind count: one shift close, variance 0.00"
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
