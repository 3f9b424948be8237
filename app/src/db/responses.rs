//! Answers to roles ("ik help mee"): a resident's sealed contact details for one organisation,
//! the status the organisation gives it, and the dates that drive reminders, the anonymous
//! "onbeantwoord" signal and deletion.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, outbox, Db};
use crate::domain::HelpStatus;
use crate::Result;

/// A new answer: every personal text is sealed by the caller.
#[derive(Debug, Clone)]
pub struct NewResponse {
    pub need: Uuid,
    pub name_sealed: String,
    pub email_sealed: String,
    pub phone_sealed: String,
    pub message_sealed: String,
    pub age: Option<i32>,
    /// `nl` or `en`: the language the resident hears back in.
    pub language: String,
}

/// An answer as stored, with its role and organisation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRecord {
    pub id: Uuid,
    pub need_id: Uuid,
    pub role_title: String,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub contact_name: String,
    pub contact_role: String,
    pub name_sealed: String,
    pub email_sealed: String,
    pub phone_sealed: String,
    pub message_sealed: String,
    pub age: Option<i32>,
    pub language: String,
    #[sqlx(try_from = "String")]
    pub status: HelpStatus,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub wijk_code: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The offer whose waiting list the role helps clear, and how many wait.
    pub offer_name: Option<String>,
    pub offer_waiting_list: Option<i32>,
}

const SELECT: &str = "SELECT r.id, r.need_id, n.title AS role_title, o.id AS organisation_id, \
    o.name AS organisation, n.contact_name, n.contact_role, r.name_sealed, r.email_sealed, \
    r.phone_sealed, r.message_sealed, r.age, r.language, r.status, r.reason, r.created_at, \
    l.wijk_code, l.latitude, l.longitude, s.name AS offer_name, s.waiting_list AS offer_waiting_list \
    FROM role_responses r JOIN needs n ON n.id = r.need_id \
    JOIN organizations o ON o.id = n.organization_id \
    LEFT JOIN locations l ON l.id = n.location_id \
    LEFT JOIN services s ON s.id = n.service_id";

/// Stores an answer when the need is open, not yet filled and of a published organisation;
/// `None` otherwise. The check is part of the insert, so one statement decides (a read before
/// the write would let a concurrent writer slip in between).
pub async fn save_response(db: &Db, new: &NewResponse) -> Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let sql = format!(
        "INSERT INTO role_responses (id, need_id, name_sealed, email_sealed, phone_sealed, \
         message_sealed, age, language, created_at) \
         SELECT $1, n.id, $3, $4, $5, $6, $7, $8, $9 FROM needs n \
         JOIN organizations o ON o.id = n.organization_id \
         WHERE n.id = $2 AND n.status = 'open' \
         AND (n.people_wanted IS NULL OR n.people_started < n.people_wanted) AND {}",
        super::PUBLISHED
    );
    let stored = on_pool!(db, p => sqlx::query(&sql).bind(id).bind(new.need).bind(&new.name_sealed)
        .bind(&new.email_sealed).bind(&new.phone_sealed).bind(&new.message_sealed).bind(new.age)
        .bind(&new.language).bind(Utc::now()).execute(p).await?.rows_affected());
    Ok((stored > 0).then_some(id))
}

/// The answers to roles of these organisations, newest first (at most 500).
pub async fn responses_for(db: &Db, organisations: &[Uuid]) -> Result<Vec<ResponseRecord>> {
    if organisations.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{SELECT} WHERE n.organization_id IN ({}) ORDER BY r.created_at DESC, r.id LIMIT 500",
        super::sql::placeholders(organisations.len())
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, ResponseRecord>(&sql);
        for id in organisations {
            q = q.bind(*id);
        }
        q.fetch_all(p).await?
    }))
}

