-- Knelpunten (issue 18). Keep in step with sqlite/.
--
-- A systemic wall a professional meets in a traject, reported without the person: a category,
-- a rule from data/knelpunten.txt ('anders' for another one), a summary the app checked for
-- names, numbers, dates and addresses, and what not solving it costs; both sealed by the app.
-- No traject id, no professional, only the day: the gemeente counts and acts per rule.
CREATE TABLE knelpunten (
    id UUID PRIMARY KEY,
    gemeente_code TEXT NOT NULL,
    category TEXT NOT NULL
        CHECK (category IN ('regel', 'geld', 'wonen', 'wachtlijst', 'privacy', 'samenwerking')),
    rule TEXT NOT NULL,
    summary_sealed TEXT NOT NULL,
    cost_sealed TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'gemeld' CHECK (status IN ('gemeld', 'opgeschaald', 'opgelost')),
    status_note TEXT NOT NULL DEFAULT '',   -- the coordinator's, about what was done
    published BOOLEAN NOT NULL DEFAULT FALSE,       -- on "wat we oplosten" (only when opgelost)
    reported_on DATE NOT NULL,
    decided_on DATE
);
CREATE INDEX knelpunten_gemeente ON knelpunten(gemeente_code, reported_on);
