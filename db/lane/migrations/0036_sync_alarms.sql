-- What the store kept aside of this lane's records instead of storing them (issue #17): a
-- conflict (the store holds different content under the same key), a fork of the audit chain, or
-- a record it could not read (quarantine). The store keeps both versions; the lane keeps the
-- alarm for its status bar and `posctl sync --status` until a manager has dealt with it.
CREATE TABLE sync_alarms (
    id      INTEGER PRIMARY KEY,
    seq     INTEGER NOT NULL,   -- the outbox row that carried it
    kind    TEXT NOT NULL,
    ref     TEXT NOT NULL,
    why     TEXT NOT NULL,      -- conflict, fork, quarantine
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL,
    UNIQUE (kind, ref, why)
);
