#!/bin/sh
# ui: issue 19's "done when", on the real programs: the demo lane configured as `scripts/run --devices`
# does it (a customer display and an 8217 scale on pseudo-terminals played by pos-devsim), the real
# `pos` under Xvfb typed into with xdotool. The display (an LED8, or a two-line VFD: the running total
# under each item) gets each item's price, the total and the change, as exact bytes (pos-devsim prints
# what it shows and the bytes that made it); a weighed item is sold from the scale's stable
# weight (lane.db: grams, source scale); both devices unplugged mid-sale and plugged in again lose
# nothing: the sale goes on, pos's log and state say the devices are away, the display resumes with
# what the customer should see and the scale weighs again.
# Usage: devices_test.sh POS POSCTL POS_DEVSIM led8|vfd. Exit 77 (skipped) without xvfb-run, xdotool, sqlite3
# or jq.
set -eu
. "$(dirname "$0")/lib.sh"

fail() {
    echo "FAIL: $*"
    echo "--- pos.log"; cat "$data/pos.log"
    echo "--- pos-devsim"; cat "$devices/devsim.log"
    echo "--- state"; cat "$state" 2>/dev/null || true
    exit 1
}
# What the state file (pos --state-file) says, as jq reads it: `state_is '.display == "connected"'`.
state_is() { jq -e "$1" "$state" >/dev/null 2>&1; }
await_state() { wait_until 75 state_is "$1" || fail "the screen never got to: $1"; }
# A line pos-devsim printed (what the display showed, then the bytes that made it) after the line
# awaited last: the display's updates come in this order.
seen=0
shown() {
    at=$(tail -n "+$((seen + 1))" "$devices/devsim.log" | grep -nxF "$1" | head -n 1 | cut -d: -f1)
    [ -n "$at" ] && seen=$((seen + at))
}
await_shown() { wait_until 75 shown "$1" || fail "the display never showed: $1"; }
# "ba cf bc c6": the bytes of a text in the display's code page (GB2312; ASCII is the same in it).
hex() { printf '%s' "$1" | iconv -f UTF-8 -t GB2312 | od -An -tx1 -v | tr -s ' \n' '  ' | sed 's/^ *//; s/ *$//'; }
# What one moment looks like on either model: LAMP CODE AMOUNT for the LED8 (ESC s CODE, ESC Q A
# AMOUNT CR), LINE1 LINE2 for the VFD (ESC Q A LINE1 CR, ESC Q B LINE2 CR, each 20 columns); FIRST:
# bytes sent before it (the initialisation of a display just plugged in).
await_display() {
    lamp=$1 code=$2 amount=$3 line1=$4 line2=$5 first=${6:+$6 }
    if [ "$kind" = led8 ]; then
        await_shown "display: $lamp $amount    bytes: ${first}1b 73 $(hex "$code") 1b 51 41 $(hex "$amount") 0d"
    else
        await_shown "display: [$line1] [$line2]    bytes: ${first}1b 51 41 $(hex "$line1") 0d 1b 51 42 $(hex "$line2") 0d"
    fi
}
blank="                    "  # a VFD line with nothing on it
# pos's log says `text` at least `times` times (once if left out).
logged() { [ "$(grep -cF "$1" "$data/pos.log")" -ge "${2:-1}" ]; }
await_logged() { wait_until 75 logged "$1" "${2:-1}" || fail "pos's log never said (${2:-1} times): $1"; }
devsim() { echo "$1" >&3; }
type_code() {
    xdotool type --delay 15 "$1"
    xdotool key Return
}

