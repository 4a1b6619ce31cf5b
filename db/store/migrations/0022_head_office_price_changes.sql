-- Store database: the head office's price-change documents this store adopted (issue 22). Each is
-- adopted once, in the same transaction as the store's own approved price change made from it
-- (NULL when none of its items is in this store's catalog).
CREATE TABLE head_office_price_changes (
    hq_id            INTEGER PRIMARY KEY,
    price_change_id  INTEGER REFERENCES price_changes (id),
    skipped_skus     TEXT NOT NULL DEFAULT '',   -- items this store does not sell, comma separated
    adopted_at       TEXT NOT NULL
);