/// One answer.
pub async fn response(db: &Db, id: Uuid) -> Result<Option<ResponseRecord>> {
    let sql = format!("{SELECT} WHERE r.id = $1");
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// Moves an answer from `from` to `to` (a concurrent move wins, this one then changes nothing
/// and returns false). "Aan de slag" takes one open place of the role, in the same
/// transaction, and logs the role so search hides it once every place is taken; `placed`
/// people come off the waiting list of the offer the role is for.
pub async fn move_response(
    db: &Db,
    id: Uuid,
    from: HelpStatus,
    to: HelpStatus,
    reason: &str,
    placed: i32,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE role_responses SET status = $3, reason = $4, \
        answered_at = COALESCE(answered_at, $5) WHERE id = $1 AND status = $2";
    let changed = on_tx!(&mut tx, t => sqlx::query(sql).bind(id).bind(from.code()).bind(to.code())
        .bind(reason).bind(Utc::now()).execute(t).await?.rows_affected());
    if changed == 0 {
        return Ok(false);
    }
    if to == HelpStatus::AanDeSlag {
        let need: Uuid = on_tx!(&mut tx, t => sqlx::query_scalar(
            "SELECT need_id FROM role_responses WHERE id = $1").bind(id).fetch_one(t).await?);
        let sql =
            "UPDATE needs SET people_started = people_started + 1, updated_at = $2 WHERE id = $1";
        on_tx!(&mut tx, t => sqlx::query(sql).bind(need).bind(Utc::now()).execute(t).await.map(drop)?);
        outbox::log_services(&mut tx, &[need]).await?;
        let offer: Option<Uuid> = on_tx!(&mut tx, t => sqlx::query_scalar(
            "SELECT service_id FROM needs WHERE id = $1").bind(need).fetch_one(t).await?);
        if let (Some(offer), true) = (offer, placed > 0) {
            let sql = "UPDATE services SET waiting_list = CASE WHEN waiting_list > $2 \
                THEN waiting_list - $2 ELSE 0 END WHERE id = $1";
            on_tx!(&mut tx, t => sqlx::query(sql).bind(offer).bind(placed).execute(t).await.map(drop)?);
            outbox::log_services(&mut tx, &[offer]).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// Claims the new answers sent before `before` whose organisation was not reminded yet;
/// only the node whose update changes a row gets it, so each reminder goes out once.
pub async fn claim_unanswered_reminders(
    db: &Db,
    before: DateTime<Utc>,
) -> Result<Vec<ResponseRecord>> {
    claim(db, before, "reminded_at").await
}

/// Claims the new answers sent before `before` that were not counted as unanswered yet, and
/// records one anonymous "onbeantwoord" signal (wijk and role kind, no person) for each.
pub async fn claim_unanswered(db: &Db, before: DateTime<Utc>) -> Result<Vec<ResponseRecord>> {
    let claimed = claim(db, before, "unanswered_at").await?;
    let mut tx = db.begin().await?;
    for r in &claimed {
        let days = (Utc::now() - r.created_at).num_days();
        super::signals::record_signal(
            &mut tx,
            "onbeantwoord",
            r.wijk_code.as_deref(),
            "",
            "vrijwilligersrol",
            Some(days),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(claimed)
}

async fn claim(db: &Db, before: DateTime<Utc>, column: &str) -> Result<Vec<ResponseRecord>> {
    let sql = format!(
        "{SELECT} WHERE r.status = 'nieuw' AND r.created_at < $1 AND r.{column} IS NULL \
         ORDER BY r.created_at LIMIT 200"
    );
    let due: Vec<ResponseRecord> =
        on_pool!(db, p => sqlx::query_as(&sql).bind(before).fetch_all(p).await?);
    let mut claimed = Vec::new();
    let sql = format!(
        "UPDATE role_responses SET {column} = $2 WHERE id = $1 AND {column} IS NULL \
         AND status = 'nieuw'"
    );
    for r in due {
        let changed = on_pool!(db, p => sqlx::query(&sql).bind(r.id).bind(Utc::now())
            .execute(p).await?.rows_affected());
        if changed > 0 {
            claimed.push(r);
        }
    }
    Ok(claimed)
}

/// Deletes answers sent before `before`: the personal data goes, the counts on the role stay.
pub async fn delete_expired_responses(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    let sql = "DELETE FROM role_responses WHERE created_at < $1";
    Ok(on_pool!(db, p => sqlx::query(sql).bind(before).execute(p).await?.rows_affected()))
}

/// Open roles near a point other than `except`, nearest first: (id, title, organisation).
pub async fn roles_near(
    db: &Db,
    lat: f64,
    lon: f64,
    except: Uuid,
    limit: usize,
) -> Result<Vec<(Uuid, String, String)>> {
    // A box of about 15 km, ordered by squared degrees: enough to name two roles nearby.
    let sql = format!(
        "SELECT n.id, n.title, o.name FROM needs n JOIN organizations o ON o.id = n.organization_id \
         JOIN locations l ON l.id = n.location_id \
         WHERE n.id <> $1 AND n.status = 'open' AND n.kind IN ('vrijwilliger', 'trainer') \
         AND (n.people_wanted IS NULL OR n.people_started < n.people_wanted) AND {} \
         AND l.latitude BETWEEN $2 - 0.14 AND $2 + 0.14 AND l.longitude BETWEEN $3 - 0.22 AND $3 + 0.22 \
         ORDER BY (l.latitude - $2) * (l.latitude - $2) + (l.longitude - $3) * (l.longitude - $3), n.id \
         LIMIT {limit}",
        super::PUBLISHED
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(except).bind(lat).bind(lon).fetch_all(p).await?))
}
