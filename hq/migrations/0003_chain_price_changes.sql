-- Price changes decided at head office (总部变价单): for the whole chain, a region or one store,
-- with an effective date; a second person approves; only approved documents reach the stores, and
-- an approved document never changes (a correction is a new document). Each store's role reads
-- the approved documents that concern it, nothing else.

CREATE TABLE chain_price_changes (
    id            bigserial PRIMARY KEY,
    scope         text NOT NULL CHECK (scope IN ('chain', 'region', 'store')),
    target        text NOT NULL DEFAULT '',   -- the region or the store id; '' for the chain
    effective_on  date NOT NULL,
    reason        text NOT NULL CHECK (reason <> ''),
    created_by    text NOT NULL CHECK (created_by <> ''),
    created_at    timestamptz NOT NULL DEFAULT now(),
    approved_by   text,
    approved_at   timestamptz,
    CHECK (approved_by IS NULL OR approved_by <> created_by),
    CHECK ((scope = 'chain') = (target = ''))
);

CREATE TABLE chain_price_change_items (
    price_change_id  bigint NOT NULL REFERENCES chain_price_changes,
    sku              text NOT NULL,
    new_price_fen    bigint NOT NULL CHECK (new_price_fen >= 0),
    PRIMARY KEY (price_change_id, sku)
);

CREATE FUNCTION hq_my_region() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT region FROM public.stores WHERE role_name = session_user $$;

ALTER TABLE chain_price_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE chain_price_change_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY approved_for_me ON chain_price_changes FOR SELECT TO hq_store
    USING (approved_by IS NOT NULL AND (scope = 'chain' OR (scope = 'region' AND target = hq_my_region())
                                        OR (scope = 'store' AND target = hq_my_store())));
-- The items of a document the store may see (the subquery is itself under the policy above).
CREATE POLICY items_approved_for_me ON chain_price_change_items FOR SELECT TO hq_store
    USING (EXISTS (SELECT 1 FROM chain_price_changes c WHERE c.id = price_change_id));

REVOKE ALL ON chain_price_changes, chain_price_change_items FROM PUBLIC;
GRANT SELECT ON chain_price_changes, chain_price_change_items TO hq_store;
REVOKE ALL ON FUNCTION hq_my_region() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hq_my_region() TO hq_store;
