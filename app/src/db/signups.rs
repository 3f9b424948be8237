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
    // Only where someone reads it: not for walk-in offers, not for organisations without an
    // account (a sign-up there would wait forever).
    let sql = format!(
        "SELECT s.status FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE s.id = $1 AND {} \
         AND EXISTS (SELECT 1 FROM user_organizations uo WHERE uo.organization_id = o.id) \
         AND NOT EXISTS (SELECT 1 FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id \
             WHERE st.service_id = s.id AND t.taxonomy = 'kenmerk' AND t.code = '{}')",
        super::PUBLISHED,
        super::WALK_IN
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
