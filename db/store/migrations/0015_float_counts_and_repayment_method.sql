-- The float counted by denomination at open shift (lane 0014), as the lane sends it with the
-- shift: JSON {"100.00":1,"50.00":2}. NULL when the float's total was typed. The total stays
-- shifts.float_fen, so reports that read it are unchanged.
ALTER TABLE shifts ADD COLUMN float_counts TEXT;

-- How a member's repayment was paid (lane 0017): cash, card or mobile; empty for sales and refunds.
ALTER TABLE member_movements ADD COLUMN method TEXT NOT NULL DEFAULT '';
