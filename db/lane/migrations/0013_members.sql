-- Member credit accounts (挂账): who may buy on account, up to what, and what they owe.
-- The lane keeps the balance it sells against; every change is a movement, queued to the store.
CREATE TABLE members (
    card          TEXT PRIMARY KEY,            -- member card number
    phone         TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    limit_fen     INTEGER NOT NULL CHECK (limit_fen >= 0),
    balance_fen   INTEGER NOT NULL DEFAULT 0,  -- owed to the store
    created_at    TEXT NOT NULL
);
CREATE INDEX members_phone ON members (phone);

-- Every change of a balance: a sale on account (+), a refund to the account (-), a repayment (-).
CREATE TABLE member_movements (
    id                 TEXT PRIMARY KEY,       -- UUID
    card               TEXT NOT NULL REFERENCES members (card),
    kind               TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'repayment')),
    amount_fen         INTEGER NOT NULL,       -- change of what is owed
    balance_after_fen  INTEGER NOT NULL,
    sale_id            TEXT NOT NULL DEFAULT '',  -- the sale or return; '' for a repayment
    lane               INTEGER NOT NULL,
    shift_id           TEXT NOT NULL DEFAULT '',
    operator           TEXT NOT NULL DEFAULT '',
    at                 TEXT NOT NULL
);
CREATE INDEX member_movements_card ON member_movements (card, at);
