#!/bin/sh
# ui: 无小票退货 on the real `pos` under Xvfb, keys fed through `pos --input` (the keyboard's queue).
# F9, then F2 (no receipt); two bottles scanned as 2*code, the reason, and the manager's dialog.
# First a cashier (1002) approves: refused in the dialog, nothing saved. Then the manager (8801):
# the return is committed, refunded in cash. Checked in lane.db: no return after the refusal; then
# one return of -4.00 with the reason, approved by 8801, with no original receipt, and the cash
# refund in the X report's expected cash.
# Usage: no_receipt_return_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run or sqlite3.
set -eu
pos=$1
posctl=$2
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run sqlite3
fail() { echo "FAIL: $*"; exit 1; }
make_demo_store "$posctl"
data=$work/data

run_pos() {
    timeout 60 xvfb-run -a -s "-screen 0 1024x768x24" \
        "$pos" --data "$data" --lang zh_CN --size 1024x768 --input "$1" --screenshot "$2" >"$work/pos.log" 2>&1 ||
        { cat "$work/pos.log"; fail "pos did not finish"; }
}
# Log in, open the shift with the default 200.00, F9 → F2: two bottles, the reason, a cashier's PIN.
run_pos '1001{Enter}1234{Enter}{Enter}{F9}{F2}2*6921168176748{Enter}{Enter}顾客丢失小票{Enter}1002{Enter}2345{Enter}' \
    "$work/refused.png"
got=$(sqlite3 "$data/lane.db" "select count(*) from sales where kind = 'return'")
[ "$got" = "0" ] || fail "a cashier's approval saved a return without a receipt ($got)"

run_pos '1001{Enter}1234{Enter}{F9}{F2}2*6921168176748{Enter}{Enter}顾客丢失小票{Enter}8801{Enter}888888{Enter}' \
    "$work/done.png"
got=$(sqlite3 "$data/lane.db" "select count(*), total_fen, reason, approved_by, coalesce(original_sale_id, '') from sales where kind = 'return'")
[ "$got" = "1|-400|顾客丢失小票|8801|" ] || fail "the return in lane.db: '$got'"
got=$(sqlite3 "$data/lane.db" "select method, amount_fen from sale_tenders t join sales s on s.id = t.sale_id where s.kind = 'return'")
[ "$got" = "cash|-400" ] || fail "the refund tender: '$got', expected cash -400"
report=$("$posctl" --data "$data" shift report --format json | tr -d " \n")
echo "$report" | grep -q '"expected_cash":"196.00"' || fail "X report expected cash after a 4.00 cash refund: $report"
echo "ok: 无小票退货 on screen, refused for a cashier, committed with the manager, 4.00 back in cash"