if [ "${1:-}" = "--inside-x" ]; then
    pos=$2 devsim_program=$3 kind=$4 data=$5
    devices=$data/devices
    state=$data/state.json
    # As scripts/run --devices: commands reach pos-devsim through a named pipe held open here.
    mkfifo "$devices/control"
    exec 3<>"$devices/control"
    "$devsim_program" --dir "$devices" --display "$kind" --weight 0.350 <"$devices/control" >"$devices/devsim.log" 2>&1 &
    devsim_pid=$!
    wait_until 75 test -e "$devices/scale" || fail "pos-devsim made no ports"
    start_pos "$pos" "$data" --state-file "$state"
    trap 'kill "$pid" "$devsim_pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

    # Between sales, after the display's initialisation (ESC @, clear): all lamps off and 0.00, or
    # the store's name.
    await_display "(no lamp)" 0 0.00 "好邻居超市 (演示店) " "$blank" "1b 40 0c"
    log_in_and_open_shift
    await_state '.screen == "sale" and .display == "connected" and .scale == "connected"'

    # Each item's unit price under the 单价 lamp; on the VFD its name (cut to fit) and the running total.
    type_code 6921168176748
    await_display 单价 1 2.00 "农夫山泉饮用天  2.00" "合计            2.00"
    # A weighed item's PLU opens the weighing panel; Enter once the scale's stable weight is shown.
    type_code 00101
    await_state '.weighing and .weigh_scale.weight == "0.350 kg" and .weigh_scale.stable and .weigh_scale.amount == "¥4.48"'
    xdotool key Return
    await_state '(.weighing | not) and (.lines | length) == 2 and .lines[1].amount == "4.48"'
    await_display 单价 1 12.80 "红富士苹果     12.80" "合计            6.48"

    # Both cables pulled mid-sale: the status (and pos's log) say so; selling goes on.
    devsim "unplug both"
    await_state '.display == "disconnected" and .scale == "disconnected"'
    await_logged "pos: customer display on $devices/display not connected"
    await_logged "pos: scale on $devices/scale not connected"
    type_code 6921168861569
    await_state '(.lines | length) == 3 and .lines[2].amount == "9.00"'
    # The weighing panel takes no weight from a scale that is away, and says why.
    type_code 00101
    await_state '.weighing'
    xdotool key Return
    await_state '.weighing and (.weigh_notice | startswith("电子秤没有读数"))'
    xdotool key Escape
    await_state '(.weighing | not) and (.lines | length) == 3'

    # Plugged in again: both come back by themselves; the display is initialised and shown what the
    # customer should see now (the last item), not the updates it missed.
    devsim "plug both"
    await_state '.display == "connected" and .scale == "connected"'
    await_logged "pos: customer display on $devices/display connected" 2
    await_logged "pos: scale on $devices/scale connected" 2
    await_display 单价 1 9.00 "农夫山泉饮用天  9.00" "合计           15.48" "1b 40 0c"
    # The scale weighs again: another weight put on the pan is the one sold.
    devsim "weight 0.412"
    type_code 00101
    await_state '.weighing and .weigh_scale.weight == "0.412 kg" and .weigh_scale.stable and .weigh_scale.amount != ""'
    xdotool key Return
    await_state '(.weighing | not) and (.lines | length) == 4 and .lines[3].amount == "5.27"'
    await_display 单价 1 12.80 "红富士苹果     12.80" "合计           20.75"

    # Payment: the total under 合计 (ESC s '2'), 2.00 + 4.48 + 9.00 + 5.27; 50 in cash, the change
    # under 找零 (ESC s '4'): cash is rounded down to the 0.10 in the demo store (抹零), 20.70.
    xdotool key Return
    await_display 合计 2 20.75 "合计           20.75" "$blank"
    xdotool type --delay 15 50
    xdotool key Return
    await_display 找零 4 29.30 "收款           50.00" "找零           29.30"

    # Nothing lost: one sale with all four lines, the weighed ones with their grams from the scale.
    wait_for "$data/lane.db" "select count(*) || '|' || max(change_fen) from sales" "1|2930" || fail "no sale in lane.db"
    wait_for "$data/lane.db" \
        "select group_concat(line_no || ':' || grams || ':' || source, ',') from sale_line_weights" \
        "2:350:scale,4:412:scale" || fail "the weighed lines are not in lane.db as weighed on the scale"
    still_running
    echo "ok ($kind): display bytes for items, total and change; weighed from the scale; unplug and replug lost nothing"
    exit 0
fi

require_tools xvfb-run xdotool sqlite3 jq
make_demo_store "$2"
# The demo's pos.toml as scripts/run --devices writes it.
mkdir -p "$work/data/devices"
cat >>"$work/data/pos.toml" <<EOF

[display]
kind = "$4"
port = "$work/data/devices/display"

[scale]
kind = "toledo8217"
port = "$work/data/devices/scale"
EOF
# Longer than run_inside_x allows: two programs and some forty steps on shared cores.
timeout 150 xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" --inside-x "$1" "$3" "$4" "$work/data"
