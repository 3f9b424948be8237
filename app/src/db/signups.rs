//! Sign-up requests ("ik doe mee").

use chrono::Utc;
use uuid::Uuid;

use super::{on_pool, Db};
use crate::Result;

/// Stores a sign-up request for an offer; the offer must be published and active.
pub async fn save_signup(
    db: &Db,
    service: Uuid,
    name: &str,
    contact: &str,
    message: &str,
) -> Result<Option<Uuid>> {
    let sql = format!(
        "SELECT s.status FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE s.id = $1 AND {}",
        super::PUBLISHED
    );
    let active: Option<String> =
        on_pool!(db, p => sqlx::query_scalar(&sql).bind(service).fetch_optional(p).await?);
    if active.as_deref() != Some("active") {
        return Ok(None);
    }
    let id = Uuid::new_v4();
    let sql = "INSERT INTO signup_requests (id, service_id, name, contact, message, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(service).bind(name).bind(contact).bind(message).bind(Utc::now())
        .execute(p).await.map(drop)?);
    Ok(Some(id))
}

/// Number of sign-up requests for an offer (for tests and, later, the provider's inbox).
pub async fn count_signups(db: &Db, service: Uuid) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM signup_requests WHERE service_id = $1";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(service).fetch_one(p).await?))
}
