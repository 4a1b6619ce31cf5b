-- Records the store could not take as delivered are kept aside here, never dropped and never
-- written over what the store already holds (issue #17, docs/security.md "Threat table"):
--   conflict:   the record's key (kind, ref), or an audit record's (lane, seq), already holds
--               different content; `stored` is what the store holds, `delivered` the newcomer;
--   fork:       an audit record that does not continue the lane's chain as the store holds it;
--   quarantine: a record the store cannot read or file; `reason` says why.
-- Every row is an alarm until a manager resolves it (resolved_at).
CREATE TABLE kept_aside (
    id          INTEGER PRIMARY KEY,
    lane        INTEGER NOT NULL,
    kind        TEXT NOT NULL,      -- the outbox kind, or 'audit' for a record of the chain
    ref         TEXT NOT NULL,      -- the outbox ref, or 'LANE:SEQ' for an audit record
    why         TEXT NOT NULL CHECK (why IN ('conflict', 'fork', 'quarantine')),
    reason      TEXT NOT NULL,
    stored      TEXT,               -- what the store already holds under that key
    delivered   TEXT NOT NULL,      -- what was delivered, verbatim
    received_at TEXT NOT NULL,
    resolved_at TEXT,
    UNIQUE (lane, kind, ref, why, delivered)  -- a record delivered again is kept aside once
);
CREATE INDEX kept_aside_open ON kept_aside (resolved_at, lane);
