-- Drawer cash outside sales (pay-ins, pay-outs, pickups, no-sale openings) and the shift close
-- (交班) with its blind count and variances. Each row also goes to the outbox in its transaction.

CREATE TABLE cash_movements (
    id         TEXT PRIMARY KEY,          -- UUID
    shift_id   TEXT NOT NULL REFERENCES shifts (id),
    kind       TEXT NOT NULL CHECK (kind IN ('pay_in', 'pay_out', 'pickup', 'no_sale')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    reason     TEXT NOT NULL DEFAULT '',
    operator   TEXT NOT NULL,
    approver   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
);
CREATE INDEX cash_movements_shift ON cash_movements (shift_id);

CREATE TABLE shift_closes (
    shift_id            TEXT PRIMARY KEY REFERENCES shifts (id),
    closed_at           TEXT NOT NULL,
    operator            TEXT NOT NULL,
    approver            TEXT NOT NULL DEFAULT '',
    reason              TEXT NOT NULL DEFAULT '',
    expected_cash_fen   INTEGER NOT NULL,
    counted_cash_fen    INTEGER NOT NULL,
    largest_variance_fen INTEGER NOT NULL,
    report              TEXT NOT NULL     -- JSON: counts by denomination, per-tender rows, totals
);

CREATE INDEX sale_tenders_method ON sale_tenders (method);
CREATE INDEX sales_shift ON sales (shift_id);
