-- Getting there (issue 19). Keep in step with sqlite/.
--
-- How a place can be reached and used, as its organisation (or register) says: short codes
-- `gelijkvloers=ja|deels|nee lift toilet ophalen ov` (index::matching::Access). Empty: unknown.
ALTER TABLE locations ADD COLUMN access TEXT NOT NULL DEFAULT '';
