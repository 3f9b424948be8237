-- The day a provider was last reminded to check their listing (once per check cycle).
ALTER TABLE organizations ADD COLUMN reminded_on DATE;
