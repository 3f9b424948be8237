//! Personal API tokens: a logged-in user makes one to use the JSON API as themselves, under
//! the same rules as the pages. Stored as a hash; the token is shown once; revoking it (or
//! disabling the user) makes it open nothing at once, on every node.

use uuid::Uuid;

use super::{allow, Saved};
use crate::auth::{hash_secret, new_secret, Access, Me, MANAGERS};
use crate::db;
use crate::i18n::Lang;
use crate::manage::{ApiKeyLine, ApiKeysView};
use crate::words::date_in_words;
use crate::{AppState, Error, Result};

/// Who may have API tokens: the people who manage listings and coalitions.
pub const KEYS: Access = Access::Roles(MANAGERS);

/// Live tokens per user: enough for a few scripts, few enough to keep track of.
pub const MAX_LIVE: i64 = 10;
/// Longest name of a token.
pub const MAX_NAME: usize = 60;
/// What every token starts with, so a leaked one is easy to recognise in a scan.
pub const TOKEN_PREFIX: &str = "sk_";

/// Makes a token named `name`; the page shows it once ([`list`] with its id).
pub async fn create(state: &AppState, me: &Me, name: &str) -> Result<Saved<Uuid>> {
    allow(me, KEYS)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Ok(Saved::Invalid("naam"));
    }
    let token = format!("{TOKEN_PREFIX}{}", new_secret());
    let prefix: String = token.chars().take(TOKEN_PREFIX.len() + 6).collect();
    let new = db::NewApiToken {
        user: me.id,
        name,
        hash: &hash_secret(&token),
        prefix: &prefix,
        unseen_sealed: &state.sealer.seal(&token),
    };
    Ok(
        match db::create_api_token(&state.db, new, MAX_LIVE).await? {
            Some(id) => Saved::Done(id),
            None => Saved::Invalid("te-veel"),
        },
    )
}

/// The user's tokens; with `fresh`, the token just made with that id, once.
pub async fn list(
    state: &AppState,
    me: &Me,
    fresh: Option<Uuid>,
    lang: Lang,
) -> Result<ApiKeysView> {
    allow(me, KEYS)?;
    let fresh = match fresh {
        Some(id) => db::take_unseen_api_token(&state.db, me.id, id)
            .await?
            .map(|sealed| state.sealer.open(&sealed))
            .transpose()?,
        None => None,
    };
    let keys = db::api_tokens_of(&state.db, me.id)
        .await?
        .into_iter()
        .map(|t| ApiKeyLine {
            id: t.id.to_string(),
            name: t.name,
            prefix: t.prefix,
            made: date_in_words(t.created_at.date_naive(), lang),
            used: t.last_used_at.map(|d| date_in_words(d.date_naive(), lang)),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    Ok(ApiKeysView { keys, fresh })
}

/// Revokes one of the user's own tokens.
pub async fn revoke(state: &AppState, me: &Me, id: Uuid) -> Result<()> {
    allow(me, KEYS)?;
    if db::revoke_api_token(&state.db, me.id, id).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// The acting user of an API request with `Authorization: Bearer <token>`: unknown, revoked
/// and disabled users' tokens are [`Error::Unauthenticated`] (401).
pub async fn holder(state: &AppState, bearer: &str) -> Result<Me> {
    let bearer = bearer.trim();
    // A cap before hashing: a header of megabytes is not a token.
    if !bearer.starts_with(TOKEN_PREFIX) || bearer.len() > 100 {
        return Err(Error::Unauthenticated);
    }
    match db::api_token_user(&state.db, &hash_secret(bearer)).await? {
        Some(user) => {
            allow(&user.me, KEYS).map_err(|_| Error::Unauthenticated)?;
            Ok(user.me)
        }
        None => Err(Error::Unauthenticated),
    }
}
