-- Which version of the store's catalog this lane's replica is (0: never fetched from the store).
CREATE TABLE catalog_applied (
    id         INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    store_id   TEXT NOT NULL,   -- the store.db it came from ('' never fetched)
    version    INTEGER NOT NULL,
    applied_at TEXT NOT NULL
);
INSERT INTO catalog_applied (id, store_id, version, applied_at) VALUES (1, '', 0, '');
