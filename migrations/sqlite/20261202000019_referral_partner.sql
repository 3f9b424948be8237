-- A referral to a coalition: the partner that takes the person up (its name as the coalition
-- lists it; partners need not be organisations on the map).
ALTER TABLE referrals ADD COLUMN taken_up_by TEXT NOT NULL DEFAULT '';
