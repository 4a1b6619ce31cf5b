-- Lane database, second schema: the sync worker's last outcome, so `pos` and `posctl sync`
-- can show it. Queue depth and the oldest unsynced record are read from the outbox itself.
CREATE TABLE sync_status (
    id              INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    last_attempt_at TEXT,             -- the last time sync tried to deliver
    last_sync_at    TEXT,             -- the last time the store acknowledged a batch (or had nothing to take)
    last_error      TEXT NOT NULL DEFAULT '',  -- empty after a good pass
    last_error_code TEXT NOT NULL DEFAULT '',  -- busy, disk_full, corrupt, io, ...
    last_error_at   TEXT,
    failures        INTEGER NOT NULL DEFAULT 0 -- consecutive failed passes
);
INSERT INTO sync_status (id) VALUES (1);
