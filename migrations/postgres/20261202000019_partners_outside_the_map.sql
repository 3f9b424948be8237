-- A referral to a coalition: the partner that takes the person up (its name as the coalition
-- lists it; partners need not be organisations on the map).
ALTER TABLE referrals ADD COLUMN taken_up_by TEXT NOT NULL DEFAULT '';

-- A partner not yet on the map is invited by e-mail; when that person registers their
-- organisation, the partner line gets it (and the address is cleared).
ALTER TABLE coalition_partners ADD COLUMN invited_email TEXT NOT NULL DEFAULT '';
