-- Which version of the store's users and members this lane has applied (0: none yet). A lane
-- that never synced with a store that has users keeps the operators added on it.
CREATE TABLE directory_applied (
    kind       TEXT PRIMARY KEY CHECK (kind IN ('users', 'members')),
    store_id   TEXT NOT NULL,   -- the store.db they came from ('' never fetched)
    version    INTEGER NOT NULL,
    applied_at TEXT NOT NULL
);
INSERT INTO directory_applied (kind, store_id, version, applied_at) VALUES ('users', '', 0, ''), ('members', '', 0, '');

-- Where an operator comes from: 'lane' (added here) or 'store' (flowed down; the store's changes
-- replace it, so PIN changes for it are made at the store).
ALTER TABLE users ADD COLUMN source TEXT NOT NULL DEFAULT 'lane' CHECK (source IN ('lane', 'store'));
