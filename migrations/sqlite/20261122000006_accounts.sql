-- Accounts, sessions, moderation and the audit log. Keep in step with the other backend's folder.
-- Residents never need an account: these are for providers, professionals, coordinators, admins.

CREATE TABLE users (
    id BLOB PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,          -- lower case
    name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '', -- argon2 (PHC string); empty until an invitation is accepted
    role TEXT NOT NULL CHECK (role IN ('provider', 'professional', 'coordinator', 'admin')),
    gemeente_code TEXT,                  -- the gemeente a coordinator looks after
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

-- Which organisations a provider manages.
CREATE TABLE user_organizations (
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organization_id BLOB NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, organization_id)
);

-- Sessions: only a hash of the cookie value is stored, so a copy of the database opens no session.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- One-time links: password reset and invitations (hash only).
CREATE TABLE auth_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('reset', 'invite')),
    expires_at TEXT NOT NULL,
    used_at TEXT
);

-- Who changed what, when.
CREATE TABLE audit_log (
    id BLOB PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    user_id BLOB REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- A provider asks to manage an existing organisation; a coordinator decides.
CREATE TABLE claims (
    id BLOB PRIMARY KEY NOT NULL,
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organization_id BLOB NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users(id) ON DELETE SET NULL,
    decided_at TEXT
);

-- "Klopt er iets niet?" from the detail page.
CREATE TABLE reports (
    id BLOB PRIMARY KEY NOT NULL,
    service_id BLOB NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_at TEXT NOT NULL
);

-- New organisations wait for a coordinator; archived ones are kept but never shown.
ALTER TABLE organizations ADD COLUMN review_status TEXT NOT NULL DEFAULT 'approved'
    CHECK (review_status IN ('pending', 'approved', 'archived'));
