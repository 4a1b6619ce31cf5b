-- When store.db was last checked whole (PRAGMA quick_check of every page). A writer's open checks
-- every table but the history a sync batch appends to (sales, their lines and tenders, received
-- records, audit, member movements: seconds at a year); the whole file is checked when this is
-- more than a day old (db/store/daily_check.hpp, docs/performance.md).
CREATE TABLE integrity_checked (
    id         INTEGER PRIMARY KEY CHECK (id = 1),  -- one row, once a check has passed
    checked_at TEXT NOT NULL                        -- UTC, SQLite's datetime('now')
);
