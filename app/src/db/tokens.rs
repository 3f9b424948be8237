//! Personal API tokens: stored by hash, shown once, revocable.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::accounts::{audit_in, UserRecord};
use super::{on_pool, on_tx, Db};
use crate::Result;

/// A token as its owner sees it in the list (never the token itself).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRecord {
    /// Which.
    pub id: Uuid,
    /// What the owner called it ("planning-script").
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    /// Made.
    pub created_at: DateTime<Utc>,
    /// Last used for a request (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revoked; it opens nothing since.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new token: its hash, its prefix and the sealed token to show once.
pub struct NewApiToken<'a> {
    /// The owner.
    pub user: Uuid,
    /// The owner's name for it.
    pub name: &'a str,
    /// SHA-256 of the token.
    pub hash: &'a str,
    /// Its first characters.
    pub prefix: &'a str,
    /// The token, sealed, until it has been shown.
    pub unseen_sealed: &'a str,
}

/// Stores a new token (and its audit entry); `None` when the owner already has `max` live ones.
pub async fn create_api_token(db: &Db, new: NewApiToken<'_>, max: i64) -> Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let mut tx = db.begin().await?;
    // The count and the insert are one statement, so two requests cannot pass the cap together.
    let sql = "INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, unseen_sealed, created_at) \
        SELECT $1, $2, $3, $4, $5, $6, $7 WHERE (SELECT COUNT(*) FROM api_tokens \
        WHERE user_id = $2 AND revoked_at IS NULL) < $8";
    let made = on_tx!(&mut tx, t => sqlx::query(sql)
        .bind(id).bind(new.user).bind(new.name).bind(new.hash).bind(new.prefix)
        .bind(new.unseen_sealed).bind(Utc::now()).bind(max)
        .execute(t).await?.rows_affected());
    if made == 0 {
        return Ok(None);
    }
    audit_in(
        &mut tx,
        Some(new.user),
        "api_token_created",
        "api_token",
        &id.to_string(),
        new.name,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// The tokens of a user, newest first.
pub async fn api_tokens_of(db: &Db, user: Uuid) -> Result<Vec<ApiTokenRecord>> {
    let sql = "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens \
        WHERE user_id = $1 ORDER BY created_at DESC, id";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(user).fetch_all(p).await?))
}

/// The sealed token of a fresh token of this user, once: the first call empties it.
pub async fn take_unseen_api_token(db: &Db, user: Uuid, id: Uuid) -> Result<Option<String>> {
    let sql = "SELECT unseen_sealed FROM api_tokens WHERE id = $1 AND user_id = $2 \
        AND revoked_at IS NULL AND unseen_sealed <> ''";
    let sealed: Option<String> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(id).bind(user).fetch_optional(p).await?);
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    // Compare-and-set: of two requests that both read it, only one empties it and shows it.
    let sql = "UPDATE api_tokens SET unseen_sealed = '' WHERE id = $1 AND unseen_sealed = $2";
    let taken = on_pool!(db, p => sqlx::query(sql).bind(id).bind(&sealed)
        .execute(p).await?.rows_affected());
    Ok((taken == 1).then_some(sealed))
}

/// Revokes a token of this user; false when it is not theirs or already revoked.
pub async fn revoke_api_token(db: &Db, user: Uuid, id: Uuid) -> Result<bool> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE api_tokens SET revoked_at = $3, unseen_sealed = '' \
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL";
    let done = on_tx!(&mut tx, t => sqlx::query(sql).bind(id).bind(user).bind(Utc::now())
        .execute(t).await?.rows_affected());
    if done == 0 {
        return Ok(false);
    }
    audit_in(
        &mut tx,
        Some(user),
        "api_token_revoked",
        "api_token",
        &id.to_string(),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The user a live token belongs to (not revoked, the user not disabled), and notes the use.
pub async fn api_token_user(db: &Db, hash: &str) -> Result<Option<UserRecord>> {
    let sql = "SELECT t.id, t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id \
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled = $2";
    let found: Option<(Uuid, Uuid)> = on_pool!(db, p =>
        sqlx::query_as(sql).bind(hash).bind(false).fetch_optional(p).await?);
    let Some((id, user)) = found else {
        return Ok(None);
    };
    // At most one write a minute per token, so a busy script does not write on every call.
    let now = Utc::now();
    let sql = "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 \
        AND (last_used_at IS NULL OR last_used_at < $3)";
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(now).bind(now - Duration::minutes(1))
        .execute(p).await.map(drop)?);
    super::accounts::user_by_id(db, user).await
}
