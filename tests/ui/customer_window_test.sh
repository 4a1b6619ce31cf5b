#!/bin/sh
# ui: on a dual-screen till ([display] window = true) `pos` opens the customer's window: a sale typed
# through to the change, the state file saying what the customer sees, and a real PNG of that window.
# Usage: customer_window_test.sh POS POSCTL. Exit 77 (skipped) when xvfb-run is not installed.
set -eu
. "$(dirname "$0")/lib.sh"
pos=$1

require_tools xvfb-run
make_demo_store "$2"
printf '\n[display]\nwindow = true\nidle_text = "欢迎光临"\n' >>"$work/data/pos.toml"

fail() { echo "FAIL: $*"; exit 1; }
# Logged in, shift opened, water and an apple weighed by hand (no scale here), paid with 20.00.
keys='1001{Enter}1234{Enter}{Enter}6921168176748{Enter}0.35*00101{Enter}{Enter}20{Enter}'
timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$pos" --data "$work/data" --size 1024x768 --state-file "$work/state.json" \
    --screenshot "$work/cashier.png" --customer-screenshot "$work/customer.png" --input "$keys"

grep -q '"customer":{"change":"¥13.60","kind":"change","lines":0,"paid":"¥20.00","total":"¥6.40"}' "$work/state.json" ||
    fail "the customer does not see the change: $(cat "$work/state.json")"
[ -f "$work/customer.png" ] || fail "no screenshot of the customer's window"
size=$(stat -c %s "$work/customer.png")
[ "$size" -gt 10240 ] || fail "the customer's window is only $size bytes: it looks empty"
width=$(od -An -tx1 -j16 -N4 "$work/customer.png" | tr -d ' \n')
height=$(od -An -tx1 -j20 -N4 "$work/customer.png" | tr -d ' \n')
[ "$width" = "00000320" ] || fail "width is 0x$width, expected 800 (0x320): the window with one monitor"
[ "$height" = "00000258" ] || fail "height is 0x$height, expected 600 (0x258)"
echo "ok: the customer's window shows the change, 800x600 PNG of $size bytes"
