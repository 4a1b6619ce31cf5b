#!/bin/sh
# ui: 会员还款 on the real `pos` under Xvfb, keys fed through `pos --input` (the keyboard's queue).
# Member 88000001 owes 50.00 (a sale on account by script). F2 on the empty sale screen opens the
# repayment; the card and Enter find the member, 20 Enter takes cash; a second visit finds the
# member by phone and 10 F3 takes a card. Checked in lane.db: the balance 20.00, a 20.00 pay-in
# in the drawer (cash only), the movements' methods; the X report's expected cash and card total.
# Usage: repayment_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run or sqlite3.
set -eu
pos=$1
posctl=$2
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run sqlite3
fail() { echo "FAIL: $*"; exit 1; }
make_demo_store "$posctl"
data=$work/data
"$posctl" --data "$data" member add 88000001 --name 王芳 --phone 13800138000 --limit 500.00 >/dev/null
printf '%s\n' '{"op":"login","operator":"1001","pin":"1234"}' '{"op":"open_shift","float":"200.00"}' \
    '{"op":"apply_member","member":"88000001"}' '{"op":"scan","code":"6921168176748","qty":"25"}' \
    '{"op":"tender","method":"account"}' >"$work/sale.jsonl"
"$posctl" --data "$data" session run "$work/sale.jsonl" >"$work/sale.out"
grep -q '"complete":true' "$work/sale.out" || { cat "$work/sale.out"; fail "the sale on account did not complete"; }

run_pos() {
    timeout 60 xvfb-run -a -s "-screen 0 1024x768x24" \
        "$pos" --data "$data" --lang zh_CN --size 1024x768 --input "$1" --screenshot "$2" >"$work/pos.log" 2>&1 ||
        { cat "$work/pos.log"; fail "pos did not finish"; }
}
# The shift is 1001's: the login goes straight to the sale screen.
run_pos '1001{Enter}1234{Enter}{F2}88000001{Enter}20{Enter}' "$work/cash.png"
got=$(sqlite3 "$data/lane.db" "select balance_fen from members where card = '88000001'")
[ "$got" = "3000" ] || fail "after 20.00 in cash the member owes $got fen, expected 3000"
got=$(sqlite3 "$data/lane.db" "select count(*), sum(amount_fen) from cash_movements where kind = 'pay_in'")
[ "$got" = "1|2000" ] || fail "drawer pay-ins: '$got', expected one of 2000"

run_pos '1001{Enter}1234{Enter}{F2}13800138000{Enter}10{F3}' "$work/card.png"
got=$(sqlite3 "$data/lane.db" "select group_concat(method || ':' || amount_fen, ' ') from (select method, amount_fen from member_movements where kind = 'repayment' order by at, method)")
[ "$got" = "cash:-2000 card:-1000" ] || fail "repayments: '$got'"
got=$(sqlite3 "$data/lane.db" "select balance_fen from members where card = '88000001'")
[ "$got" = "2000" ] || fail "after 10.00 by card the member owes $got fen, expected 2000"
got=$(sqlite3 "$data/lane.db" "select count(*) from cash_movements where kind = 'pay_in'")
[ "$got" = "1" ] || fail "a card repayment went into the drawer: $got pay-ins"

# Expected cash = 200.00 float + 20.00 repaid in cash; the card total is the 10.00 repaid by card.
report=$("$posctl" --data "$data" shift report --format json | tr -d " \n")
echo "$report" | grep -q '"expected_cash":"220.00"' || fail "X report expected cash: $report"
echo "$report" | grep -q '"card":"10.00"' || fail "X report card total: $report"
echo "ok: 还款 on screen, 20.00 cash into the drawer and 10.00 by card onto the card total"
