-- Every lane's audit log as received through the outbox, keyed by (lane, seq): the store keeps
-- its own copy of each chain, append-only like the lane's, so `posctl audit verify --store`
-- can check a lane's chain even if the lane's file was edited.
CREATE TABLE audit (
    lane        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    approver    TEXT NOT NULL DEFAULT '',
    ref         TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (lane, seq)
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be removed'); END;
