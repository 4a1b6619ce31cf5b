#!/bin/sh
# ui: `pos` renders the login screen under Xvfb and writes a real PNG of the window.
# Usage: screenshot_test.sh POS POSCTL. Exit 77 (skipped) when xvfb-run is not installed.
set -eu
. "$(dirname "$0")/lib.sh"
pos=$1

require_tools xvfb-run
make_demo_store "$2"

timeout 60 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$pos" --data "$work/data" --screenshot "$work/out.png" --frames 5

fail() { echo "FAIL: $*"; exit 1; }
[ -f "$work/out.png" ] || fail "no screenshot written"
size=$(stat -c %s "$work/out.png")
[ "$size" -gt 10240 ] || fail "screenshot is only $size bytes: the window looks empty"
# PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
signature=$(od -An -tx1 -N8 "$work/out.png" | tr -d ' \n')
[ "$signature" = "89504e470d0a1a0a" ] || fail "not a PNG (signature $signature)"
width=$(od -An -tx1 -j16 -N4 "$work/out.png" | tr -d ' \n')
height=$(od -An -tx1 -j20 -N4 "$work/out.png" | tr -d ' \n')
[ "$width" = "00000500" ] || fail "width is 0x$width, expected 1280 (0x500)"
[ "$height" = "00000320" ] || fail "height is 0x$height, expected 800 (0x320)"
echo "ok: login screen, 1280x800 PNG of $size bytes"
