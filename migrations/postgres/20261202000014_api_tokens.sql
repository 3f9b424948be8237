-- Personal API tokens (issue 17). Keep in step with sqlite/.
--
-- A logged-in user makes a token to use the JSON API as themselves (the same rules as the
-- pages). Only a SHA-256 of the token is stored, so a copy of the database opens nothing. The
-- token itself is kept sealed until the maker has seen it once, then emptied. Revoking sets
-- revoked_at; a revoked token, or one of a disabled user, opens nothing.
CREATE TABLE api_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,                  -- the first characters, to recognise it in the list
    unseen_sealed TEXT NOT NULL DEFAULT '', -- the token until it has been shown once
    created_at TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
