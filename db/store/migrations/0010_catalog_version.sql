-- The catalog master's version: bumped in the transaction that changes it, so each lane can
-- tell whether its replica is current and fetch the new one (catalog flow-down).
CREATE TABLE catalog_version (
    id         INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    store_id   TEXT NOT NULL,   -- random, names this store.db: versions of two stores never compare
    version    INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
INSERT INTO catalog_version (id, store_id, version, changed_at) VALUES (1, lower(hex(randomblob(16))), 1, '');
