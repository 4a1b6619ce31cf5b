-- The blind count (盲交) as first submitted for a shift. Once the cashier has seen the expected
-- amounts, the count cannot be entered again, not even after a restart.
CREATE TABLE close_counts (
    shift_id     TEXT PRIMARY KEY REFERENCES shifts (id),
    counted_at   TEXT NOT NULL,
    operator     TEXT NOT NULL,
    counts       TEXT NOT NULL        -- JSON: {"cash":{"100.00":2,...},"card":"350.00",...}
);
