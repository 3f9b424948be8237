-- Funding that ends (issue 17). Keep in step with sqlite/.
--
-- A coalition has funding lines (source, amount, start, end). The link persons and the
-- gemeente's coordinators are mailed 90 and 30 days before a line ends, each once: the
-- warned_* columns are claimed with a compare-and-set, so several nodes send one mail. A
-- coalition without a note for three months is "stil" and its link persons get one reminder
-- (quiet_reminded_at, claimed the same way).
CREATE TABLE coalition_funding (
    id UUID PRIMARY KEY,
    coalition_id UUID NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    amount_euros BIGINT CHECK (amount_euros IS NULL OR amount_euros >= 0),
    starts_on DATE,
    ends_on DATE,
    warned_90_at TIMESTAMPTZ,
    warned_30_at TIMESTAMPTZ,
    CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);
CREATE INDEX coalition_funding_coalition ON coalition_funding(coalition_id, position);
CREATE INDEX coalition_funding_ends ON coalition_funding(ends_on);

-- The one funding source and end a coalition had become its first line.
INSERT INTO coalition_funding (id, coalition_id, position, source, ends_on)
    SELECT gen_random_uuid(), id, 0, CASE WHEN funding_source = '' THEN 'onbekend' ELSE funding_source END, funding_ends_on
    FROM coalitions WHERE funding_source <> '' OR funding_ends_on IS NOT NULL;
ALTER TABLE coalitions DROP COLUMN funding_source;
ALTER TABLE coalitions DROP COLUMN funding_ends_on;

ALTER TABLE coalitions ADD COLUMN quiet_reminded_at TIMESTAMPTZ;
