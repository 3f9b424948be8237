//! What coordinators moderate: reports from residents, new organisations, claims.

use chrono::Utc;
use uuid::Uuid;

use super::dataset::{save_dataset, Dataset, LocationRecord, OrganisationRecord};
use super::{on_pool, on_tx, outbox, Db};
use crate::domain::Role;
use crate::{Error, Result};

/// Stores a "klopt er iets niet?" report about an offer.
pub async fn save_report(db: &Db, offer: Uuid, message: &str) -> Result<()> {
    let sql = "INSERT INTO reports (id, service_id, message, status, created_at) \
        SELECT $1, id, $3, 'open', $4 FROM services WHERE id = $2";
    let inserted = on_pool!(db, p => sqlx::query(sql)
        .bind(Uuid::new_v4()).bind(offer).bind(message).bind(Utc::now())
        .execute(p).await?.rows_affected());
    if inserted == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// SQL that limits to a coordinator's gemeente ($1 = the user's id), or nothing for an admin.
fn scope(role: Role, organisation_column: &str) -> String {
    match role {
        Role::Admin => "$1 = $1".into(),
        _ => format!(
            "EXISTS (SELECT 1 FROM locations l JOIN users u ON u.id = $1 \
             WHERE l.organization_id = {organisation_column} AND l.gemeente_code = u.gemeente_code)"
        ),
    }
}

/// What waits for a moderator's decision, in records.
#[derive(Debug, Clone, Default)]
pub struct QueueRecords {
    /// Open reports: (id, offer id, offer name, message sealed, when).
    pub reports: Vec<(Uuid, Uuid, String, String, chrono::DateTime<Utc>)>,
    /// Pending organisations: (id, name, description).
    pub organisations: Vec<(Uuid, String, String)>,
    /// Pending claims: (id, organisation name, e-mail of the claimant, message).
    pub claims: Vec<(Uuid, String, String, String)>,
}

/// Open reports, pending organisations and claims that the user with `role` (a coordinator:
/// their gemeente; an admin: all) may decide on.
pub async fn queue(db: &Db, role: Role, user: Uuid) -> Result<QueueRecords> {
    let sql = format!(
        "SELECT r.id, s.id, s.name, r.message, r.created_at FROM reports r \
         JOIN services s ON s.id = r.service_id WHERE r.status = 'open' AND {} \
         ORDER BY r.created_at",
        scope(role, "s.organization_id")
    );
    let reports = on_pool!(db, p => sqlx::query_as(&sql).bind(user).fetch_all(p).await?);
    let sql = format!(
        "SELECT o.id, o.name, o.description FROM organizations o WHERE o.review_status = 'pending' AND {} \
         ORDER BY o.name",
        scope(role, "o.id")
    );
    let organisations = on_pool!(db, p => sqlx::query_as(&sql).bind(user).fetch_all(p).await?);
    let sql = format!(
        "SELECT c.id, o.name, u.email, c.message FROM claims c JOIN organizations o ON o.id = c.organization_id \
         JOIN users u ON u.id = c.user_id WHERE c.status = 'pending' AND {} ORDER BY c.created_at",
        scope(role, "o.id")
    );
    let claims = on_pool!(db, p => sqlx::query_as(&sql).bind(user).fetch_all(p).await?);
    Ok(QueueRecords {
        reports,
        organisations,
        claims,
    })
}

/// The organisation a report, claim or pending organisation is about.
pub async fn subject_organisation(db: &Db, kind: &str, id: Uuid) -> Result<Uuid> {
    let sql = match kind {
        "report" => "SELECT s.organization_id FROM reports r JOIN services s ON s.id = r.service_id WHERE r.id = $1",
        "claim" => "SELECT organization_id FROM claims WHERE id = $1",
        _ => "SELECT id FROM organizations WHERE id = $1",
    };
    let org: Option<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(id).fetch_optional(p).await?);
    org.ok_or(Error::NotFound)
}

/// Marks a report as handled.
pub async fn close_report(db: &Db, report: Uuid) -> Result<()> {
    let sql = "UPDATE reports SET status = 'done' WHERE id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(report).execute(p).await.map(drop)?);
    Ok(())
}

/// Approves or archives a new organisation; its offers enter or leave search at once.
pub async fn decide_organisation(db: &Db, organisation: Uuid, approve: bool) -> Result<()> {
    let status = if approve { "approved" } else { "archived" };
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("UPDATE organizations SET review_status = $2 WHERE id = $1")
        .bind(organisation).bind(status).execute(t).await.map(drop)?);
    outbox::log_dependents(&mut tx, Some(organisation), None).await?;
    tx.commit().await
}

