-- Member credit accounts at the store: the members (created here or at a lane) and every
-- balance movement the lanes send (sale on account, refund, repayment), filed once by id.
CREATE TABLE members (
    card          TEXT PRIMARY KEY,
    phone         TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    limit_fen     INTEGER NOT NULL CHECK (limit_fen >= 0),
    balance_fen   INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE member_movements (
    id                 TEXT PRIMARY KEY,
    card               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    amount_fen         INTEGER NOT NULL,
    balance_after_fen  INTEGER NOT NULL,
    sale_id            TEXT NOT NULL DEFAULT '',
    lane               INTEGER NOT NULL,
    shift_id           TEXT NOT NULL DEFAULT '',
    operator           TEXT NOT NULL DEFAULT '',
    at                 TEXT NOT NULL,
    received_at        TEXT NOT NULL
);
CREATE INDEX member_movements_card ON member_movements (card, at);
