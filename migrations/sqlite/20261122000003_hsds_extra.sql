-- Open Referral HSDS fields we do not map to our own columns are kept here as a JSON object,
-- so an import keeps everything and an export gives it back. Keep in step with the other backend.
ALTER TABLE organizations ADD COLUMN hsds_extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE locations ADD COLUMN hsds_extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE services ADD COLUMN hsds_extra TEXT NOT NULL DEFAULT '{}';
