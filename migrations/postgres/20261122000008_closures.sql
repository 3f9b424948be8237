-- Periods an offer does not take place (holidays, a closed building). HSDS: a schedule with
-- valid_from/valid_to and notes "gesloten".
CREATE TABLE service_closures (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL, -- inclusive
    description TEXT NOT NULL DEFAULT '',
    CHECK (starts_on <= ends_on)
);
CREATE INDEX service_closures_service ON service_closures(service_id);
