-- Price overrides reach the store as on the lane: the price a line replaced and who approved it.
ALTER TABLE sale_lines ADD COLUMN original_price_fen INTEGER;       -- NULL unless overridden
ALTER TABLE sale_lines ADD COLUMN price_set_by TEXT NOT NULL DEFAULT '';
