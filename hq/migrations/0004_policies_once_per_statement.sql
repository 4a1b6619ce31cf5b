-- Row-level security asks which store the login is once per statement, not once per row: the
-- function in a sub-select becomes an init plan (hq_my_store() reads stores each call, and a batch
-- of 500 rows called it 500 times in its check). Same rules, measured in tests/bench/hq_bench.
ALTER POLICY own_records ON store_records
    USING (store_id = (SELECT hq_my_store())) WITH CHECK (store_id = (SELECT hq_my_store()));
ALTER POLICY own_conflicts ON ingest_conflicts
    USING (store_id = (SELECT hq_my_store())) WITH CHECK (store_id = (SELECT hq_my_store()));
