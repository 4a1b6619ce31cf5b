-- Lane database, first schema: catalog replica, users, shifts, the sale journal and its outbox.
-- Money columns are integer fen, quantities integer thousandths (grams for weighed goods).

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
CREATE INDEX items_pinyin ON items (pinyin);

CREATE TABLE item_barcodes (
    gtin     TEXT PRIMARY KEY,            -- 14-digit GTIN, the lookup key
    sku      TEXT NOT NULL REFERENCES items (sku) ON DELETE CASCADE,
    position INTEGER NOT NULL             -- order as listed in the catalog
);
CREATE INDEX item_barcodes_sku ON item_barcodes (sku);

CREATE TABLE users (
    operator TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager', 'admin')),
    pin_hash TEXT NOT NULL,               -- libsodium crypto_pwhash_str (argon2id)
    active   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE shifts (
    id         TEXT PRIMARY KEY,          -- UUID
    lane       INTEGER NOT NULL,
    operator   TEXT NOT NULL,
    opened_at  TEXT NOT NULL,             -- ISO 8601 with offset
    float_fen  INTEGER NOT NULL CHECK (float_fen >= 0),
    closed_at  TEXT
);
-- One drawer per lane: at most one open shift.
CREATE UNIQUE INDEX shifts_one_open_per_lane ON shifts (lane) WHERE closed_at IS NULL;

CREATE TABLE sales (
    id               TEXT PRIMARY KEY,    -- UUID, the idempotency key all the way to the store
    receipt_no       INTEGER NOT NULL UNIQUE,
    lane             INTEGER NOT NULL,
    shift_id         TEXT NOT NULL REFERENCES shifts (id),
    operator         TEXT NOT NULL,
    completed_at     TEXT NOT NULL,
    total_fen        INTEGER NOT NULL,    -- due, after 抹零
    rounding_fen     INTEGER NOT NULL,    -- the 抹零 line's amount (<= 0 when rounding down)
    paid_fen         INTEGER NOT NULL,    -- all tenders handed over
    change_fen       INTEGER NOT NULL CHECK (change_fen >= 0),
    item_count_milli INTEGER NOT NULL
);

CREATE TABLE sale_lines (
    sale_id        TEXT NOT NULL REFERENCES sales (id),
    line_no        INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('item', 'rounding')),
    sku            TEXT NOT NULL DEFAULT '',
    gtin           TEXT NOT NULL DEFAULT '',
    name_zh        TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    spec           TEXT NOT NULL DEFAULT '',
    unit           TEXT NOT NULL DEFAULT '',
    department     TEXT NOT NULL DEFAULT '',
    sale_unit      TEXT NOT NULL DEFAULT 'piece',
    quantity_milli INTEGER NOT NULL,
    unit_price_fen INTEGER NOT NULL,
    amount_fen     INTEGER NOT NULL,
    voided         INTEGER NOT NULL DEFAULT 0,
    voided_by      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_tenders (
    sale_id    TEXT NOT NULL REFERENCES sales (id),
    seq        INTEGER NOT NULL,
    method     TEXT NOT NULL CHECK (method IN ('cash', 'card', 'mobile', 'account')),
    amount_fen INTEGER NOT NULL,          -- handed over; cash change is on the sale
    reference  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sale_id, seq)
);

-- Everything the store must receive, written in the same transaction as the record itself.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,             -- 'sale', 'shift', ...
    ref        TEXT NOT NULL,             -- the record's UUID
    payload    TEXT NOT NULL,             -- JSON
    created_at TEXT NOT NULL,
    synced_at  TEXT,
    UNIQUE (kind, ref)
);
CREATE INDEX outbox_unsynced ON outbox (seq) WHERE synced_at IS NULL;
