-- Resumable imports (issue 20). Keep in step with sqlite/.
--
-- How far an import of one source file got: the number of records (read from the start of
-- the file) whose batch has been committed, saved in the same transaction as that batch. A
-- run of the same file with the same options after a crash goes on from there; a finished
-- import deletes its row.
CREATE TABLE import_progress (
    source TEXT PRIMARY KEY NOT NULL,
    records BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- A batch of an import logs the roles at its locations for the index: find them by location.
CREATE INDEX needs_location ON needs(location_id);
