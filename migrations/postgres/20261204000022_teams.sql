-- Wijkteams as teams (issue 19). Keep in step with sqlite/.
--
-- A team (buurtteam, gebiedsteam, sociaal team) of one gemeente, with members and leads. A
-- traject belongs to its team: a primary professional (NULL: in the team's queue) and a named
-- stand-in, so the work never hangs on one person.
CREATE TABLE teams (
    id UUID PRIMARY KEY NOT NULL,
    gemeente_code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'buurtteam'
        CHECK (kind IN ('buurtteam', 'gebiedsteam', 'sociaal-team')),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (gemeente_code, name)
);

-- One team per professional: the team a new traject belongs to.
CREATE TABLE team_members (
    user_id UUID PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    team_id UUID NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    lead BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX team_members_team ON team_members(team_id);

ALTER TABLE trajecten ADD COLUMN team_id UUID REFERENCES teams(id) ON DELETE SET NULL;
ALTER TABLE trajecten ADD COLUMN standin_id UUID REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX trajecten_team ON trajecten(team_id);
CREATE INDEX trajecten_standin ON trajecten(standin_id);
