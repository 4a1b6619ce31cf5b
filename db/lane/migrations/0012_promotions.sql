-- The lane's copy of the store's promotions, replaced with the catalog at each flow-down
-- (db/catalog_sync.cpp), so a ticket is priced by the promotions of the catalog it scans from.
CREATE TABLE promotions (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('price', 'multi_buy', 'mix_match', 'member_price', 'department_percent')),
    starts_on   TEXT NOT NULL,             -- YYYY-MM-DD, first day
    ends_on     TEXT NOT NULL,             -- YYYY-MM-DD, last day (inclusive)
    department  TEXT NOT NULL DEFAULT '',  -- department_percent
    price_fen   INTEGER NOT NULL DEFAULT 0,
    buy_qty     INTEGER NOT NULL DEFAULT 0,
    free_qty    INTEGER NOT NULL DEFAULT 0,
    percent     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE promotion_items (
    promotion_id TEXT NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
    sku          TEXT NOT NULL,
    PRIMARY KEY (promotion_id, sku)
);
