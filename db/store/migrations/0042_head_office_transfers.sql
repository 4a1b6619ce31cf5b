-- Transfers between stores (调拨) go to the head office with the store's other records (issues 20
-- and 22): the ledger's transfer rows are read past the head office's cursor through this index,
-- without walking every sale's row in between.
CREATE INDEX stock_movements_transfers ON stock_movements (id) WHERE kind IN ('transfer_out', 'transfer_in');
