-- Monthly sales targets (销售目标) per store or per region, and an index for period reports:
-- sales and returns of a range of days, store by store.

CREATE TABLE sales_targets (
    scope       text NOT NULL CHECK (scope IN ('store', 'region')),
    name        text NOT NULL,             -- the store id or the region's name
    month       date NOT NULL CHECK (month = date_trunc('month', month)::date),
    amount_fen  bigint NOT NULL CHECK (amount_fen >= 0),
    set_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, name, month)
);
REVOKE ALL ON sales_targets FROM PUBLIC;

CREATE INDEX store_records_sales ON store_records (business_day, store_id) WHERE kind IN ('sale', 'return');
