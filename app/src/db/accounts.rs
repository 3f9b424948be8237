//! Users, their organisations, sessions, one-time tokens and the audit log.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, Db};
use crate::domain::{Me, Role};
use crate::{Error, Result};

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    email: String,
    name: String,
    password_hash: String,
    role: String,
    gemeente_code: Option<String>,
    disabled: bool,
}

/// A user with the password hash (never leaves the server).
#[derive(Debug, Clone)]
pub struct UserRecord {
    /// Who.
    pub me: Me,
    /// PHC string, empty until an invitation is accepted.
    pub password_hash: String,
    /// A disabled user cannot log in.
    pub disabled: bool,
}

impl UserRow {
    fn into_record(self) -> Option<UserRecord> {
        Some(UserRecord {
            me: Me {
                id: self.id,
                email: self.email,
                name: self.name,
                role: Role::parse(&self.role)?,
                gemeente: self.gemeente_code,
            },
            password_hash: self.password_hash,
            disabled: self.disabled,
        })
    }
}

const USER_COLUMNS: &str = "id, email, name, password_hash, role, gemeente_code, disabled";

/// Creates a user; a second account for the same e-mail address is refused.
pub async fn create_user(
    db: &Db,
    email: &str,
    name: &str,
    role: Role,
    gemeente: Option<&str>,
    password_hash: &str,
) -> Result<Uuid> {
    let email = email.trim().to_lowercase();
    if find_user(db, &email).await?.is_some() {
        return Err(Error::Invalid(
            "Er is al een account met dit e-mailadres.".into(),
        ));
    }
    let id = Uuid::new_v4();
    let sql = "INSERT INTO users (id, email, name, password_hash, role, gemeente_code, disabled, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    on_pool!(db, p => sqlx::query(sql)
        .bind(id).bind(&email).bind(name.trim()).bind(password_hash).bind(role.code())
        .bind(gemeente).bind(false).bind(Utc::now())
        .execute(p).await.map(drop)?);
    Ok(id)
}

/// Sets the name a user is greeted and shown by.
pub async fn rename_user(db: &Db, user: Uuid, name: &str) -> Result<()> {
    let sql = "UPDATE users SET name = $1 WHERE id = $2";
    on_pool!(db, p => sqlx::query(sql).bind(name.trim()).bind(user).execute(p).await.map(drop)?);
    Ok(())
}

/// The user with this e-mail address.
pub async fn find_user(db: &Db, email: &str) -> Result<Option<UserRecord>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
    let email = email.trim().to_lowercase();
    let row: Option<UserRow> = on_pool!(db, p =>
        sqlx::query_as::<_, UserRow>(&sql).bind(&email).fetch_optional(p).await?);
    Ok(row.and_then(UserRow::into_record))
}

/// The user with this id.
pub async fn user_by_id(db: &Db, user: Uuid) -> Result<Option<UserRecord>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row: Option<UserRow> = on_pool!(db, p =>
        sqlx::query_as::<_, UserRow>(&sql).bind(user).fetch_optional(p).await?);
    Ok(row.and_then(UserRow::into_record))
}

/// Sets a new password hash.
pub async fn set_password_hash(db: &Db, user: Uuid, hash: &str) -> Result<()> {
    let sql = "UPDATE users SET password_hash = $2 WHERE id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(user).bind(hash).execute(p).await.map(drop)?);
    Ok(())
}

/// Lets a user manage an organisation.
pub async fn link_user_organisation(db: &Db, user: Uuid, organisation: Uuid) -> Result<()> {
    let sql = "INSERT INTO user_organizations (user_id, organization_id) VALUES ($1, $2) \
        ON CONFLICT DO NOTHING";
    on_pool!(db, p => sqlx::query(sql).bind(user).bind(organisation).execute(p).await.map(drop)?);
    Ok(())
}

/// The organisations a user manages.
pub async fn user_organisations(db: &Db, user: Uuid) -> Result<Vec<Uuid>> {
    let sql = "SELECT organization_id FROM user_organizations WHERE user_id = $1";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(user).fetch_all(p).await?))
}

/// The gemeente of an organisation (its first location).
pub async fn organisation_gemeente(db: &Db, organisation: Uuid) -> Result<Option<String>> {
    let sql = "SELECT gemeente_code FROM locations WHERE organization_id = $1 \
        AND gemeente_code IS NOT NULL ORDER BY id LIMIT 1";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).fetch_optional(p).await?))
}

/// The locations of an organisation.
pub async fn organisation_locations(db: &Db, organisation: Uuid) -> Result<Vec<Uuid>> {
    let sql = "SELECT id FROM locations WHERE organization_id = $1 ORDER BY id";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).fetch_all(p).await?))
}

/// Stores a session (by the hash of its cookie value).
pub async fn create_session(
    db: &Db,
    id_hash: &str,
    user: Uuid,
    csrf: &str,
    lifetime: Duration,
) -> Result<()> {
    let now = Utc::now();
    let sql = "INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
    on_pool!(db, p => sqlx::query(sql)
        .bind(id_hash).bind(user).bind(csrf).bind(now).bind(now + lifetime)
        .execute(p).await.map(drop)?);
    Ok(())
}

