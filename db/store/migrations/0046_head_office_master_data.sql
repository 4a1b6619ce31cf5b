-- Store database: the head office's chain catalog version and chain promotions this store took
-- (issue 22). Each pull takes them in one transaction with the catalog and promotions themselves,
-- so the store holds the old version whole or the new one whole.
CREATE TABLE head_office_catalog (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     INTEGER NOT NULL,
    items       INTEGER NOT NULL,
    adopted_at  TEXT NOT NULL
);

CREATE TABLE head_office_promotions (
    hq_id         INTEGER PRIMARY KEY,
    promotion_id  TEXT NOT NULL,
    adopted_at    TEXT NOT NULL
);
