-- Coalitions run by their partners (issue 17). Keep in step with sqlite/.
--
-- A partner organisation on the map is invited and accepts (or leaves); only partners that
-- accepted keep the coalition going. Two link persons, so the coalition does not stop when one
-- driving person leaves; a status change says why; where the coalition meets.
ALTER TABLE coalitions ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE coalitions ADD COLUMN deputy_person TEXT NOT NULL DEFAULT '';
ALTER TABLE coalitions ADD COLUMN deputy_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE coalitions ADD COLUMN venue TEXT NOT NULL DEFAULT '';
-- Partners stored before this migration were added by an administrator: they count as accepted.
ALTER TABLE coalition_partners ADD COLUMN standing TEXT NOT NULL DEFAULT 'accepted'
    CHECK (standing IN ('invited', 'accepted', 'left'));
CREATE INDEX coalition_partners_organisation ON coalition_partners(organization_id);
