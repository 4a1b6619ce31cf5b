-- Store database, first schema: catalog master, users, and every lane's sales and shifts.
-- Sales are keyed by the lane's UUID so a retried delivery is stored once.

CREATE TABLE items (
    sku              TEXT PRIMARY KEY,
    plu              TEXT UNIQUE,
    name_zh          TEXT NOT NULL,
    name_en          TEXT NOT NULL DEFAULT '',
    spec             TEXT NOT NULL DEFAULT '',
    unit             TEXT NOT NULL DEFAULT '',
    department       TEXT NOT NULL DEFAULT '',
    cost_fen         INTEGER NOT NULL CHECK (cost_fen >= 0),
    price_fen        INTEGER NOT NULL CHECK (price_fen >= 0),
    price_per_kg_fen INTEGER NOT NULL DEFAULT 0 CHECK (price_per_kg_fen >= 0),
    sale_unit        TEXT NOT NULL CHECK (sale_unit IN ('piece', 'weight')),
    low_stock        INTEGER NOT NULL DEFAULT 0,
    pinyin           TEXT NOT NULL DEFAULT ''
);

CREATE TABLE item_barcodes (
    gtin     TEXT PRIMARY KEY,
    sku      TEXT NOT NULL REFERENCES items (sku) ON DELETE CASCADE,
    position INTEGER NOT NULL
);
CREATE INDEX item_barcodes_sku ON item_barcodes (sku);

CREATE TABLE users (
    operator TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager', 'admin')),
    pin_hash TEXT NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE shifts (
    id         TEXT PRIMARY KEY,
    lane       INTEGER NOT NULL,
    operator   TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    float_fen  INTEGER NOT NULL,
    closed_at  TEXT,
    received_at TEXT NOT NULL
);

CREATE TABLE sales (
    id               TEXT PRIMARY KEY,
    receipt_no       INTEGER NOT NULL,
    lane             INTEGER NOT NULL,
    shift_id         TEXT NOT NULL,
    operator         TEXT NOT NULL,
    completed_at     TEXT NOT NULL,
    total_fen        INTEGER NOT NULL,
    rounding_fen     INTEGER NOT NULL,
    paid_fen         INTEGER NOT NULL,
    change_fen       INTEGER NOT NULL,
    item_count_milli INTEGER NOT NULL,
    received_at      TEXT NOT NULL
);
CREATE INDEX sales_completed_at ON sales (completed_at);
-- Not UNIQUE: two lanes misconfigured with one lane number, or a lane restored from a backup,
-- repeat receipt numbers; a real sale must never be refused for that. The UUID is the key.
CREATE INDEX sales_lane_receipt ON sales (lane, receipt_no);

CREATE TABLE sale_lines (
    sale_id        TEXT NOT NULL REFERENCES sales (id),
    line_no        INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    sku            TEXT NOT NULL,
    gtin           TEXT NOT NULL,
    name_zh        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    spec           TEXT NOT NULL,
    unit           TEXT NOT NULL,
    department     TEXT NOT NULL,
    sale_unit      TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL,
    unit_price_fen INTEGER NOT NULL,
    amount_fen     INTEGER NOT NULL,
    voided         INTEGER NOT NULL,
    voided_by      TEXT NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_tenders (
    sale_id    TEXT NOT NULL REFERENCES sales (id),
    seq        INTEGER NOT NULL,
    method     TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    reference  TEXT NOT NULL,
    PRIMARY KEY (sale_id, seq)
);
