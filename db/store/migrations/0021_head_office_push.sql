-- Store database: what the head office has acknowledged (issue 22). One cursor per source table:
-- the highest rowid of that table whose rows the head office has committed. A push cut off
-- between the head office's commit and this cursor's update sends those rows again, and the
-- head office's ingest stores nothing twice.
CREATE TABLE head_office_cursor (
    source          TEXT PRIMARY KEY,          -- 'sales', 'shifts', 'shift_closes', 'cash_movements', 'business_days'
    acknowledged    INTEGER NOT NULL,          -- rowid of the last row the head office committed
    acknowledged_at TEXT NOT NULL
);
