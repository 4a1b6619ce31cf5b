-- Who dealt with a record kept aside, and what they found (issue #17): `posctl kept-aside resolve`
-- sets resolved_at with these, and the act goes into the store's own audit chain. The row itself
-- stays, with both versions, for the auditor.
ALTER TABLE kept_aside ADD COLUMN resolved_by TEXT;
ALTER TABLE kept_aside ADD COLUMN resolution TEXT;

-- Wrong PINs given at the store for an operator it keeps, when a lane asks it to change that
-- operator's PIN (POST /v1/pin): counted and locked as a lane does (pos/core/lockout.hpp), so the
-- store is no oracle for guessing PINs with a lane's token.
CREATE TABLE store_pin_locks (
    operator     TEXT PRIMARY KEY,
    failed       INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER  -- seconds since 1970
);
