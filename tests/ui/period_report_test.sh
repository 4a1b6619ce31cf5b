#!/bin/sh
# ui: 周报/月报 on the real `pos` under Xvfb, keys fed through `pos --input`. A demo store with 70
# days of history to 2026-11-29. Manager 8801 logs in, F7 opens the daily report (its last day,
# 2026-11-29), F8 that day's week; F3 the month, PgUp the month before, Tab Tab the breakdown by
# cashier. Checked in the state file: the screen, the period and breakdown shown at each step; the
# screenshot is a real PNG. With a second argument DIR the screenshot is kept there as
# period-report.png (docs/period-report.md's picture).
# Usage: period_report_test.sh POS POSCTL [DIR]. Exit 77 (skipped) without xvfb-run.
set -eu
pos=$1
posctl=$2
keep=${3:-}
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run
fail() { echo "FAIL: $*"; exit 1; }
make_demo_store "$posctl"
data=$work/data
"$posctl" --data "$data" demo generate --lanes 2 --days 70 --last-day 2026-11-29 --sales 40 >/dev/null

# Runs pos with the keys, then checks the state it ended in.
run_pos() {
    timeout 60 xvfb-run -a -s "-screen 0 1280x800x24" \
        "$pos" --data "$data" --lang zh_CN --size 1280x800 --input "$1" --screenshot "$work/out.png" \
        --state-file "$work/state.json" >"$work/pos.log" 2>&1 || { cat "$work/pos.log"; fail "pos did not finish"; }
    grep -q "$2" "$work/state.json" || { cat "$work/state.json"; fail "after '$1': expected $2"; }
}
login='8801{Enter}888888{Enter}'
run_pos "$login{F7}{F8}" '"period":{"day":"2026-11-29","dimension":0,"kind":"week"}.*"screen":"period_report"'
run_pos "$login{F7}{F8}{F3}" '"period":{"day":"2026-11-29","dimension":0,"kind":"month"}'
run_pos "$login{F7}{F8}{F3}{PageUp}{Tab}{Tab}" '"period":{"day":"2026-10-31","dimension":2,"kind":"month"}'
run_pos "$login{F7}{F8}{Esc}" '"screen":"manager_report"'
run_pos "$login{F7}{F8}{F3}{PageUp}" '"kind":"month"'
size=$(stat -c %s "$work/out.png")
[ "$size" -gt 10240 ] || fail "screenshot is only $size bytes: the window looks empty"
[ -z "$keep" ] || cp "$work/out.png" "$keep/period-report.png"

# A cashier is not let in: the period report is a manager's.
run_pos '1001{Enter}1234{Enter}{Enter}{F12}{F8}' '"screen":"shift_menu"'
echo "ok: 周报/月报 on screen: the week, the month, the month before, by cashier; Esc back to 经营日报"
