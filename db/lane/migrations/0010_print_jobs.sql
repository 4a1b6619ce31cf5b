-- Print jobs waiting for the printer outlive the process (docs/receipts.md): a row is written
-- when a receipt, reprint or report is queued and deleted once the printer has taken all of
-- it; the next start prints what is left, once. Drawer kicks are never kept (now or never).
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,               -- the print queue's job id, in queue order
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'reprint', 'report')),
    receipt_no INTEGER NOT NULL DEFAULT 0,  -- 0 for reports
    escpos_hex TEXT NOT NULL,             -- the exact bytes for the printer, hex
    queued_at TEXT NOT NULL
);
