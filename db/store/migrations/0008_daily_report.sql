-- Store database: what the daily report needs to read one business day without scanning history,
-- and stock on hand for its low-stock section. See docs/decisions.md, "Daily report".

-- A day is a window of instants between two end-of-day closes (business_day.hpp); times are
-- compared as instants (julianday reads the lanes' offsets), so the indexes are on the same
-- expression the report's WHERE uses.
CREATE INDEX shifts_opened_instant ON shifts (julianday(opened_at));
CREATE INDEX sales_completed_instant ON sales (julianday(completed_at));

-- Stock on hand, per item the store counts (盘点). A count sets on_hand_milli; every sale line
-- filed afterwards takes its quantity off (a return's negative quantity puts it back), so the
-- figure is current without summing history. Items with no row here are not tracked.
CREATE TABLE stock (
    sku           TEXT PRIMARY KEY REFERENCES items (sku) ON DELETE CASCADE,
    on_hand_milli INTEGER NOT NULL,
    counted_at    TEXT NOT NULL
);

CREATE TRIGGER stock_after_sale_line AFTER INSERT ON sale_lines
WHEN NEW.kind = 'item' AND NEW.voided = 0
BEGIN
    UPDATE stock SET on_hand_milli = on_hand_milli - NEW.quantity_milli WHERE sku = NEW.sku;
END;
