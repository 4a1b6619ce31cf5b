-- Promotions (the store's master; lanes get a copy with the catalog) and price-change
-- documents (变价单): created by one manager, approved by another, applied at their date.
CREATE TABLE promotions (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('price', 'multi_buy', 'mix_match', 'member_price', 'department_percent')),
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    department  TEXT NOT NULL DEFAULT '',
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

CREATE TABLE price_changes (
    id           INTEGER PRIMARY KEY,
    effective_on TEXT NOT NULL,            -- YYYY-MM-DD
    reason       TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    approved_by  TEXT NOT NULL DEFAULT '',
    approved_at  TEXT NOT NULL DEFAULT '',
    applied_at   TEXT NOT NULL DEFAULT ''  -- when the catalog took the new prices
);
CREATE TABLE price_change_items (
    price_change_id INTEGER NOT NULL REFERENCES price_changes (id),
    sku             TEXT NOT NULL,
    old_price_fen   INTEGER NOT NULL,
    new_price_fen   INTEGER NOT NULL,
    PRIMARY KEY (price_change_id, sku)
);
