-- Payment-code tenders (付款码) are their own methods, one per provider, so every report lists them
-- by provider; their reference is the gateway's transaction id and the lane's out_trade_no.
-- SQLite cannot change a CHECK in place: the table is rebuilt with the same rows.
CREATE TABLE sale_tenders_new (
    sale_id    TEXT NOT NULL REFERENCES sales (id),
    seq        INTEGER NOT NULL,
    method     TEXT NOT NULL CHECK (method IN ('cash', 'card', 'mobile', 'account', 'wechat', 'alipay', 'unionpay')),
    amount_fen INTEGER NOT NULL,          -- handed over; cash change is on the sale
    reference  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sale_id, seq)
);
INSERT INTO sale_tenders_new (sale_id, seq, method, amount_fen, reference)
    SELECT sale_id, seq, method, amount_fen, reference FROM sale_tenders;
DROP TABLE sale_tenders;
ALTER TABLE sale_tenders_new RENAME TO sale_tenders;
CREATE INDEX sale_tenders_method ON sale_tenders (method);

-- Refunds of payment-code orders (a return paid back to the customer's WeChat or Alipay), journaled
-- in the return's own transaction and driven to a final state by the payment worker. The refund
-- number is the idempotency key: asked again, the gateway refunds it once.
CREATE TABLE payment_refunds (
    out_refund_no   TEXT PRIMARY KEY,       -- R<out_trade_no>-<n>
    out_trade_no    TEXT NOT NULL REFERENCES payment_attempts (out_trade_no),
    refund_fen      INTEGER NOT NULL CHECK (refund_fen > 0),
    total_fen       INTEGER NOT NULL,       -- the order's amount, as the refund call needs it
    return_id       TEXT NOT NULL,          -- the return (红字 sale) that pays it back
    state           TEXT NOT NULL CHECK (state IN ('requested', 'processing', 'unknown', 'refunded', 'failed')),
    last_code       TEXT,
    last_message    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX payment_refunds_open ON payment_refunds (state) WHERE state IN ('requested', 'processing', 'unknown');
