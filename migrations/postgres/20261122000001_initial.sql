-- The sociale kaart data model, close to Open Referral HSDS 3.0 so import/export is a mapping.
-- Ids are UUIDs. Keep in step with ../sqlite/.

CREATE TABLE organizations (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    email TEXT,
    website TEXT,
    phone TEXT,
    last_verified_on DATE,          -- date (YYYY-MM-DD) the listing was last checked
    source TEXT NOT NULL DEFAULT '', -- where the data came from ("demo", "hsds:<file>", "provider")
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE locations (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address_1 TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    pc4 TEXT,
    city TEXT NOT NULL DEFAULT '',
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    gemeente_code TEXT,
    wijk_code TEXT,
    buurt_code TEXT,
    accessibility TEXT NOT NULL DEFAULT '',
    transportation TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (latitude IS NULL OR (latitude BETWEEN -90 AND 90)),
    CHECK (longitude IS NULL OR (longitude BETWEEN -180 AND 180))
);
CREATE INDEX locations_organization ON locations(organization_id);
CREATE INDEX locations_wijk ON locations(wijk_code);

-- Taxonomies: leefgebied, kind, doelgroep, talent (HSDS taxonomy + taxonomy_term).
CREATE TABLE taxonomy_terms (
    id UUID PRIMARY KEY,
    taxonomy TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (taxonomy, code)
);

-- Offers: services and activities (HSDS service).
CREATE TABLE services (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('buurthuis', 'vereniging', 'initiatief', 'voorziening')),
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    minimum_age INTEGER,
    maximum_age INTEGER,
    is_free BOOLEAN NOT NULL DEFAULT FALSE,
    fees_description TEXT NOT NULL DEFAULT '',
    no_referral_needed BOOLEAN NOT NULL DEFAULT TRUE, -- "geen indicatie nodig"
    keeps_benefit BOOLEAN NOT NULL DEFAULT FALSE,      -- "met behoud van uitkering"
    eligibility_description TEXT NOT NULL DEFAULT '',
    contact_name TEXT,
    email TEXT,
    phone TEXT,
    url TEXT,
    capacity INTEGER,
    waiting_list INTEGER NOT NULL DEFAULT 0,
    last_verified_on DATE,
    source TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (minimum_age IS NULL OR minimum_age BETWEEN 0 AND 120),
    CHECK (maximum_age IS NULL OR maximum_age BETWEEN 0 AND 120),
    CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
    CHECK (capacity IS NULL OR capacity >= 0),
    CHECK (waiting_list >= 0)
);
CREATE INDEX services_organization ON services(organization_id);

CREATE TABLE service_at_locations (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    location_id UUID NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    UNIQUE (service_id, location_id)
);
CREATE INDEX service_at_locations_location ON service_at_locations(location_id);

-- HSDS attribute: links a service to taxonomy terms (leefgebieden, doelgroepen, ...).
CREATE TABLE service_terms (
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    term_id UUID NOT NULL REFERENCES taxonomy_terms(id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, term_id)
);

CREATE TABLE service_languages (
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    code TEXT NOT NULL, -- ISO 639-1, e.g. nl, en, ar
    PRIMARY KEY (service_id, code)
);

-- Weekly schedules (HSDS schedule with freq WEEKLY and one byday).
CREATE TABLE schedules (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    location_id UUID REFERENCES locations(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = maandag
    opens_at TEXT NOT NULL,  -- HH:MM
    closes_at TEXT NOT NULL, -- HH:MM
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX schedules_service ON schedules(service_id);

CREATE TABLE cost_options (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    option TEXT NOT NULL,
    amount DOUBLE PRECISION,
    currency TEXT NOT NULL DEFAULT 'EUR',
    amount_description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cost_options_service ON cost_options(service_id);

-- What organisations ask: volunteer roles, trainers, space, funding, participants.
CREATE TABLE needs (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    service_id UUID REFERENCES services(id) ON DELETE SET NULL, -- e.g. the offer with the waiting list
    location_id UUID REFERENCES locations(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('vrijwilliger', 'trainer', 'ruimte', 'financiering', 'deelnemers')),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    minimum_age INTEGER,
    maximum_age INTEGER,
    time_commitment TEXT NOT NULL DEFAULT '',
    people_wanted INTEGER,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
);
CREATE INDEX needs_organization ON needs(organization_id);

CREATE TABLE need_talents (
    need_id UUID NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    term_id UUID NOT NULL REFERENCES taxonomy_terms(id) ON DELETE CASCADE,
    PRIMARY KEY (need_id, term_id)
);
