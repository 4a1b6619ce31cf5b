-- Store database, second schema: what the lanes' sync delivered, and indexes for the daily report.

-- Every outbox record a lane delivered, verbatim, once: (kind, ref) is the lane's outbox key,
-- so a batch delivered twice (a lost acknowledgement) is stored once. Kinds the store does not
-- yet file into their own tables (a newer lane's records) are kept here, never refused or lost.
CREATE TABLE received (
    kind        TEXT NOT NULL,        -- 'sale', 'shift', ...
    ref         TEXT NOT NULL,        -- the record's UUID
    lane        INTEGER,              -- from the payload, when it names one
    payload     TEXT NOT NULL,        -- the JSON exactly as the lane journaled it
    created_at  TEXT NOT NULL,        -- when the lane wrote it
    received_at TEXT NOT NULL,
    PRIMARY KEY (kind, ref)
);
CREATE INDEX received_lane ON received (lane, created_at);

-- The daily report reads one day at a time, by lane, by cashier and by department.
CREATE INDEX sales_lane_completed_at ON sales (lane, completed_at);
CREATE INDEX sales_operator_completed_at ON sales (operator, completed_at);
CREATE INDEX sale_lines_sku ON sale_lines (sku);
CREATE INDEX shifts_lane_opened_at ON shifts (lane, opened_at);
