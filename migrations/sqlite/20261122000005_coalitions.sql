-- Matching and vitale coalities. Keep in step with the other backend's folder.

-- What kind of coalition partner an organisation can be (wijkteam, school, opleiding,
-- jongerenwerk, welzijn, fonds, buurthuis); empty when none.
ALTER TABLE organizations ADD COLUMN partner_kind TEXT NOT NULL DEFAULT '';

-- Open "ik kan iets" entries: anonymous by design (what someone can do, their postcode area,
-- their age when given). Used only to count talents near an organisation's need; deleted when
-- they expire.
CREATE TABLE talent_entries (
    id BLOB PRIMARY KEY NOT NULL,
    talents TEXT NOT NULL,            -- talent codes, comma-separated
    age INTEGER CHECK (age IS NULL OR (age >= 0 AND age < 130)),
    postcode TEXT NOT NULL,           -- PC4 only
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    created_at TEXT NOT NULL,
    expires_on DATE NOT NULL
);
CREATE INDEX talent_entries_expires ON talent_entries(expires_on);

CREATE TABLE coalitions (
    id BLOB PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'forming', 'active', 'ended')),
    gemeente_code TEXT,
    need_id BLOB REFERENCES needs(id) ON DELETE SET NULL, -- the need it started from
    link_person TEXT NOT NULL DEFAULT '',   -- the "verbindende schakel" (a role or a name)
    link_contact TEXT NOT NULL DEFAULT '',
    participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    funding_source TEXT NOT NULL DEFAULT '',
    funding_ends_on DATE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX coalitions_gemeente ON coalitions(gemeente_code);

CREATE TABLE coalition_partners (
    coalition_id BLOB NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    organization_id BLOB REFERENCES organizations(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'deliverer', 'supporter', 'funder', 'venue')),
    gives TEXT NOT NULL DEFAULT '',
    gets TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (coalition_id, position)
);

-- "Tellen en vertellen": numbers and short stories about what a coalition achieves.
CREATE TABLE coalition_notes (
    id BLOB PRIMARY KEY NOT NULL,
    coalition_id BLOB NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    written_on DATE NOT NULL,
    label TEXT NOT NULL DEFAULT '',   -- what is counted ("kinderen van de wachtlijst")
    number INTEGER,                   -- the count, for a number
    story TEXT NOT NULL DEFAULT '',   -- a short story
    created_at TEXT NOT NULL,
    CHECK (number IS NOT NULL OR story <> '')
);
CREATE INDEX coalition_notes_coalition ON coalition_notes(coalition_id);
