-- Returns (红字) are sales with negative quantities, amounts and tenders that name the sale
-- they reverse; promotions record what each line saved. Same columns on lane and store.
ALTER TABLE sales ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'return'));
ALTER TABLE sales ADD COLUMN original_sale_id TEXT;           -- the sale a return reverses; NULL without receipt
ALTER TABLE sales ADD COLUMN reason TEXT NOT NULL DEFAULT '';  -- why, for a return
ALTER TABLE sales ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
CREATE INDEX sales_original ON sales (original_sale_id) WHERE original_sale_id IS NOT NULL;

ALTER TABLE sale_lines ADD COLUMN original_line_no INTEGER;     -- the returned line of the original sale
ALTER TABLE sale_lines ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0;  -- the saving; amount_fen is after it (both negative on a return)
ALTER TABLE sale_lines ADD COLUMN promotion TEXT NOT NULL DEFAULT '';  -- which promotion gave the saving
