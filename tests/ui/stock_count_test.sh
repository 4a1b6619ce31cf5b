#!/bin/sh
# ui: 盘点 and 验收 on the real `pos` under Xvfb, keys fed through `pos --input`. The demo store has
# 50 jasmine teas (101003, 3.40) booked in and a count of 饮料 opened at the store. On lane 1 the
# stock clerk (1001) presses F6 on the open-shift screen, takes the count from the list, scans 20
# teas as "20*CODE" and one more; lane 2 (another data directory on the same store.db) counts 24 in
# the back room. After both lanes sync, the count's variance says 45 counted of 50: five short,
# −17.00 at 3.40. Then a delivery is checked on lane 1 in receive mode: 10 waters good and 2
# damaged (F2). Screenshots of both lanes' screens are kept in $POS_SCREENSHOTS when set.
# Usage: stock_count_test.sh POS POSCTL. Exit 77 (skipped) without xvfb-run or sqlite3.
set -eu
pos=$1
posctl=$2
. "$(dirname "$0")/lib.sh"
require_tools xvfb-run sqlite3
fail() { echo "FAIL: $*"; exit 1; }
make_demo_store "$posctl"
data=$work/data
tea=6921168498505
water=6921168176748
stock() { "$posctl" --data "$data" stock "$@" --now "${at:-2026-12-07T08:00:00+08:00}"; }

printf 'sku,quantity,unit_cost\n101003,50,3.40\n' >"$work/tea.csv"
echo 1234 | stock receive import "$work/tea.csv" --number PS-TEA --supplier 配送中心 --by 1001 >/dev/null
echo 1234 | stock receive check 1 --as-noted --by 1001 >/dev/null
echo 888888 | stock approve 1 --by 8801 >/dev/null
echo 999999 | at=2026-12-07T09:00:00+08:00 stock count open --department 饮料 --by 9001 >"$work/open.out"
grep -q '^2 count' "$work/open.out" || { cat "$work/open.out"; fail "the count is not document 2"; }

# Lane 2: its own data directory and lane.db, lane number 2, on lane 1's store.db.
"$posctl" --data "$work/lane2" init --demo >/dev/null
sed -i -e 's/^number = 1$/number = 2/' -e "s|^path = \"store.db\"|path = \"$data/store.db\"|" "$work/lane2/pos.toml"
grep -q '^number = 2$' "$work/lane2/pos.toml" || fail "lane 2's pos.toml was not rewritten"

run_pos() {  # DATA KEYS PNG
    timeout 60 xvfb-run -a -s "-screen 0 1024x768x24" \
        "$pos" --data "$1" --lang zh_CN --size 1024x768 --input "$2" --screenshot "$3" >"$work/pos.log" 2>&1 ||
        { cat "$work/pos.log"; fail "pos did not finish"; }
}
# No shift needed: the open-shift screen's F6, the newest open document (the count) chosen, Enter.
run_pos "$data" "1001{Enter}1234{Enter}{F6}{Enter}20*$tea{Enter}$tea{Enter}" "$work/count-lane1.png"
run_pos "$work/lane2" "9001{Enter}999999{Enter}{F6}{Enter}24*$tea{Enter}" "$work/count-lane2.png"
got=$(sqlite3 "$data/lane.db" "select count(*), group_concat(q, ' '), min(o) from (select json_extract(payload, '$.quantity') as q, json_extract(payload, '$.operator') as o from outbox where kind = 'stock_scan' order by seq)")
[ "$got" = "2|20.000 1.000|1001" ] || fail "lane 1's scans in its outbox: '$got', expected 2|20.000 1.000|1001"

"$posctl" --data "$data" sync --once >/dev/null
"$posctl" --data "$work/lane2" sync --once >/dev/null
# By hand: 50 booked in, nothing sold; 20 + 1 on lane 1 and 24 on lane 2 = 45 counted, 5 short × 3.40 = −17.00.
"$posctl" --data "$data" stock count variance 2 --format csv >"$work/variance.csv"
grep -q '^101003,.*,50,0,50,45,-5,3.40,-17.00$' "$work/variance.csv" ||
    { cat "$work/variance.csv"; fail "the variance does not add both lanes' counts"; }

# Receive mode: a delivery of 12 waters; 10 arrive good, 2 broken (F2 marks the next scans damaged).
printf 'sku,quantity,unit_cost\n101001,12,1.40\n' >"$work/water.csv"
echo 1234 | stock receive import "$work/water.csv" --number PS-WATER --supplier 配送中心 --by 1001 >/dev/null
run_pos "$data" "1001{Enter}1234{Enter}{F6}{Enter}10*$water{Enter}{F2}2*$water{Enter}" "$work/receive.png"
"$posctl" --data "$data" sync --once >/dev/null
"$posctl" --data "$data" stock show 3 >"$work/receipt.out"
grep -q 'received 10  short 0  damaged 2\|received 10  damaged 2' "$work/receipt.out" ||
    { cat "$work/receipt.out"; fail "the delivery's line is not 10 received, 2 damaged"; }
if [ -n "${POS_SCREENSHOTS:-}" ]; then cp "$work"/count-lane1.png "$work"/receive.png "$POS_SCREENSHOTS"/; fi
echo "ok: two lanes counted 21 + 24 into one count (5 short, -17.00); a delivery checked 10 good, 2 damaged"
