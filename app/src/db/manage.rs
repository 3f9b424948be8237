//! What providers and coordinators maintain: their organisations' freshness, waiting lists,
//! sign-up requests, and needs proposed from a waiting list.

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, outbox, taxonomy::term_id, Db};
use crate::domain::Role;
use crate::{Error, Result};

/// The organisations a user looks after: a provider's own; a coordinator's gemeente, oldest
/// check first (the overdue list); everything for an admin. At most 200. (id, name, last check)
pub async fn managed_organisations(
    db: &Db,
    role: Role,
    user: Uuid,
) -> Result<Vec<(Uuid, String, Option<NaiveDate>, String)>> {
    let sql = match role {
        Role::Provider => {
            "SELECT o.id, o.name, o.last_verified_on, o.review_status FROM organizations o \
             JOIN user_organizations uo ON uo.organization_id = o.id WHERE uo.user_id = $1 \
             AND o.review_status <> 'archived' ORDER BY o.name LIMIT 200"
        }
        Role::Coordinator => {
            "SELECT o.id, o.name, o.last_verified_on, o.review_status FROM organizations o WHERE o.review_status <> 'archived' \
             AND EXISTS (SELECT 1 FROM locations l, users u WHERE l.organization_id = o.id \
             AND u.id = $1 AND l.gemeente_code = u.gemeente_code) \
             ORDER BY o.last_verified_on, o.name LIMIT 200"
        }
        Role::Admin => {
            "SELECT o.id, o.name, o.last_verified_on, o.review_status FROM organizations o WHERE $1 = $1 \
             AND o.review_status <> 'archived' ORDER BY o.last_verified_on, o.name LIMIT 200"
        }
        Role::Professional => return Ok(Vec::new()),
    };
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(user).fetch_all(p).await?))
}

/// An offer with what its provider keeps up to date.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StockRecord {
    pub id: Uuid,
    pub name: String,
    pub waiting_list: i32,
    pub capacity: Option<i32>,
    /// A need for this offer is open.
    pub has_open_need: bool,
}

/// The offers of an organisation with their waiting lists, by name.
pub async fn stock_of(db: &Db, organisation: Uuid) -> Result<Vec<StockRecord>> {
    let sql = "SELECT s.id, s.name, s.waiting_list, s.capacity, \
        EXISTS (SELECT 1 FROM needs n WHERE n.service_id = s.id AND n.status = 'open') AS has_open_need \
        FROM services s WHERE s.organization_id = $1 ORDER BY s.name";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(organisation).fetch_all(p).await?))
}

/// A resident's request to join an offer (texts sealed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignupRecord {
    pub id: Uuid,
    pub offer: String,
    pub name_sealed: String,
    pub contact_sealed: String,
    pub message_sealed: String,
    pub status: String,
    pub created_at: chrono::DateTime<Utc>,
}

/// The sign-up requests to an organisation's offers, newest first.
pub async fn signups_of(db: &Db, organisation: Uuid) -> Result<Vec<SignupRecord>> {
    let sql = "SELECT r.id, s.name AS offer, r.name AS name_sealed, r.contact AS contact_sealed, \
        r.message AS message_sealed, r.status, r.created_at \
        FROM signup_requests r JOIN services s ON s.id = r.service_id \
        WHERE s.organization_id = $1 ORDER BY r.created_at DESC";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(organisation).fetch_all(p).await?))
}

/// The organisation an offer belongs to.
pub async fn offer_organisation(db: &Db, offer: Uuid) -> Result<Uuid> {
    let sql = "SELECT organization_id FROM services WHERE id = $1";
    let org: Option<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(offer).fetch_optional(p).await?);
    org.ok_or(Error::NotFound)
}

/// The organisation a sign-up request went to.
pub async fn signup_organisation(db: &Db, signup: Uuid) -> Result<Uuid> {
    let sql = "SELECT s.organization_id FROM signup_requests r JOIN services s ON s.id = r.service_id WHERE r.id = $1";
    let org: Option<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(signup).fetch_optional(p).await?);
    org.ok_or(Error::NotFound)
}

/// Sets the status of a sign-up request (the caller checked it is one of the statuses).
pub async fn set_signup_status(db: &Db, signup: Uuid, status: &str) -> Result<()> {
    let sql = "UPDATE signup_requests SET status = $2 WHERE id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(signup).bind(status).execute(p).await.map(drop)?);
    Ok(())
}

/// "Alles klopt nog": the organisation and all its offers are checked today.
pub async fn confirm_still_correct(db: &Db, organisation: Uuid) -> Result<()> {
    let today = Utc::now().date_naive();
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("UPDATE organizations SET last_verified_on = $2 WHERE id = $1")
        .bind(organisation).bind(today).execute(t).await.map(drop)?);
    on_tx!(&mut tx, t => sqlx::query("UPDATE services SET last_verified_on = $2 WHERE organization_id = $1")
        .bind(organisation).bind(today).execute(t).await.map(drop)?);
    // A hidden listing comes back in search through the change log.
    outbox::log_dependents(&mut tx, Some(organisation), None).await?;
    tx.commit().await
}

/// Sets the waiting list of an offer.
pub async fn set_waiting_list(db: &Db, offer: Uuid, people: i32) -> Result<()> {
    if !(0..=100_000).contains(&people) {
        return Err(Error::Invalid("Vul een aantal in van 0 of meer.".into()));
    }
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("UPDATE services SET waiting_list = $2 WHERE id = $1")
        .bind(offer).bind(people).execute(t).await.map(drop)?);
    outbox::log_services(&mut tx, &[offer]).await?;
    tx.commit().await
}

