-- Store database: stock as a ledger (docs/stock.md, issue 20). Every movement of goods is a row
-- with the document that caused it; an item's stock on hand is the sum of its rows, never a number
-- edited in place. Quantities in thousandths: grams for weighed goods, 1000 per piece otherwise.
-- Goods that come in at a cost (opening balance, receipt, transfer in) carry their unit cost (per
-- piece, or per kg); every other row moves stock at the moving average, which pos/core/stock.hpp
-- computes by reading an item's rows in order.
--
-- No foreign key to items: a catalog import replaces the items table, and history must survive
-- it (the old `stock` table lost its rows that way).
CREATE TABLE stock_movements (
    id             INTEGER PRIMARY KEY,
    sku            TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('opening', 'sale', 'return', 'receipt', 'transfer_out',
                                                  'transfer_in', 'count', 'write_off')),
    document       TEXT NOT NULL,     -- 'sale:<uuid>', 'receipt:<id>', 'count:<id>', 'transfer:<id>' ...
    line_no        INTEGER NOT NULL,  -- the document's line
    quantity_milli INTEGER NOT NULL,  -- signed: + in, − out
    unit_cost_fen  INTEGER,           -- set only where goods come in at a cost
    at             TEXT NOT NULL,     -- ISO 8601 with offset: when the goods moved
    reason         TEXT NOT NULL DEFAULT '',
    UNIQUE (document, line_no, sku)   -- a document posts each line once (sync may deliver twice)
);
CREATE INDEX stock_movements_sku ON stock_movements (sku, id);
CREATE INDEX stock_movements_at ON stock_movements (julianday(at));

-- What a count set before the ledger becomes each item's opening balance, at the catalog cost.
INSERT INTO stock_movements (sku, kind, document, line_no, quantity_milli, unit_cost_fen, at, reason)
SELECT s.sku, 'opening', 'opening', 0, s.on_hand_milli, coalesce(i.cost_fen, 0), s.counted_at,
       'stock on hand before the ledger (migration 0016)'
FROM stock s LEFT JOIN items i ON i.sku = s.sku;

DROP TRIGGER stock_after_sale_line;
DROP TABLE stock;

-- A sale line filed from a lane posts its movement in the same transaction: the lines of a sale
-- are inserted only when the sale is new (StoreDb::apply_batch), and the UNIQUE key keeps a
-- second delivery from posting twice. A return's lines have negative quantities: goods back in.
CREATE TRIGGER stock_after_sale_line AFTER INSERT ON sale_lines
WHEN NEW.kind = 'item' AND NEW.voided = 0 AND NEW.quantity_milli <> 0
BEGIN
    INSERT OR IGNORE INTO stock_movements (sku, kind, document, line_no, quantity_milli, at)
    SELECT NEW.sku, CASE s.kind WHEN 'return' THEN 'return' ELSE 'sale' END, 'sale:' || NEW.sale_id,
           NEW.line_no, -NEW.quantity_milli, s.completed_at
    FROM sales s WHERE s.id = NEW.sale_id;
END;

-- Documents of the stock clerk and the manager: deliveries (配送单, 入库单), counts (盘点),
-- transfers (调拨) out and in, write-offs. Each is created, checked, approved by a manager and then
-- booked into stock_movements in one transaction.
CREATE TABLE stock_documents (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'count', 'transfer_out', 'transfer_in', 'write_off')),
    number      TEXT NOT NULL,           -- the delivery note's or transfer's number; counts: their id
    party       TEXT NOT NULL DEFAULT '',  -- supplier or distribution centre; the other store
    department  TEXT NOT NULL DEFAULT '',  -- a count's scope ('' the whole store)
    note        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('open', 'booked', 'cancelled')),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_at TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, number)
);

-- A document's lines. expected: what the delivery note or transfer says was sent, or what the
-- ledger held when a count opened (its snapshot). received and damaged: what the check found
-- (NULL until the line is checked); for a count, the counted total is in stock_count_entries.
CREATE TABLE stock_document_lines (
    document_id    INTEGER NOT NULL REFERENCES stock_documents (id),
    line_no        INTEGER NOT NULL,
    sku            TEXT NOT NULL,
    expected_milli INTEGER NOT NULL,
    unit_cost_fen  INTEGER NOT NULL DEFAULT 0,
    received_milli INTEGER,
    damaged_milli  INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, line_no),
    UNIQUE (document_id, sku)
);

-- What each counter counted, sheet by sheet: several counters count at once and their quantities
-- of one item add up (the same item on two shelves). Loading a sheet again replaces it.
CREATE TABLE stock_count_entries (
    document_id    INTEGER NOT NULL REFERENCES stock_documents (id),
    counter        TEXT NOT NULL,
    sheet          TEXT NOT NULL,
    sku            TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL,
    counted_at     TEXT NOT NULL,
    PRIMARY KEY (document_id, counter, sheet, sku)
);
