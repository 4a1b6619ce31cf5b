-- Store database, third schema: shift closes and drawer cash filed from what the lanes deliver,
-- and the business day (日结) with its totals locked at the end of day. See docs/decisions.md,
-- "Business day", for which day a shift and its sales belong to.

-- A lane's 交班 as delivered ('shift_close' records): a shift with a row here is closed.
CREATE TABLE shift_closes (
    shift_id             TEXT PRIMARY KEY,
    lane                 INTEGER NOT NULL,
    operator             TEXT NOT NULL,
    opened_at            TEXT NOT NULL,
    closed_at            TEXT NOT NULL,
    expected_cash_fen    INTEGER NOT NULL,
    counted_cash_fen     INTEGER NOT NULL,
    largest_variance_fen INTEGER NOT NULL,
    approver             TEXT NOT NULL DEFAULT '',
    reason               TEXT NOT NULL DEFAULT '',
    report               TEXT NOT NULL,        -- the lane's close JSON, verbatim
    received_at          TEXT NOT NULL
);

-- Pay-ins, pay-outs, pickups (抽大钞) and no-sale openings ('cash_movement' records).
CREATE TABLE cash_movements (
    id          TEXT PRIMARY KEY,
    shift_id    TEXT NOT NULL,
    lane        INTEGER NOT NULL,
    kind        TEXT NOT NULL,                 -- pay_in, pay_out, pickup, no_sale
    amount_fen  INTEGER NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    operator    TEXT NOT NULL,
    approver    TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX cash_movements_shift ON cash_movements (shift_id);
CREATE INDEX sales_shift ON sales (shift_id);

-- One row per closed business day, written once by the end of day: the totals are locked here.
-- Sales of the day that reach the store afterwards are stored as usual and counted in late_*.
CREATE TABLE business_days (
    day            TEXT PRIMARY KEY,           -- 'YYYY-MM-DD', the local date its first shift opened
    opened_at      TEXT NOT NULL,              -- when its first shift opened
    closed_at      TEXT NOT NULL,
    closed_by      TEXT NOT NULL,
    forced_reason  TEXT NOT NULL DEFAULT '',   -- set when a supervisor forced it past blockers
    forced_over    TEXT NOT NULL DEFAULT '[]', -- JSON: what was still blocking when forced
    totals         TEXT NOT NULL,              -- JSON, locked
    late_sales     INTEGER NOT NULL DEFAULT 0,
    late_net_fen   INTEGER NOT NULL DEFAULT 0
);

-- Which shifts a closed day counted.
CREATE TABLE business_day_shifts (
    shift_id TEXT PRIMARY KEY,
    day      TEXT NOT NULL REFERENCES business_days (day)
);

-- Sales that arrived after their business day was closed: stored in sales, flagged here.
CREATE TABLE late_sales (
    sale_id     TEXT PRIMARY KEY REFERENCES sales (id),
    day         TEXT NOT NULL REFERENCES business_days (day),
    total_fen   INTEGER NOT NULL,
    received_at TEXT NOT NULL
);
