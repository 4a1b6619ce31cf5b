-- A return at this lane against another lane's receipt (looked up at the store, docs/returns.md):
-- the original sale is not in this lane's journal, so its lane and receipt number are kept here
-- for the return slip's 原单号. Written in the return's own transaction.
CREATE TABLE return_originals (
    return_id        TEXT PRIMARY KEY,          -- the return (its row in sales)
    original_sale_id TEXT NOT NULL,
    lane             INTEGER NOT NULL,
    receipt_no       INTEGER NOT NULL
);
