//! The one visibility rule: an offer is *published* when its organisation has been approved
//! (not pending, not archived). The offer page, sign-ups, the
//! HSDS API and the export use this; the search index gets the same rule through
//! `index_documents` (an unapproved organisation's offers are indexed as not active).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{on_pool, Db};
use crate::Result;

/// SQL condition on `organizations o`: its offers may be shown to anyone. (Stopped offers stay
/// in the open data with their HSDS status; only the offer page hides them.)
pub const PUBLISHED: &str = "o.review_status = 'approved'";

/// True when the offer exists and is published.
pub async fn is_published(db: &Db, service: Uuid) -> Result<bool> {
    let sql = format!(
        "SELECT COUNT(*) FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE s.id = $1 AND {PUBLISHED}"
    );
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(&sql).bind(service).fetch_one(p).await?);
    Ok(n > 0)
}

/// True when the organisation exists and is approved.
pub async fn is_published_organisation(db: &Db, organisation: Uuid) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM organizations WHERE id = $1 AND review_status = 'approved'";
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).fetch_one(p).await?);
    Ok(n > 0)
}

/// Published offers in a stable order (by name, then id), optionally of one organisation or
/// changed after a moment; ids only, for paging.
pub async fn published_service_ids(
    db: &Db,
    organisation: Option<Uuid>,
    modified_after: Option<DateTime<Utc>>,
) -> Result<Vec<Uuid>> {
    let sql = format!(
        "SELECT s.id FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE {PUBLISHED} AND ($1 IS NULL OR s.organization_id = $1) \
         AND ($2 IS NULL OR s.updated_at >= $2) ORDER BY s.name, s.id"
    );
    Ok(
        on_pool!(db, p => sqlx::query_scalar(&sql).bind(organisation).bind(modified_after).fetch_all(p).await?),
    )
}

/// Published offers with how many locations each has, in the order of
/// [`published_service_ids`]: enough to page over (offer, location) pairs without loading them.
pub async fn published_location_counts(db: &Db) -> Result<Vec<(Uuid, i64)>> {
    let sql = format!(
        "SELECT s.id, COUNT(sal.location_id) FROM services s JOIN organizations o ON o.id = s.organization_id \
         JOIN service_at_locations sal ON sal.service_id = s.id WHERE {PUBLISHED} \
         GROUP BY s.id, s.name ORDER BY s.name, s.id"
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).fetch_all(p).await?))
}

/// Approved organisations: how many there are, and the ids of one page of them by name.
pub async fn published_organisation_page(
    db: &Db,
    offset: usize,
    limit: usize,
) -> Result<(u64, Vec<Uuid>)> {
    let count = "SELECT COUNT(*) FROM organizations WHERE review_status = 'approved'";
    let total: i64 = on_pool!(db, p => sqlx::query_scalar(count).fetch_one(p).await?);
    let sql = "SELECT id FROM organizations WHERE review_status = 'approved' \
               ORDER BY name, id LIMIT $1 OFFSET $2";
    let (limit, offset) = (
        i64::try_from(limit).unwrap_or(i64::MAX),
        i64::try_from(offset).unwrap_or(i64::MAX),
    );
    let ids: Vec<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(limit).bind(offset).fetch_all(p).await?);
    Ok((total.max(0) as u64, ids))
}

/// Every approved organisation (for the export).
pub async fn published_organisations(db: &Db) -> Result<HashSet<Uuid>> {
    let sql = "SELECT id FROM organizations WHERE review_status = 'approved'";
    let ids: Vec<Uuid> = on_pool!(db, p => sqlx::query_scalar(sql).fetch_all(p).await?);
    Ok(ids.into_iter().collect())
}