/// The user and CSRF token of a live session.
pub async fn session_user(db: &Db, id_hash: &str) -> Result<Option<(UserRecord, String)>> {
    let sql =
        "SELECT u.id, u.email, u.name, u.password_hash, u.role, u.gemeente_code, u.disabled, \
        s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1";
    type Row = (
        Uuid,
        String,
        String,
        String,
        String,
        Option<String>,
        bool,
        String,
        DateTime<Utc>,
    );
    let row: Option<Row> =
        on_pool!(db, p => sqlx::query_as(sql).bind(id_hash).fetch_optional(p).await?);
    let Some((id, email, name, password_hash, role, gemeente_code, disabled, csrf, expires)) = row
    else {
        return Ok(None);
    };
    if expires < Utc::now() || disabled {
        return Ok(None);
    }
    let record = UserRow {
        id,
        email,
        name,
        password_hash,
        role,
        gemeente_code,
        disabled,
    }
    .into_record();
    Ok(record.map(|r| (r, csrf)))
}

/// Ends one session.
pub async fn delete_session(db: &Db, id_hash: &str) -> Result<()> {
    let sql = "DELETE FROM sessions WHERE id_hash = $1";
    on_pool!(db, p => sqlx::query(sql).bind(id_hash).execute(p).await.map(drop)?);
    Ok(())
}

/// Ends every session of a user (after a password change).
pub async fn delete_user_sessions(db: &Db, user: Uuid) -> Result<()> {
    let sql = "DELETE FROM sessions WHERE user_id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(user).execute(p).await.map(drop)?);
    Ok(())
}

/// Stores a one-time token (by hash).
pub async fn create_token(
    db: &Db,
    token_hash: &str,
    user: Uuid,
    purpose: &str,
    lifetime: Duration,
) -> Result<()> {
    let sql = "INSERT INTO auth_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)";
    on_pool!(db, p => sqlx::query(sql)
        .bind(token_hash).bind(user).bind(purpose).bind(Utc::now() + lifetime)
        .execute(p).await.map(drop)?);
    Ok(())
}

/// Uses a one-time token: the user it belongs to, once; `None` when unknown, used or expired.
pub async fn use_token(db: &Db, token_hash: &str) -> Result<Option<Uuid>> {
    let now = Utc::now();
    // One statement, so two clicks on the same link cannot both succeed.
    let sql = "UPDATE auth_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL \
        AND expires_at > $2 RETURNING user_id";
    Ok(
        on_pool!(db, p => sqlx::query_scalar(sql).bind(token_hash).bind(now).fetch_optional(p).await?),
    )
}

/// Writes one line to the audit log.
pub async fn audit(
    db: &Db,
    user: Option<Uuid>,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: &str,
) -> Result<()> {
    let mut tx = db.begin().await?;
    audit_in(&mut tx, user, action, entity, entity_id, detail).await?;
    tx.commit().await
}

const AUDIT_INSERT: &str =
    "INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, detail) \
    VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// [`audit`] inside the caller's transaction: the change and its audit entry land together.
pub(crate) async fn audit_in(
    tx: &mut super::Tx,
    user: Option<Uuid>,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: &str,
) -> Result<()> {
    on_tx!(tx, t => sqlx::query(AUDIT_INSERT)
        .bind(Uuid::new_v4()).bind(Utc::now()).bind(user).bind(action).bind(entity)
        .bind(entity_id).bind(detail)
        .execute(t).await.map(drop)?);
    Ok(())
}

/// The audit log of one thing, newest first: (when, user e-mail, action, detail).
pub async fn audit_trail(
    db: &Db,
    entity: &str,
    entity_id: &str,
) -> Result<Vec<(DateTime<Utc>, Option<String>, String, String)>> {
    let sql = "SELECT a.at, u.email, a.action, a.detail FROM audit_log a \
        LEFT JOIN users u ON u.id = a.user_id WHERE a.entity = $1 AND a.entity_id = $2 ORDER BY a.at DESC";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(entity).bind(entity_id).fetch_all(p).await?))
}

/// Counts one request of `key` in `bucket` and says whether it stays within `max` per
/// `window`. Old rows of the bucket go first, so the table stays small.
pub async fn rate_allow(
    db: &Db,
    bucket: &str,
    key: &str,
    max: i64,
    window: Duration,
) -> Result<bool> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("DELETE FROM rate_events WHERE bucket = $1 AND at < $2")
        .bind(bucket).bind(now - window).execute(t).await.map(drop)?);
    let sql = "SELECT COUNT(*) FROM rate_events WHERE bucket = $1 AND key_hash = $2";
    let seen: i64 =
        on_tx!(&mut tx, t => sqlx::query_scalar(sql).bind(bucket).bind(key).fetch_one(t).await?);
    let allowed = seen < max;
    if allowed {
        let sql = "INSERT INTO rate_events (bucket, key_hash, at) VALUES ($1, $2, $3)";
        on_tx!(&mut tx, t => sqlx::query(sql).bind(bucket).bind(key).bind(now).execute(t).await.map(drop)?);
    }
    tx.commit().await?;
    Ok(allowed)
}

/// E-mail addresses of the providers of an organisation.
pub async fn organisation_manager_emails(db: &Db, organisation: Uuid) -> Result<Vec<String>> {
    let sql = "SELECT u.email FROM users u JOIN user_organizations uo ON uo.user_id = u.id \
        WHERE uo.organization_id = $1 AND u.role = 'provider' AND u.disabled = $2 ORDER BY u.email";
    Ok(
        on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).bind(false).fetch_all(p).await?),
    )
}

/// E-mail addresses of the coordinators of a gemeente.
pub async fn coordinator_emails(db: &Db, gemeente: Option<&str>) -> Result<Vec<String>> {
    let sql =
        "SELECT email FROM users WHERE role = 'coordinator' AND gemeente_code = $1 ORDER BY email";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(gemeente).fetch_all(p).await?))
}

/// E-mail address of a user.
pub async fn user_email(db: &Db, user: Uuid) -> Result<Option<String>> {
    let sql = "SELECT email FROM users WHERE id = $1";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(user).fetch_optional(p).await?))
}
