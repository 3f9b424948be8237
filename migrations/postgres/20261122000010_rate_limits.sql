-- Rate limits shared by every node (login guessing, form spam). The key is a hash of the
-- address, never the address itself; rows older than their window are deleted on the next check.
CREATE TABLE rate_events (
    bucket TEXT NOT NULL,   -- 'login' or 'formulier'
    key_hash TEXT NOT NULL, -- sha256 of bucket and address
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX rate_events_key ON rate_events(bucket, key_hash, at);
