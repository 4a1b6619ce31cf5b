-- Store database: items scanned at a lane into a count (盘点) or while checking a delivery (验收),
-- issue 20. Every scan a lane sent is kept with what the store made of it: `refused` is empty when
-- it was filed into its document (a count's entries, a receipt line's received and damaged), else
-- why not (the count was approved meanwhile, the item is not in it), so no counted item is lost.
CREATE TABLE stock_scans (
    id             TEXT PRIMARY KEY,  -- the lane's outbox ref: filed once however often it is sent
    lane           INTEGER NOT NULL,
    document_id    INTEGER NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('count', 'receive')),
    sku            TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL,
    damaged_milli  INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL DEFAULT '',
    weighed_by     TEXT NOT NULL DEFAULT '',  -- scale, keyed, or '' (counted goods, scale labels)
    operator       TEXT NOT NULL,
    at             TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    refused        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_scans_document ON stock_scans (document_id, at);
