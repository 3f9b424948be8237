-- Periods an offer does not take place (holidays, a closed building). HSDS: a schedule with
-- valid_from/valid_to and notes "gesloten".
CREATE TABLE service_closures (
    id BLOB PRIMARY KEY NOT NULL,
    service_id BLOB NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL, -- YYYY-MM-DD
    ends_on TEXT NOT NULL,   -- YYYY-MM-DD, inclusive
    description TEXT NOT NULL DEFAULT '',
    CHECK (starts_on <= ends_on)
);
CREATE INDEX service_closures_service ON service_closures(service_id);