/// Sets the number of places of an offer (`None`: not known).
pub async fn set_capacity(db: &Db, offer: Uuid, places: Option<i32>) -> Result<()> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("UPDATE services SET capacity = $2 WHERE id = $1")
        .bind(offer).bind(places).execute(t).await.map(drop)?);
    outbox::log_services(&mut tx, &[offer]).await?;
    tx.commit().await
}

/// Publishes the need a waiting list proposes: volunteers to clear it, with the talents the
/// offer is about. Returns the need id.
pub async fn publish_waiting_list_need(db: &Db, offer: Uuid) -> Result<Uuid> {
    let sql = "SELECT s.organization_id, s.name, s.description, s.waiting_list, \
        (SELECT location_id FROM service_at_locations WHERE service_id = s.id ORDER BY location_id LIMIT 1) \
        FROM services s WHERE s.id = $1";
    let row: Option<(Uuid, String, String, i32, Option<Uuid>)> =
        on_pool!(db, p => sqlx::query_as(sql).bind(offer).fetch_optional(p).await?);
    let (organisation, name, description, waiting, location) = row.ok_or(Error::NotFound)?;
    if waiting <= 0 {
        return Err(Error::Invalid(
            "Er staat niemand op de wachtlijst: er is niets weg te werken.".into(),
        ));
    }
    let mut talents = super::topics_of(&format!("{name} {description}"));
    if talents.is_empty() {
        talents.push("organiseren".into());
    }
    let id = Uuid::new_v4();
    let now = Utc::now();
    // One helper for every ten people waiting, at least one.
    let wanted = (waiting + 9) / 10;
    let mut tx = db.begin().await?;
    let sql = "INSERT INTO needs (id, organization_id, service_id, location_id, kind, title, description, \
        time_commitment, people_wanted, status, created_at, updated_at) \
        VALUES ($1, $2, $3, $4, 'vrijwilliger', $5, $6, '', $7, 'open', $8, $8)";
    on_tx!(&mut tx, t => sqlx::query(sql)
        .bind(id).bind(organisation).bind(offer).bind(location)
        .bind(format!("Vrijwilligers om de wachtlijst weg te werken: {name}"))
        .bind(format!("Er wachten {waiting} mensen op een plek bij {name}. Help mee, zodat zij ook kunnen meedoen."))
        .bind(wanted).bind(now)
        .execute(t).await.map(drop)?);
    for code in &talents {
        on_tx!(&mut tx, t => sqlx::query("INSERT INTO need_talents (need_id, term_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id).bind(term_id("talent", code)).execute(t).await.map(drop)?);
    }
    outbox::log_services(&mut tx, &[id]).await?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes sign-up requests older than `days`; returns how many.
pub async fn delete_old_signups(db: &Db, days: i64) -> Result<u64> {
    let before = Utc::now() - chrono::Duration::days(days);
    let sql = "DELETE FROM signup_requests WHERE created_at < $1";
    Ok(on_pool!(db, p => sqlx::query(sql).bind(before).execute(p).await?.rows_affected()))
}

/// Logs offers whose listing just crossed the hiding limit, so every node's index drops them.
pub async fn log_newly_hidden(db: &Db) -> Result<()> {
    let today = Utc::now().date_naive();
    let Some(limit) = today.checked_sub_months(chrono::Months::new(super::offers::HIDE_MONTHS))
    else {
        return Ok(());
    };
    let since = limit - chrono::Days::new(2);
    let sql = "SELECT id FROM services WHERE last_verified_on >= $1 AND last_verified_on < $2";
    let ids: Vec<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(since).bind(limit).fetch_all(p).await?);
    if ids.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    outbox::log_services(&mut tx, &ids).await?;
    tx.commit().await
}

/// A provider is reminded to check their listing after this many months.
pub const REMIND_MONTHS: u32 = 5;

/// Claims the organisations that have gone five months without a check and were not reminded
/// since: (id, name). Safe to run on every node every hour: the reminder date is set in the
/// same statement that claims the work, so each reminder goes out once.
pub async fn claim_due_reminders(db: &Db) -> Result<Vec<(Uuid, String)>> {
    let today = Utc::now().date_naive();
    let Some(limit) = today.checked_sub_months(chrono::Months::new(REMIND_MONTHS)) else {
        return Ok(Vec::new());
    };
    let sql = "SELECT id, name FROM organizations WHERE review_status = 'approved' \
        AND last_verified_on < $1 AND (reminded_on IS NULL OR reminded_on < last_verified_on)";
    let due: Vec<(Uuid, String)> =
        on_pool!(db, p => sqlx::query_as(sql).bind(limit).fetch_all(p).await?);
    let mut claimed = Vec::new();
    for (id, name) in due {
        // Only the node whose update changes the row sends the mail.
        let sql = "UPDATE organizations SET reminded_on = $2 WHERE id = $1 \
            AND (reminded_on IS NULL OR reminded_on < last_verified_on)";
        let changed = on_pool!(db, p => sqlx::query(sql).bind(id).bind(today).execute(p).await?.rows_affected());
        if changed > 0 {
            claimed.push((id, name));
        }
    }
    Ok(claimed)
}
