-- Wijkteam work: trajecten (a person or household, pseudonymous), referrals with consent, their
-- history, and anonymous signals. Every *_sealed column is encrypted by the app (ChaCha20-Poly1305,
-- key from config); the database never sees those texts. Keep in step with the other backend.

CREATE TABLE trajecten (
    id UUID PRIMARY KEY,
    professional_id UUID REFERENCES users(id) ON DELETE SET NULL,
    label_sealed TEXT NOT NULL,              -- initials or a chosen name; no BSN, no diagnosis
    profile_sealed TEXT NOT NULL DEFAULT '', -- JSON: needs per leefgebied, talents, network, age, postcode
    plan_sealed TEXT NOT NULL DEFAULT '',    -- priorities, one per line, in order
    wijk_code TEXT,                          -- for anonymous signals only
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ
);
CREATE INDEX trajecten_professional ON trajecten(professional_id);

CREATE TABLE referrals (
    id UUID PRIMARY KEY,
    traject_id UUID REFERENCES trajecten(id) ON DELETE SET NULL,
    professional_id UUID REFERENCES users(id) ON DELETE SET NULL,
    service_id UUID REFERENCES services(id) ON DELETE SET NULL,
    coalition_id UUID REFERENCES coalitions(id) ON DELETE SET NULL,
    organization_id UUID REFERENCES organizations(id) ON DELETE SET NULL, -- the receiver
    target_name TEXT NOT NULL,               -- offer or coalition name (public data)
    leefgebied TEXT NOT NULL DEFAULT '',
    wijk_code TEXT,
    wish_sealed TEXT NOT NULL DEFAULT '',    -- what the person wants, in their words
    shared_sealed TEXT NOT NULL DEFAULT '',  -- JSON: the consented items and their values
    shared_items TEXT NOT NULL DEFAULT '',   -- item keys, comma-separated (not personal)
    consent_by_sealed TEXT NOT NULL DEFAULT '',
    consent_at TIMESTAMPTZ NOT NULL,                -- recorded before anything is sent
    consent_revoked_at TIMESTAMPTZ,
    handover TEXT NOT NULL CHECK (handover IN ('afspraak', 'meegaan', 'zelf')),
    handover_sealed TEXT NOT NULL DEFAULT '', -- proposed introduction appointment
    status TEXT NOT NULL DEFAULT 'verstuurd' CHECK (status IN
        ('verstuurd', 'ontvangen', 'geaccepteerd', 'afgewezen', 'gestart', 'afgerond', 'gestopt')),
    reason TEXT CHECK (reason IS NULL OR reason IN ('vol', 'niet passend', 'geen reactie')),
    sent_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ,
    accepted_at TIMESTAMPTZ,
    started_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    reminded_sent BOOLEAN NOT NULL DEFAULT FALSE, -- the 14-day follow-up went out
    reminded_started BOOLEAN NOT NULL DEFAULT FALSE, -- the 6-week "hoe gaat het?" went out
    escalated_at TIMESTAMPTZ,
    personal_deleted_at TIMESTAMPTZ                     -- retention: the sealed texts are gone
);
CREATE INDEX referrals_professional ON referrals(professional_id);
CREATE INDEX referrals_organization ON referrals(organization_id);
CREATE INDEX referrals_traject ON referrals(traject_id);

-- Status history (both sides see it; an escalation carries it to the coordinator).
CREATE TABLE referral_events (
    id UUID PRIMARY KEY,
    referral_id UUID NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    event TEXT NOT NULL,                 -- a status, 'ingetrokken', 'geëscaleerd', 'herinnering'
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_events_referral ON referral_events(referral_id);

-- Escalations to the coordinator of the gemeente.
CREATE TABLE escalations (
    id UUID PRIMARY KEY,
    referral_id UUID NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
    gemeente_code TEXT,
    why TEXT NOT NULL,                   -- 'geen reactie' or 'wachtlijst'
    created_at TIMESTAMPTZ NOT NULL,
    handled_at TIMESTAMPTZ
);

-- Anonymous counts for the next wave's dashboard: no person, no referral id.
CREATE TABLE signals (
    id UUID PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('geen-aanbod', 'afgewezen', 'wachttijd')),
    wijk_code TEXT,
    leefgebied TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    days INTEGER,                        -- waiting time in days ('wachttijd')
    day DATE NOT NULL
);
CREATE INDEX signals_kind ON signals(kind, day);
