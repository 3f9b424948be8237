//! What the self-service editors read and write besides offers: an organisation's locations
//! and needs. Writes go through `save_dataset`, so the change log and the index follow.

use uuid::Uuid;

use super::dataset::{save_dataset, Dataset, LocationRecord, NeedRecord};
use super::load::{NeedRow, NEED_COLUMNS};
use super::{on_pool, on_tx, Db};
use crate::Result;

/// "Name, address, postcode" of each location of an organisation.
pub async fn location_labels(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, String)>> {
    Ok(locations_of(db, organisation)
        .await?
        .into_iter()
        .map(|(l, _)| (l.id, location_label(&l)))
        .collect())
}

/// "Name, address, postcode".
pub fn location_label(l: &LocationRecord) -> String {
    [
        l.name.as_str(),
        l.address_1.as_str(),
        l.postal_code.as_str(),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// The locations of an organisation with their wijk code.
pub async fn locations_of(
    db: &Db,
    organisation: Uuid,
) -> Result<Vec<(LocationRecord, Option<String>)>> {
    type Row = (
        Uuid,
        String,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        String,
    );
    let sql = "SELECT id, name, address_1, postal_code, city, accessibility, transportation, \
        wijk_code, access FROM locations WHERE organization_id = $1 ORDER BY name, id";
    let rows: Vec<Row> =
        on_pool!(db, p => sqlx::query_as(sql).bind(organisation).fetch_all(p).await?);
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                LocationRecord {
                    id: r.0,
                    organization_id: organisation,
                    name: r.1,
                    address_1: r.2,
                    postal_code: r.3,
                    city: r.4,
                    accessibility: r.5,
                    transportation: r.6,
                    access: r.8,
                    ..Default::default()
                },
                r.7,
            )
        })
        .collect())
}

/// One location with its organisation, or `None`.
pub async fn location(db: &Db, id: Uuid) -> Result<Option<LocationRecord>> {
    let sql = "SELECT organization_id FROM locations WHERE id = $1";
    let org: Option<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(id).fetch_optional(p).await?);
    let Some(org) = org else { return Ok(None) };
    Ok(locations_of(db, org)
        .await?
        .into_iter()
        .map(|(l, _)| l)
        .find(|l| l.id == id))
}

/// Saves a location; the offers there are re-indexed (their place may have moved). Keeps the
/// HSDS fields an import brought, and exact coordinates while the postcode stays the same (a
/// new postcode is placed at its centre).
pub async fn save_location(db: &Db, mut location: LocationRecord) -> Result<()> {
    let sql = "SELECT postal_code, latitude, longitude, hsds_extra FROM locations WHERE id = $1";
    type Row = (String, Option<f64>, Option<f64>, String);
    let old: Option<Row> =
        on_pool!(db, p => sqlx::query_as(sql).bind(location.id).fetch_optional(p).await?);
    if let Some((postcode, lat, lon, extra)) = old {
        let same = |a: &str, b: &str| {
            a.split_whitespace().collect::<String>().to_uppercase()
                == b.split_whitespace().collect::<String>().to_uppercase()
        };
        if same(&postcode, &location.postal_code) {
            (location.latitude, location.longitude) = (lat, lon);
        }
        location.extra = extra;
    }
    save_dataset(
        db,
        &Dataset {
            locations: vec![location],
            ..Default::default()
        },
    )
    .await
}

/// The needs of an organisation: (id, title, open).
pub async fn needs_of(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, String, bool)>> {
    let sql = "SELECT id, title, status = 'open' FROM needs WHERE organization_id = $1 \
        ORDER BY status DESC, title";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(organisation).fetch_all(p).await?))
}

/// One need with whether it is open, or `None`.
pub async fn need(db: &Db, id: Uuid) -> Result<Option<(NeedRecord, bool)>> {
    let sql = format!("SELECT {NEED_COLUMNS} FROM needs WHERE id = $1");
    let row: Option<NeedRow> =
        on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?);
    let Some(row) = row else { return Ok(None) };
    let sql = "SELECT t.code FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id \
        WHERE nt.need_id = $1 ORDER BY t.code";
    let talents: Vec<String> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(id).fetch_all(p).await?);
    let open = row.status == "open";
    Ok(Some((row.record(talents), open)))
}

/// Saves a need and whether it is open (a closed need is no longer proposed to anyone).
pub async fn save_need(db: &Db, need: NeedRecord, open: bool) -> Result<()> {
    let id = need.id;
    save_dataset(
        db,
        &Dataset {
            needs: vec![need],
            ..Default::default()
        },
    )
    .await?;
    // The status and its log entry in one transaction: a role that closes leaves search.
    let sql = "UPDATE needs SET status = $2 WHERE id = $1";
    let status = if open { "open" } else { "closed" };
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query(sql).bind(id).bind(status).execute(t).await.map(drop)?);
    super::outbox::log_services(&mut tx, &[id]).await?;
    tx.commit().await
}

/// The offers of an organisation: (id, name).
pub async fn offers_of(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, String)>> {
    let sql = "SELECT id, name FROM services WHERE organization_id = $1 ORDER BY name, id";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(organisation).fetch_all(p).await?))
}
