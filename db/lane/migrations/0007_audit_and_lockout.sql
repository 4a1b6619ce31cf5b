-- The audit log (append-only, hash-chained) and PIN lockout. Each audit record's hash is the
-- SHA-256 of its canonical encoding (pos/core/audit_chain.hpp), which includes the previous
-- record's hash: changing, removing or reordering a record breaks the chain from there on.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,          -- 1, 2, 3 ... with no gaps
    at        TEXT NOT NULL,                -- ISO 8601 with offset
    lane      INTEGER NOT NULL,
    kind      TEXT NOT NULL,                -- sale, void, login, login_failed, lockout, ...
    actor     TEXT NOT NULL DEFAULT '',     -- the operator who did it
    approver  TEXT NOT NULL DEFAULT '',     -- who approved it, if anyone
    ref       TEXT NOT NULL DEFAULT '',     -- the record it concerns (sale, shift, movement UUID)
    detail    TEXT NOT NULL DEFAULT '',     -- what and why, as JSON
    prev_hash TEXT NOT NULL,                -- hex; 64 zeros for the first record
    hash      TEXT NOT NULL                 -- hex SHA-256
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be removed'); END;

-- The last audit record sent to the store: records ride along in the payload ("audit": [...]) of
-- the next outbox row the lane writes (a sale, a shift, a cash movement, a close), so the
-- outbox's counts stay one row per business record.
CREATE TABLE audit_shipped (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL
);
INSERT INTO audit_shipped (id, last_seq) VALUES (1, 0);

-- Wrong PINs in a row, and until when the operator is locked out after too many.
ALTER TABLE users ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT NOT NULL DEFAULT '';
