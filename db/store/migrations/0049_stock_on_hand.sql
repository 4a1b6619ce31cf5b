-- Each item's stock on hand, kept beside the ledger (issue 21): summing stock_movements for the
-- daily report's low-stock section read every movement ever posted (1.3 million rows in a 4-lane
-- year, seconds). The ledger stays the record; this table is its sum per sku, kept by the
-- triggers below in the same transaction as the movement, and compared with the ledger by the
-- daily whole-file check (db/store/stock_on_hand.hpp), which rebuilds it from the ledger if they
-- ever disagree.
--   on_hand_milli   sum(quantity_milli)
--   movements       count(*): a sku has a row exactly while it has movements
--   kept_movements  movements other than sale and return: the store keeps the item in stock
--                   (opened, received, counted ...), so only then does it count as low stock.
CREATE TABLE stock_on_hand (
    sku            TEXT PRIMARY KEY,
    on_hand_milli  INTEGER NOT NULL,
    movements      INTEGER NOT NULL,
    kept_movements INTEGER NOT NULL
) WITHOUT ROWID;

-- NOT INDEXED: the ledger read in file order, not a random read per movement through the sku
-- index (8 s instead of 39 s for the 6.4 million movements of a 20-lane year).
INSERT INTO stock_on_hand (sku, on_hand_milli, movements, kept_movements)
SELECT sku, sum(quantity_milli), count(*), sum(kind NOT IN ('sale', 'return'))
FROM stock_movements NOT INDEXED GROUP BY sku;

CREATE TRIGGER stock_on_hand_after_insert AFTER INSERT ON stock_movements
BEGIN
    INSERT INTO stock_on_hand (sku, on_hand_milli, movements, kept_movements)
    VALUES (NEW.sku, NEW.quantity_milli, 1, NEW.kind NOT IN ('sale', 'return'))
    ON CONFLICT (sku) DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli,
                                    movements = movements + 1,
                                    kept_movements = kept_movements + excluded.kept_movements;
END;

-- The ledger is append-only (nothing updates or deletes a movement today); these keep the table
-- right if that ever changes, or if a technician edits the file.
CREATE TRIGGER stock_on_hand_after_delete AFTER DELETE ON stock_movements
BEGIN
    UPDATE stock_on_hand SET on_hand_milli = on_hand_milli - OLD.quantity_milli, movements = movements - 1,
                             kept_movements = kept_movements - (OLD.kind NOT IN ('sale', 'return'))
    WHERE sku = OLD.sku;
    DELETE FROM stock_on_hand WHERE sku = OLD.sku AND movements = 0;
END;

CREATE TRIGGER stock_on_hand_after_update AFTER UPDATE OF sku, kind, quantity_milli ON stock_movements
BEGIN
    UPDATE stock_on_hand SET on_hand_milli = on_hand_milli - OLD.quantity_milli, movements = movements - 1,
                             kept_movements = kept_movements - (OLD.kind NOT IN ('sale', 'return'))
    WHERE sku = OLD.sku;
    DELETE FROM stock_on_hand WHERE sku = OLD.sku AND movements = 0;
    INSERT INTO stock_on_hand (sku, on_hand_milli, movements, kept_movements)
    VALUES (NEW.sku, NEW.quantity_milli, 1, NEW.kind NOT IN ('sale', 'return'))
    ON CONFLICT (sku) DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli,
                                    movements = movements + 1,
                                    kept_movements = kept_movements + excluded.kept_movements;
END;
