-- How a member's repayment (还款) was paid: cash goes into the drawer as a pay-in; card and mobile
-- repayments count in the shift's card and mobile totals (the terminal's batch includes them).
-- Empty for sales and refunds on account, and for repayments made before this column (all cash).
ALTER TABLE member_movements ADD COLUMN method TEXT NOT NULL DEFAULT '';
