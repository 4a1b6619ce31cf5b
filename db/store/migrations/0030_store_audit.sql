-- The store's own audit log: acts done at the store itself (operators, catalog imports,
-- promotions, price changes, forced day closes) chained like a lane's log (pos/core/audit_chain.hpp),
-- apart from the lanes' chains in `audit`, so no lane's chain holds what was done at the store.
CREATE TABLE store_audit (
    seq       INTEGER PRIMARY KEY,          -- 1, 2, 3 ... with no gaps
    at        TEXT NOT NULL,                -- ISO 8601 with offset, from the system clock
    lane      INTEGER NOT NULL DEFAULT 0,   -- always 0: the store
    kind      TEXT NOT NULL,
    actor     TEXT NOT NULL DEFAULT '',
    approver  TEXT NOT NULL DEFAULT '',
    ref       TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',     -- JSON; "via_lane" names the lane whose posctl ran it
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE TRIGGER store_audit_no_update BEFORE UPDATE ON store_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be changed'); END;
CREATE TRIGGER store_audit_no_delete BEFORE DELETE ON store_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be removed'); END;
