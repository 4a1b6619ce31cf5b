# Shared set-up of the Xvfb tests in tests/ui, sourced by each: the tools they need, a demo
# store in a temporary directory, the test re-run inside xvfb-run, `pos` started there with its
# window found and focused, and bounded waits (on a database, or on any condition).

# Exits 77 (reported as skipped) unless every tool named is installed.
require_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "skip: $tool not installed"; exit 77; }
    done
}

# Creates a demo store in "$work/data" (work: a temporary directory removed on exit).
make_demo_store() {
    posctl=$1
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    "$posctl" --data "$work/data" init --demo >/dev/null
}

# Runs the calling test again inside a virtual X display: `TEST --inside-x POS DATA`.
run_inside_x() {
    test_script=$1
    shift
    timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" sh "$test_script" --inside-x "$@"
}

# Inside X: starts `pos --data DATA ARGS...` in the background (log in DATA/pos.log), stops it on
# exit, waits for its window and gives it the keyboard. Sets pid and window.
start_pos() {
    pos=$1
    data=$2
    shift 2
    "$pos" --data "$data" "$@" >"$data/pos.log" 2>&1 &
    pid=$!
    trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
    window=$(timeout 20 xdotool search --sync --name '^pos - ' | head -n 1)
    [ -n "$window" ] || { echo "FAIL: the pos window did not appear"; cat "$data/pos.log"; exit 1; }
    # A window found but not mapped yet refuses the focus (BadMatch): try again, for at most 5 s.
    wait_until 25 take_focus "$window" || { echo "FAIL: the pos window never took the keyboard"; exit 1; }
}

take_focus() {
    xdotool windowfocus --sync "$1" 2>/dev/null
}

# Runs `command args...` until it succeeds, at most `tries` times, 0.2 s apart: the one bounded
# wait of these tests (no sleep stands in for an event). False when it never succeeded.
wait_until() {
    tries=$1
    shift
    polls=1
    until "$@"; do
        [ "$polls" -lt "$tries" ] || return 1
        polls=$((polls + 1))
        sleep 0.2
    done
}

# Inside X, with pos focused: cashier 1001 logs in (PIN 1234) and opens the shift with the
# default float (200.00), typed as a cashier would.
log_in_and_open_shift() {
    xdotool type --delay 15 1001
    xdotool key Return
    xdotool type --delay 15 1234
    xdotool key Return
    xdotool key Return
}

# Polls `query` on the database `db` until it prints `want`, for at most 15 s (75 × 0.2 s).
wait_for() {
    db=$1 query=$2 want=$3
    got=
    wait_until 75 query_gives "$db" "$query" "$want" && return 0
    echo "FAIL: '$query' gave '$got' after 15 s, expected '$want'"
    return 1
}

# True when `query` on `db` prints `want`; what it printed is left in $got.
query_gives() {
    got=$(sqlite3 "$1" "$2" 2>/dev/null || true)
    [ "$got" = "$3" ]
}

# Fails unless `pos` (pid) is still running.
still_running() {
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: pos exited"; cat "$data/pos.log"; exit 1; }
}
