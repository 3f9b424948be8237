-- "Ik help mee" (issue 16). Keep in step with sqlite/.
--
-- What a role asks and gives, so a resident knows before answering: tasks, training, support,
-- compensation and whether it was cleared with the benefit agency, days and hours.
ALTER TABLE needs ADD COLUMN tasks TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN not_tasks TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN training TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN support TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN compensation TEXT NOT NULL DEFAULT 'geen'
    CHECK (compensation IN ('geen', 'onkosten', 'vergoeding'));
ALTER TABLE needs ADD COLUMN allowance_euros INTEGER;          -- per month, for 'vergoeding'
ALTER TABLE needs ADD COLUMN benefit_cleared BOOLEAN NOT NULL DEFAULT FALSE; -- "met behoud van uitkering"
ALTER TABLE needs ADD COLUMN days TEXT NOT NULL DEFAULT '';      -- ISO weekdays, "1,3"
ALTER TABLE needs ADD COLUMN hours_per_week INTEGER;
ALTER TABLE needs ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN contact_role TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN people_started INTEGER NOT NULL DEFAULT 0; -- "aan de slag" so far

-- A resident answers a role. The person's words are sealed by the app (like referral texts) and
-- visible only to the organisation; the row is deleted after the retention period.
CREATE TABLE role_responses (
    id UUID PRIMARY KEY,
    need_id UUID NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    name_sealed TEXT NOT NULL,
    email_sealed TEXT NOT NULL DEFAULT '',
    phone_sealed TEXT NOT NULL DEFAULT '',
    message_sealed TEXT NOT NULL DEFAULT '',
    age INTEGER,
    language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
    status TEXT NOT NULL DEFAULT 'nieuw'
        CHECK (status IN ('nieuw', 'kennismaking', 'aan de slag', 'past niet')),
    reason TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,             -- first status change by the organisation
    reminded_at TIMESTAMPTZ,             -- the organisation was reminded (after 7 days)
    unanswered_at TIMESTAMPTZ            -- counted as unanswered (after 14 days)
);
CREATE INDEX role_responses_need ON role_responses(need_id);
CREATE INDEX role_responses_open ON role_responses(status, created_at);

ALTER TABLE signals DROP CONSTRAINT signals_kind_check;
ALTER TABLE signals ADD CONSTRAINT signals_kind_check
    CHECK (kind IN ('geen-aanbod', 'afgewezen', 'wachttijd', 'onbeantwoord'));
