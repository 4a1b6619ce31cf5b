#!/bin/sh
# ui: the real `pos` with a virtual USB scanner under Xvfb: a scan adds a line, unplug shows
# "scanner disconnected", replug reads again, and the sale is committed (pos_with_scanner.cpp).
# Usage: scanner_test.sh POS_WITH_SCANNER. Exit 77 (skipped) without xvfb-run, xdotool, sqlite3
# or umockdev's preload library.
set -eu
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run xdotool sqlite3
/sbin/ldconfig -p 2>/dev/null | grep -q 'libumockdev-preload\.so\.0' ||
    { echo "skip: libumockdev-preload.so.0 not installed (Debian package umockdev)"; exit 77; }
timeout 150 xvfb-run -a -s "-screen 0 1024x768x24" "$1"