/// Approves (links the user) or rejects a claim.
pub async fn decide_claim(db: &Db, claim: Uuid, approve: bool, by: Uuid) -> Result<()> {
    let status = if approve { "approved" } else { "rejected" };
    let mut tx = db.begin().await?;
    let sql = "UPDATE claims SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'";
    let changed = on_tx!(&mut tx, t => sqlx::query(sql)
        .bind(claim).bind(status).bind(by).bind(Utc::now()).execute(t).await?.rows_affected());
    if changed == 0 {
        return Err(Error::NotFound);
    }
    if approve {
        let sql = "INSERT INTO user_organizations (user_id, organization_id) \
            SELECT user_id, organization_id FROM claims WHERE id = $1 ON CONFLICT DO NOTHING";
        on_tx!(&mut tx, t => sqlx::query(sql).bind(claim).execute(t).await.map(drop)?);
    }
    tx.commit().await
}

/// Asks to manage an existing organisation.
pub async fn create_claim(db: &Db, user: Uuid, organisation: Uuid, message: &str) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO claims (id, user_id, organization_id, message, status, created_at) \
        SELECT $1, $2, id, $4, 'pending', $5 FROM organizations WHERE id = $3";
    let inserted = on_pool!(db, p => sqlx::query(sql)
        .bind(id).bind(user).bind(organisation).bind(message).bind(Utc::now())
        .execute(p).await?.rows_affected());
    if inserted == 0 {
        return Err(Error::NotFound);
    }
    Ok(id)
}

/// Organisations whose name contains `words`, to claim one (at most ten).
pub async fn find_organisations(db: &Db, words: &str) -> Result<Vec<(Uuid, String)>> {
    let words = words.trim().to_lowercase();
    if words.chars().count() < 3 {
        return Ok(Vec::new());
    }
    let sql = "SELECT id, name FROM organizations WHERE review_status = 'approved' \
        AND LOWER(name) LIKE $1 ORDER BY name LIMIT 10";
    let pattern = format!("%{}%", words.replace(['%', '_'], ""));
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(&pattern).fetch_all(p).await?))
}

/// A provider registers a new organisation (name, description, contact of `organisation`) with
/// its first place; it waits for a coordinator. The id and source are set here.
pub async fn register_organisation(
    db: &Db,
    user: Uuid,
    organisation: OrganisationRecord,
    address: &str,
    postcode: &str,
    city: &str,
) -> Result<Uuid> {
    let organisation = OrganisationRecord {
        id: Uuid::new_v4(),
        source: "provider".into(),
        ..organisation
    };
    let name = organisation.name.clone();
    let location = LocationRecord {
        id: Uuid::new_v4(),
        organization_id: organisation.id,
        name,
        address_1: address.into(),
        postal_code: postcode.into(),
        city: city.into(),
        ..Default::default()
    };
    let id = organisation.id;
    save_dataset(
        db,
        &Dataset {
            organisations: vec![organisation],
            locations: vec![location],
            ..Default::default()
        },
    )
    .await?;
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("UPDATE organizations SET review_status = 'pending' WHERE id = $1")
        .bind(id).execute(t).await.map(drop)?);
    on_tx!(&mut tx, t => sqlx::query("INSERT INTO user_organizations (user_id, organization_id) VALUES ($1, $2)")
        .bind(user).bind(id).execute(t).await.map(drop)?);
    tx.commit().await?;
    Ok(id)
}

/// Merges a duplicate into the organisation that stays: its offers, places and needs move over,
/// the duplicate is archived (kept, never shown), and the index hears of it. Its managers do
/// not become managers of the other organisation by a merge: they get a pending claim, so a
/// fake duplicate can never take over a listing.
pub async fn merge_organisations(db: &Db, keep: Uuid, duplicate: Uuid) -> Result<()> {
    if keep == duplicate {
        return Err(Error::Invalid(
            "Een organisatie kan niet met zichzelf samengaan.".into(),
        ));
    }
    let mut tx = db.begin().await?;
    for sql in [
        "UPDATE services SET organization_id = $1 WHERE organization_id = $2",
        "UPDATE locations SET organization_id = $1 WHERE organization_id = $2",
        "UPDATE needs SET organization_id = $1 WHERE organization_id = $2",
        "UPDATE organizations SET review_status = 'archived' WHERE id = $2 AND $1 = $1",
    ] {
        on_tx!(&mut tx, t => sqlx::query(sql).bind(keep).bind(duplicate).execute(t).await.map(drop)?);
    }
    let managers: Vec<Uuid> = on_tx!(&mut tx, t => sqlx::query_scalar(
        "SELECT user_id FROM user_organizations WHERE organization_id = $1")
        .bind(duplicate).fetch_all(t).await?);
    for user in managers {
        let sql = "INSERT INTO claims (id, user_id, organization_id, message, status, created_at) \
            VALUES ($1, $2, $3, 'samengevoegd', 'pending', $4)";
        on_tx!(&mut tx, t => sqlx::query(sql)
            .bind(Uuid::new_v4()).bind(user).bind(keep).bind(Utc::now())
            .execute(t).await.map(drop)?);
    }
    outbox::log_dependents(&mut tx, Some(keep), None).await?;
    tx.commit().await
}
