#!/bin/sh
# ui: a store's own keys (pos.toml [keys]) on the real `pos` under Xvfb with xdotool. The
# technician moves void_line to F1 and hold (挂单/取单) to Delete. The cashier rings two items,
# holds the ticket with Delete, resumes it with Delete, voids the last line with F1 and a
# supervisor's PIN, and pays exact cash. Checked in lane.db: one sale with one line voided by
# 9001, nothing left on hold. Before that, a [keys] mistake stops pos with the line to fix.
# Usage: remapped_keys_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run, xdotool or sqlite3.
set -eu
. "$(dirname "$0")/lib.sh"

if [ "${1:-}" = "--inside-x" ]; then
    pos=$2
    data=$3
    start_pos "$pos" "$data"
    log_in_and_open_shift                  # cashier 1001, default float 200.00
    xdotool type --delay 5 6921168176748
    xdotool key Return
    xdotool type --delay 5 6928804835168
    xdotool key Return
    xdotool key Delete                     # hold is on Delete here: the ticket goes on hold
    wait_for "$data/lane.db" "select count(*) from held_tickets" 1 || { cat "$data/pos.log"; exit 1; }
    xdotool key Delete                     # the empty ticket: Delete resumes the only one held
    wait_for "$data/lane.db" "select count(*) from held_tickets" 0 || { cat "$data/pos.log"; exit 1; }
    xdotool key F1                         # void_line is on F1: the supervisor dialog, last line
    xdotool type --delay 15 9001
    xdotool key Return
    xdotool type --delay 15 999999
    xdotool key Return
    xdotool key Return                     # empty field: go to payment
    xdotool key Return                     # exact cash
    wait_for "$data/lane.db" "select count(*) from sales" 1 || { cat "$data/pos.log"; exit 1; }
    voided=$(sqlite3 "$data/lane.db" "select line_no, voided_by from sale_lines where voided = 1")
    [ "$voided" = "2|9001" ] || { echo "FAIL: voided lines are '$voided', expected '2|9001'"; exit 1; }
    still_running
    echo "ok: hold and resume on Delete, void on F1 as pos.toml [keys] says; the sale has line 2 voided by 9001"
    exit 0
fi

pos=$1
require_tools xvfb-run xdotool sqlite3
make_demo_store "$2"

# A key bound twice: pos does not start, and says which line and what to do.
cp "$work/data/pos.toml" "$work/pos.toml.good"
printf '\n[keys]\nvoid_line = "F6"\n' >>"$work/data/pos.toml"
line=$(wc -l <"$work/data/pos.toml")
if "$pos" --data "$work/data" --screenshot "$work/never.png" >"$work/out" 2>&1; then
    echo "FAIL: pos started with void_line and hold both on F6"; exit 1
fi
grep -q "pos.toml:$line: keys.void_line: F6 is already the key of hold on the sale screen" "$work/out" ||
    { echo "FAIL: unexpected message:"; cat "$work/out"; exit 1; }

cp "$work/pos.toml.good" "$work/data/pos.toml"
printf '\n[keys]\nvoid_line = "F1"\nhold = "Delete"\n' >>"$work/data/pos.toml"
run_inside_x "$0" "$pos" "$work/data"
