-- The float counted into the drawer at open shift by denomination (optional: a shift lead may
-- type the total instead, and then there is no row). The total is shifts.float_fen.
CREATE TABLE float_counts (
    shift_id  TEXT PRIMARY KEY REFERENCES shifts (id),
    counts    TEXT NOT NULL        -- JSON: {"100.00":1,"50.00":2}
);
