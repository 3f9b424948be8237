-- Search gaps (issue 18). Keep in step with postgres/.
--
-- A resident search near a place that found nothing adds one to a count: the day, the PC4 area
-- and wijk searched around, and what the question named in the product's own words (a concept
-- code and the trigger word of data/concepts.txt, never the typed text). No IP, no session, no
-- full postcode: only counts.
CREATE TABLE search_gaps (
    day TEXT NOT NULL,
    wijk_code TEXT NOT NULL,
    pc4 TEXT NOT NULL,
    code TEXT NOT NULL,       -- 'leefgebied:leren', '' when the question named no concept
    word TEXT NOT NULL,       -- 'huiswerkbegeleiding' (a trigger of the concept list), or ''
    searches INTEGER NOT NULL CHECK (searches > 0),
    PRIMARY KEY (day, wijk_code, pc4, code, word)
);
CREATE INDEX search_gaps_wijk ON search_gaps(wijk_code, day);
