//! Sign-up requests ("ik doe mee") and volunteer roles that fit talents ("ik kan iets").

use chrono::Utc;
use uuid::Uuid;

use super::sql::placeholders;
use super::{on_pool, Db};
use crate::Result;

/// Stores a sign-up request for an offer; the offer must exist and be active.
pub async fn save_signup(
    db: &Db,
    service: Uuid,
    name: &str,
    contact: &str,
    message: &str,
) -> Result<Option<Uuid>> {
    let active: Option<String> = on_pool!(db, p => sqlx::query_scalar("SELECT status FROM services WHERE id = $1").bind(service).fetch_optional(p).await?);
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

/// An open volunteer role with where it is and which talents fit.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RoleRow {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub organisation: String,
    pub minimum_age: Option<i32>,
    pub maximum_age: Option<i32>,
    pub time_commitment: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub address_1: Option<String>,
    pub city: Option<String>,
    pub service_id: Option<Uuid>,
    pub waiting_list: Option<i32>,
}

/// Open roles that fit at least one of the talent codes, with the codes that fit each.
pub async fn roles_for_talents(db: &Db, talents: &[String]) -> Result<Vec<(RoleRow, Vec<String>)>> {
    if talents.is_empty() {
        return Ok(Vec::new());
    }
    let list = placeholders(talents.len());
    let sql = format!(
        "SELECT DISTINCT n.id, t.code FROM needs n JOIN need_talents nt ON nt.need_id = n.id \
         JOIN taxonomy_terms t ON t.id = nt.term_id WHERE n.status = 'open' AND t.taxonomy = 'talent' AND t.code IN ({list})"
    );
    let matches: Vec<(Uuid, String)> = on_pool!(db, p => {
        let mut q = sqlx::query_as(&sql);
        for t in talents { q = q.bind(t); }
        q.fetch_all(p).await?
    });
    let mut ids: Vec<Uuid> = matches.iter().map(|m| m.0).collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = placeholders(ids.len());
    let sql = format!(
        "SELECT n.id, n.title, n.description, o.name AS organisation, n.minimum_age, n.maximum_age, \
         n.time_commitment, l.latitude, l.longitude, l.address_1, l.city, n.service_id, s.waiting_list \
         FROM needs n JOIN organizations o ON o.id = n.organization_id \
         LEFT JOIN locations l ON l.id = n.location_id LEFT JOIN services s ON s.id = n.service_id \
         WHERE n.id IN ({list})"
    );
    let rows: Vec<RoleRow> = on_pool!(db, p => {
        let mut q = sqlx::query_as(&sql);
        for id in &ids { q = q.bind(id); }
        q.fetch_all(p).await?
    });
    Ok(rows
        .into_iter()
        .map(|r| {
            let fits = matches
                .iter()
                .filter(|m| m.0 == r.id)
                .map(|m| m.1.clone())
                .collect();
            (r, fits)
        })
        .collect())
}
