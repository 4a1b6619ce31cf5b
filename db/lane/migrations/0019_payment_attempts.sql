-- Payment-code attempts (付款码, docs/payments.md): each is journaled here, committed, before its
-- request leaves the lane, and moved to a final state (paid, failed, closed) by the answers.
-- Only the masked code is kept: the customer's code is a one-time bearer credential.
CREATE TABLE payment_attempts (
    out_trade_no    TEXT PRIMARY KEY,       -- lane-unique: L<lane>-<yyyymmdd>-<seq>
    provider        TEXT NOT NULL CHECK (provider IN ('wechat', 'alipay', 'unionpay')),
    masked_code     TEXT NOT NULL,
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    ticket_ref      TEXT NOT NULL,          -- the ticket being paid
    state           TEXT NOT NULL CHECK (state IN ('requested', 'waiting', 'unknown', 'paid', 'failed', 'closed')),
    transaction_id  TEXT,                   -- the provider's, once paid
    last_code       TEXT,
    last_message    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    sale_id         TEXT                    -- the sale this payment completed
);
CREATE INDEX payment_attempts_open ON payment_attempts (state) WHERE state IN ('requested', 'waiting', 'unknown');
