-- One photo per "tellen en vertellen" note. Stored re-encoded as JPEG of at most 1200 px, so no
-- metadata of the original (place, camera, owner) survives; in the database, so every node
-- serves it.
CREATE TABLE coalition_note_photos (
    note_id BLOB PRIMARY KEY NOT NULL REFERENCES coalition_notes(id) ON DELETE CASCADE,
    alt TEXT NOT NULL,             -- what is on it, for screen readers
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    jpeg BLOB NOT NULL,
    created_at TEXT NOT NULL
);
