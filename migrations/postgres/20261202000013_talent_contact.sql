-- "Mag benaderd worden" (issue 16). Keep in step with sqlite/.
--
-- An "ik kan iets" entry may carry a first name and an e-mail address, opted in and sealed by
-- the app, so an organisation with a fitting role nearby can invite the person through the
-- product without ever seeing them. Emptied on the one-click link in every mail, and gone
-- with the entry after six months.
ALTER TABLE talent_entries ADD COLUMN contact_name_sealed TEXT NOT NULL DEFAULT '';
ALTER TABLE talent_entries ADD COLUMN contact_email_sealed TEXT NOT NULL DEFAULT '';
ALTER TABLE talent_entries ADD COLUMN contact_language TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE talent_entries ADD COLUMN revoke_hash TEXT;          -- SHA-256 of the link's code
ALTER TABLE talent_entries ADD COLUMN revoke_code_sealed TEXT NOT NULL DEFAULT ''; -- for the link in invitations

-- One invitation per entry and role; at most two per entry in 30 days (checked by the app).
CREATE TABLE talent_invitations (
    id UUID PRIMARY KEY,
    entry_id UUID NOT NULL REFERENCES talent_entries(id) ON DELETE CASCADE,
    need_id UUID NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    sent_at TIMESTAMPTZ NOT NULL,
    UNIQUE (entry_id, need_id)
);
CREATE INDEX talent_invitations_entry ON talent_invitations(entry_id, sent_at);
CREATE INDEX talent_entries_revoke ON talent_entries(revoke_hash);
