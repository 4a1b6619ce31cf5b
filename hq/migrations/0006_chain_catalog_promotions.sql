-- The chain catalog (items, barcodes, prices, departments) and the chain's promotions, decided at
-- head office and flowing down to the stores (docs/head-office.md). A catalog version is whole and
-- never changes: a store takes the newest version in one transaction. A promotion is for the chain,
-- a region or one store, with its dates; a correction is a new row with the same promotion id.
-- Both are kept as the store protocol's catalog document (sync/store_protocol.hpp, encode_catalog),
-- checked by pos-hq with the store's own rules before they are written.

CREATE TABLE chain_catalog_versions (
    version     bigserial PRIMARY KEY,
    file        text NOT NULL,
    items       integer NOT NULL CHECK (items > 0),
    created_by  text NOT NULL CHECK (created_by <> ''),
    created_at  timestamptz NOT NULL DEFAULT now(),
    catalog     jsonb NOT NULL
);

CREATE TABLE chain_promotions (
    id            bigserial PRIMARY KEY,
    scope         text NOT NULL CHECK (scope IN ('chain', 'region', 'store')),
    target        text NOT NULL DEFAULT '',   -- the region or the store id; '' for the chain
    promotion_id  text NOT NULL,              -- the id the stores see (a store's own with the same id is replaced)
    name          text NOT NULL,
    starts_on     date NOT NULL,
    ends_on       date NOT NULL CHECK (ends_on >= starts_on),
    created_by    text NOT NULL CHECK (created_by <> ''),
    created_at    timestamptz NOT NULL DEFAULT now(),
    promotion     jsonb NOT NULL,             -- a catalog document holding this one promotion
    CHECK ((scope = 'chain') = (target = ''))
);

ALTER TABLE chain_catalog_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE chain_promotions ENABLE ROW LEVEL SECURITY;
-- The catalog is the whole chain's; a promotion only for the chain, the store's region or itself.
CREATE POLICY chain_catalog_for_every_store ON chain_catalog_versions FOR SELECT TO hq_store USING (true);
CREATE POLICY promotions_for_me ON chain_promotions FOR SELECT TO hq_store
    USING (scope = 'chain' OR (scope = 'region' AND target = (SELECT hq_my_region()))
           OR (scope = 'store' AND target = (SELECT hq_my_store())));

REVOKE ALL ON chain_catalog_versions, chain_promotions FROM PUBLIC;
GRANT SELECT ON chain_catalog_versions, chain_promotions TO hq_store;
