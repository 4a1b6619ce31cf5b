-- The head office's ledger of every store's records, exactly once, keyed by the store's own ids,
-- partitioned by month so old months can be detached. Stores write through their own roles and
-- row-level security lets each read and write its own rows only (docs/head-office.md).

CREATE TABLE stores (
    store_id   text PRIMARY KEY CHECK (store_id ~ '^[a-z0-9_]{1,32}$'),
    name       text NOT NULL,
    region     text NOT NULL,
    role_name  text NOT NULL UNIQUE,
    added_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per record a store sent: a sale (its UUID), a shift, a shift close, a cash or member
-- movement, an audit record, a day close. The payload is the store's JSON as it stored it.
CREATE TABLE store_records (
    store_id      text NOT NULL REFERENCES stores,
    kind          text NOT NULL,
    ref           text NOT NULL,
    business_day  date NOT NULL,
    lane          integer,
    payload       jsonb NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, kind, ref, business_day)
) PARTITION BY RANGE (business_day);

-- The same key sent again with other content: both versions kept here, never overwritten.
-- Keyed by a hash of the incoming version: a large record (a sale of 60 lines) is far beyond
-- what a b-tree entry may hold.
CREATE TABLE ingest_conflicts (
    store_id       text NOT NULL REFERENCES stores,
    kind           text NOT NULL,
    ref            text NOT NULL,
    business_day   date NOT NULL,
    kept           jsonb NOT NULL,
    incoming       jsonb NOT NULL,
    incoming_hash  text GENERATED ALWAYS AS (md5(incoming::text)) STORED,
    noticed_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, kind, ref, business_day, incoming_hash)
);

-- The group role every store's login role belongs to (roles are the cluster's, so made once).
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hq_store') THEN
        CREATE ROLE hq_store NOLOGIN;
    END IF;
END $$;

-- The store the connected login belongs to (session_user: inside this SECURITY DEFINER function
-- current_user is its owner); NULL for anyone else. search_path ends with pg_temp, so a store's
-- own temporary table named "stores" can never stand in for the real one.
CREATE FUNCTION hq_my_store() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT store_id FROM public.stores WHERE role_name = session_user $$;

-- The month's partition, made on first use: stores may not create tables themselves. Only days
-- from 2000 to a year ahead: a store cannot make partitions for any date it likes.
CREATE FUNCTION hq_ensure_month(day date) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    first date := date_trunc('month', day)::date;
    name text := format('store_records_%s', to_char(first, 'YYYY_MM'));
BEGIN
    IF day < date '2000-01-01' OR day > current_date + 366 THEN
        RAISE EXCEPTION 'business day % is outside 2000 to a year from now', day USING ERRCODE = '22008';
    END IF;
    PERFORM pg_advisory_xact_lock(8735002);  -- two stores starting the same month wait for each other
    IF to_regclass('public.' || name) IS NULL THEN
        EXECUTE format('CREATE TABLE public.%I PARTITION OF public.store_records FOR VALUES FROM (%L) TO (%L)',
                       name, first, (first + interval '1 month')::date);
    END IF;
END
$$;

ALTER TABLE store_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingest_conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_records ON store_records TO hq_store
    USING (store_id = hq_my_store()) WITH CHECK (store_id = hq_my_store());
CREATE POLICY own_conflicts ON ingest_conflicts TO hq_store
    USING (store_id = hq_my_store()) WITH CHECK (store_id = hq_my_store());

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON stores, store_records, ingest_conflicts FROM PUBLIC;
GRANT SELECT, INSERT ON store_records, ingest_conflicts TO hq_store;
REVOKE ALL ON FUNCTION hq_my_store(), hq_ensure_month(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hq_my_store(), hq_ensure_month(date) TO hq_store;
