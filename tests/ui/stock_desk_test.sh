#!/bin/sh
# ui: the manager's 库存 screen on the real `pos` under Xvfb, keys fed through `pos --input`. The
# demo store has 50 jasmine teas (3.40) booked in; manager 8801 opens a count of 饮料 and a clerk's
# sheet counts 47. On screen 8801 logs in, F3 shows the open count with its variance (3 short,
# −10.20); F2 and 8801's PIN are refused, as posctl refuses them (8801 opened the count: a second
# manager approves); 8802 with their PIN books it. Checked: the count booked by 8802, the ledger's
# −3 count movement, the audit log's stock_approve by 8802 as posctl writes it, and the stock report
# (F5, and posctl report stock) closing at 47 × 3.40 = 159.80.
# Usage: stock_desk_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run or sqlite3.
set -eu
pos=$1
posctl=$2
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run sqlite3
fail() { echo "FAIL: $*"; exit 1; }
make_demo_store "$posctl"
data=$work/data
# The demo manager approves (number, PIN), then the new manager's PIN.
printf '8801\n888888\n777777\n' | "$posctl" --data "$data" user add 8802 --name 孙丽 --role manager >/dev/null
stock() { "$posctl" --data "$data" stock "$@"; }
printf 'sku,quantity,unit_cost\n101003,50,3.40\n' >"$work/tea.csv"
echo 1234 | stock receive import "$work/tea.csv" --number PS-TEA --supplier 配送中心 --by 1001 \
    --now 2026-12-07T08:00:00+08:00 >/dev/null
echo 1234 | stock receive check 1 --as-noted --by 1001 --now 2026-12-07T08:00:00+08:00 >/dev/null
echo 888888 | stock approve 1 --by 8801 --now 2026-12-07T08:10:00+08:00 >/dev/null
echo 888888 | stock count open --department 饮料 --by 8801 --now 2026-12-07T09:00:00+08:00 >/dev/null
printf 'sku,quantity\n101003,47\n' >"$work/shelf.csv"
echo 1234 | stock count sheet 2 "$work/shelf.csv" --by 1001 --now 2026-12-07T09:30:00+08:00 >/dev/null

run_pos() {  # KEYS PNG
    timeout 60 xvfb-run -a -s "-screen 0 1024x768x24" \
        "$pos" --data "$data" --lang zh_CN --size 1024x768 --input "$1" --screenshot "$2" >"$work/pos.log" 2>&1 ||
        { cat "$work/pos.log"; fail "pos did not finish"; }
}
# The variance on screen, then the creator's own approval refused: nothing booked.
run_pos '8801{Enter}888888{Enter}{F3}' "$work/desk.png"
run_pos '8801{Enter}888888{Enter}{F3}{F2}888888{Enter}' "$work/refused.png"
got=$(sqlite3 "$data/store.db" "select status from stock_documents where id = 2")
[ "$got" = "open" ] || fail "the count's creator approved it on screen: status $got"

# A second manager's number and PIN in the dialog book it.
run_pos '8801{Enter}888888{Enter}{F3}{F2}{Tab}{Backspace}{Backspace}{Backspace}{Backspace}8802{Enter}777777{Enter}{F5}' \
    "$work/report.png"
got=$(sqlite3 "$data/store.db" "select status, approved_by from stock_documents where id = 2")
[ "$got" = "booked|8802" ] || fail "the count after the second manager: '$got', expected booked|8802"
got=$(sqlite3 "$data/store.db" "select group_concat(m, ' ') from (select kind || ':' || quantity_milli as m from stock_movements where sku = '101003' order by id)")
[ "$got" = "receipt:50000 count:-3000" ] || fail "the tea's ledger: '$got'"
"$posctl" --data "$data" audit show >"$work/audit.out"
grep 'stock_approve' "$work/audit.out" | grep -q 8802 || { cat "$work/audit.out"; fail "no stock_approve by 8802 in the audit log"; }
"$posctl" --data "$data" report stock --format csv >"$work/report.csv"
grep -q '^101003,.*,47,3.40,159.80$' "$work/report.csv" || { cat "$work/report.csv"; fail "the stock report's tea line"; }
if [ -n "${POS_SCREENSHOTS:-}" ]; then cp "$work"/desk.png "$work"/refused.png "$work"/report.png "$POS_SCREENSHOTS"/; fi
echo "ok: the count's variance on screen, its creator's approval refused, a second manager books it; ledger, audit, report agree"
