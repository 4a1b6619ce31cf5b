-- Held tickets (挂单) survive a restart until resumed (取单); price overrides are journaled
-- on the sale line with the price they replaced and who approved them.

CREATE TABLE held_tickets (
    id        TEXT PRIMARY KEY,           -- UUID
    lane      INTEGER NOT NULL,
    operator  TEXT NOT NULL,
    held_at   TEXT NOT NULL,
    lines     INTEGER NOT NULL,
    total_fen INTEGER NOT NULL,
    ticket    TEXT NOT NULL               -- JSON: the ticket's lines as they were
);
CREATE INDEX held_tickets_lane ON held_tickets (lane, held_at);

ALTER TABLE sale_lines ADD COLUMN original_price_fen INTEGER;       -- NULL unless overridden
ALTER TABLE sale_lines ADD COLUMN price_set_by TEXT NOT NULL DEFAULT '';
