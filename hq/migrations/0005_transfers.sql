-- Transfers between stores (调拨) at head office: the sending store's transfer_out rows (its
-- document number, e.g. T4, and the receiving store as it was written) and the receiving store's
-- transfer_in rows (numbered "<sending store's name>/T4"), as each store pushed them. A transfer
-- is in transit while only its out side is here; received once the in side is booked too.
CREATE VIEW chain_transfers AS
WITH outs AS (
    SELECT r.store_id, s.name AS store_name, r.payload->>'number' AS number, r.payload->>'party' AS to_store,
           min(r.payload->>'at') AS sent_at, sum(-(r.payload->>'qty_milli')::bigint) AS sent_milli,
           count(*) AS lines
    FROM store_records r JOIN stores s ON s.store_id = r.store_id
    WHERE r.kind = 'transfer_out' GROUP BY r.store_id, s.name, r.payload->>'number', r.payload->>'party'),
ins AS (
    SELECT r.store_id, r.payload->>'number' AS number, r.payload->>'party' AS from_store,
           min(r.payload->>'at') AS received_at, sum((r.payload->>'qty_milli')::bigint) AS received_milli
    FROM store_records r
    WHERE r.kind = 'transfer_in' GROUP BY r.store_id, r.payload->>'number', r.payload->>'party')
SELECT o.store_id AS from_store_id, coalesce(o.number, regexp_replace(i.number, '^.*/', '')) AS number,
       coalesce(o.to_store, '') AS to_store, i.store_id AS to_store_id, coalesce(i.from_store, o.store_name) AS from_store,
       o.sent_at, coalesce(o.sent_milli, 0) AS sent_milli, i.received_at, coalesce(i.received_milli, 0) AS received_milli,
       CASE WHEN i.store_id IS NULL THEN 'in transit' WHEN o.store_id IS NULL THEN 'received, sender not here'
            ELSE 'received' END AS state
FROM outs o FULL JOIN ins i
    ON regexp_replace(i.number, '^.*/', '') = o.number AND i.from_store IN (o.store_name, o.store_id);
REVOKE ALL ON chain_transfers FROM PUBLIC;
