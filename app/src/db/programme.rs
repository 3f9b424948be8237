//! What public organisation and location pages show: the place, its offers with their times
//! and closures (those go through `offers::slots_of`), and the roles of its organisation.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{on_pool, Db};
use crate::Result;

/// An approved organisation as its public page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationPageRecord {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub last_verified_on: Option<NaiveDate>,
}

/// A location of an approved organisation as its public page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LocationPageRecord {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub address_1: String,
    pub city: String,
    pub postal_code: String,
    pub accessibility: String,
    pub wijk_code: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// An approved organisation; `None` otherwise.
pub async fn organisation_page(db: &Db, id: Uuid) -> Result<Option<OrganisationPageRecord>> {
    let sql = format!(
        "SELECT o.id, o.name, o.description, o.email, o.phone, o.website, o.last_verified_on \
         FROM organizations o WHERE o.id = $1 AND {}",
        super::PUBLISHED
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// A location of an approved organisation; `None` otherwise.
pub async fn location_page(db: &Db, id: Uuid) -> Result<Option<LocationPageRecord>> {
    let sql = format!(
        "SELECT l.id, l.organization_id AS organisation_id, l.name, \
         COALESCE(l.address_1, '') AS address_1, COALESCE(l.city, '') AS city, \
         COALESCE(l.postal_code, '') AS postal_code, COALESCE(l.accessibility, '') AS accessibility, \
         l.wijk_code, l.latitude, l.longitude \
         FROM locations l JOIN organizations o ON o.id = l.organization_id \
         WHERE l.id = $1 AND {}",
        super::PUBLISHED
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// The locations of an organisation: (id, name, street and city).
pub async fn locations_named(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, String, String)>> {
    let sql = "SELECT id, name, TRIM(COALESCE(address_1, '') || ' ' || COALESCE(city, '')) \
        FROM locations WHERE organization_id = $1 ORDER BY name, id";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(organisation).fetch_all(p).await?))
}

/// The active offers at a location, or of an organisation (published only), by name:
/// (id, name). At most 200: a notice board has room for a week, not a catalogue.
pub async fn offers_at(
    db: &Db,
    location: Option<Uuid>,
    organisation: Option<Uuid>,
) -> Result<Vec<(Uuid, String)>> {
    let sql = format!(
        "SELECT s.id, s.name FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE s.status = 'active' AND {} \
         AND ($1 IS NULL OR EXISTS (SELECT 1 FROM service_at_locations sal \
              WHERE sal.service_id = s.id AND sal.location_id = $1)) \
         AND ($2 IS NULL OR s.organization_id = $2) ORDER BY s.name, s.id LIMIT 200",
        super::PUBLISHED
    );
    Ok(
        on_pool!(db, p => sqlx::query_as(&sql).bind(location).bind(organisation).fetch_all(p).await?),
    )
}

/// Closures of these offers that end on or after `today`: (offer, first day, last day, why).
pub async fn closures_of(
    db: &Db,
    ids: &[Uuid],
    today: NaiveDate,
) -> Result<Vec<(Uuid, NaiveDate, NaiveDate, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT service_id, starts_on, ends_on, description FROM service_closures \
         WHERE service_id IN ({}) AND ends_on >= ${} ORDER BY starts_on, service_id",
        super::sql::placeholders(ids.len()),
        ids.len() + 1
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        q.bind(today).fetch_all(p).await?
    }))
}
