-- "Ik doe mee": a resident asks to join an offer. Minimal personal data (a name, one way to
-- reach them, a message), visible only to the offer's provider (later issue), deleted after a
-- retention period (later issue). Keep in step with sqlite/.
CREATE TABLE signup_requests (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw', 'contact gehad', 'gestart', 'geen plek')),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX signup_requests_service ON signup_requests(service_id);
