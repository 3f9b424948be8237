-- Change log for the search indexes: every write that changes what search shows adds the ids
-- of the offers it touched, in the same transaction. Each app node applies the log in order
-- to its own index and remembers its position in the index itself. Keep in step with sqlite/.
CREATE TABLE index_outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id UUID NOT NULL, -- no foreign key: deleted offers must leave the index too
    changed_at TIMESTAMPTZ NOT NULL
);
