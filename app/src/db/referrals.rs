//! Referrals, their history and escalations (trajecten and signals have their own modules). Personal texts
//! arrive here sealed (`crate::sealer`) and leave sealed: this module never sees them in
//! plain text, so they cannot end up in a query log either.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, Db};
use crate::domain::ReferralStatus;
use crate::{Error, Result};

/// A referral as stored (texts sealed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReferralRecord {
    pub id: Uuid,
    pub traject_id: Option<Uuid>,
    pub professional_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub target_name: String,
    pub leefgebied: String,
    pub wijk_code: Option<String>,
    pub wish_sealed: String,
    pub shared_sealed: String,
    pub shared_items: String,
    pub consent_by_sealed: String,
    pub consent_at: DateTime<Utc>,
    pub consent_revoked_at: Option<DateTime<Utc>>,
    pub handover: String,
    pub handover_sealed: String,
    #[sqlx(try_from = "String")]
    pub status: ReferralStatus,
    pub reason: Option<String>,
    pub sent_at: DateTime<Utc>,
    pub received_at: Option<DateTime<Utc>>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub escalated_at: Option<DateTime<Utc>>,
    pub personal_deleted_at: Option<DateTime<Utc>>,
    /// For a coalition: the partner that takes the person up (empty until chosen).
    pub taken_up_by: String,
}

const REFERRAL_COLUMNS: &str = "id, traject_id, professional_id, service_id, coalition_id, \
    organization_id, target_name, leefgebied, wijk_code, wish_sealed, shared_sealed, shared_items, \
    consent_by_sealed, consent_at, consent_revoked_at, handover, handover_sealed, status, reason, \
    sent_at, received_at, accepted_at, started_at, ended_at, escalated_at, personal_deleted_at, \
    taken_up_by";

pub(super) const WIPE: &str = "wish_sealed = '', shared_sealed = '', consent_by_sealed = '', \
    handover_sealed = '', traject_id = NULL";
pub(super) const WIPE_REFERRALS_OF_TRAJECT: &str =
    "UPDATE referrals SET wish_sealed = '', shared_sealed = '', \
    consent_by_sealed = '', handover_sealed = '', traject_id = NULL, personal_deleted_at = $2 \
    WHERE traject_id = $1";

/// Stores a new referral, its consent and its first history line in one transaction: consent
/// is on record before the receiver can see anything.
pub async fn create_referral(db: &Db, r: &ReferralRecord, by: Uuid) -> Result<()> {
    if r.consent_by_sealed.is_empty() {
        return Err(Error::Invalid(
            "Zonder toestemming gaat er niets weg.".into(),
        ));
    }
    let sql = format!(
        "INSERT INTO referrals ({REFERRAL_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)"
    );
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query(&sql)
        .bind(r.id).bind(r.traject_id).bind(r.professional_id).bind(r.service_id).bind(r.coalition_id)
        .bind(r.organization_id).bind(&r.target_name).bind(&r.leefgebied).bind(&r.wijk_code)
        .bind(&r.wish_sealed).bind(&r.shared_sealed).bind(&r.shared_items).bind(&r.consent_by_sealed)
        .bind(r.consent_at).bind(r.consent_revoked_at).bind(&r.handover).bind(&r.handover_sealed)
        .bind(r.status.code()).bind(&r.reason).bind(r.sent_at).bind(r.received_at).bind(r.accepted_at)
        .bind(r.started_at).bind(r.ended_at).bind(r.escalated_at).bind(r.personal_deleted_at)
        .bind(&r.taken_up_by)
        .execute(t).await.map(drop)?);
    event(&mut tx, r.id, Some(by), "toestemming", &r.shared_items).await?;
    event(&mut tx, r.id, Some(by), "verstuurd", "").await?;
    // The audit entry in the same transaction: no referral without its trace, and no trace of
    // a referral that was never stored.
    super::accounts::audit_in(
        &mut tx,
        Some(by),
        "referral_sent",
        "referral",
        &r.id.to_string(),
        &r.shared_items,
    )
    .await?;
    tx.commit().await
}

async fn event(
    tx: &mut super::Tx,
    referral: Uuid,
    by: Option<Uuid>,
    what: &str,
    reason: &str,
) -> Result<()> {
    let sql = "INSERT INTO referral_events (id, referral_id, at, user_id, event, reason) \
        VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(tx, t => sqlx::query(sql).bind(Uuid::new_v4()).bind(referral).bind(Utc::now())
        .bind(by).bind(what).bind(reason).execute(t).await.map(drop)?);
    Ok(())
}

/// Records which partner of a coalition takes the person of referral `r` up, with a history
/// line.
pub async fn set_referral_partner(db: &Db, r: Uuid, partner: &str, by: Uuid) -> Result<()> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE referrals SET taken_up_by = $2 WHERE id = $1";
    on_tx!(&mut tx, t => sqlx::query(sql).bind(r).bind(partner).execute(t).await.map(drop)?);
    event(&mut tx, r, Some(by), "partner", partner).await?;
    tx.commit().await
}

/// One referral.
pub async fn referral(db: &Db, id: Uuid) -> Result<Option<ReferralRecord>> {
    let sql = format!("SELECT {REFERRAL_COLUMNS} FROM referrals WHERE id = $1");
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// The referrals of a traject, newest first.
pub async fn referrals_of_traject(db: &Db, traject: Uuid) -> Result<Vec<ReferralRecord>> {
    let sql = format!(
        "SELECT {REFERRAL_COLUMNS} FROM referrals WHERE traject_id = $1 ORDER BY sent_at DESC"
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(traject).fetch_all(p).await?))
}

/// Referrals to the given organisations (a provider's inbox), newest first.
pub async fn referrals_to(db: &Db, organisations: &[Uuid]) -> Result<Vec<ReferralRecord>> {
    let mut out = Vec::new();
    for org in organisations {
        let sql = format!(
            "SELECT {REFERRAL_COLUMNS} FROM referrals WHERE organization_id = $1 \
             ORDER BY sent_at DESC LIMIT 200"
        );
        let list: Vec<ReferralRecord> =
            on_pool!(db, p => sqlx::query_as(&sql).bind(org).fetch_all(p).await?);
        out.extend(list);
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.sent_at));
    Ok(out)
}

/// The history of a referral: (when, event, reason), oldest first.
pub async fn referral_history(
    db: &Db,
    referral: Uuid,
) -> Result<Vec<(DateTime<Utc>, String, String)>> {
    let sql =
        "SELECT at, event, reason FROM referral_events WHERE referral_id = $1 ORDER BY at, id";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(referral).fetch_all(p).await?))
}

/// Moves a referral to `status` (the caller checked that the move is allowed), with its date,
/// a history line, and the anonymous signals a refusal or an acceptance gives.
pub async fn set_referral_status(
    db: &Db,
    r: &ReferralRecord,
    status: ReferralStatus,
    reason: Option<&str>,
    by: Uuid,
) -> Result<()> {
    let now = Utc::now();
    let column = match status {
        ReferralStatus::Ontvangen => "received_at",
        ReferralStatus::Geaccepteerd => "accepted_at",
        ReferralStatus::Gestart => "started_at",
        _ => "ended_at",
    };
    let status = status.code();
    let sql = format!("UPDATE referrals SET status = $2, reason = $3, {column} = $4 WHERE id = $1");
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query(&sql).bind(r.id).bind(status).bind(reason).bind(now)
        .execute(t).await.map(drop)?);
    event(&mut tx, r.id, Some(by), status, reason.unwrap_or_default()).await?;
    match status {
        "afgewezen" => {
            signal(&mut tx, "afgewezen", r, reason.unwrap_or_default(), None).await?;
        }
        "geaccepteerd" => {
            let days = (now - r.sent_at).num_days();
            signal(&mut tx, "wachttijd", r, "", Some(days)).await?;
        }
        _ => {}
    }
    tx.commit().await
}

async fn signal(
    tx: &mut super::Tx,
    kind: &str,
    r: &ReferralRecord,
    reason: &str,
    days: Option<i64>,
) -> Result<()> {
    super::signals::record_signal(
        tx,
        kind,
        r.wijk_code.as_deref(),
        &r.leefgebied,
        reason,
        days,
    )
    .await
}

/// Withdraws consent: the shared texts are deleted at once, so the receiver sees nothing more.
pub async fn revoke_consent(db: &Db, r: &ReferralRecord, by: Uuid) -> Result<()> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let sql = "UPDATE referrals SET wish_sealed = '', shared_sealed = '', handover_sealed = '', \
        consent_by_sealed = '', consent_revoked_at = $2 WHERE id = $1";
    on_tx!(&mut tx, t => sqlx::query(sql).bind(r.id).bind(now).execute(t).await.map(drop)?);
    event(&mut tx, r.id, Some(by), "ingetrokken", "").await?;
    tx.commit().await
}

/// Hands a referral to the coordinator of the gemeente, with its history.
pub async fn escalate(
    db: &Db,
    r: &ReferralRecord,
    gemeente: Option<&str>,
    why: &str,
    by: Uuid,
) -> Result<()> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, t => sqlx::query("UPDATE referrals SET escalated_at = $2 WHERE id = $1")
        .bind(r.id).bind(now).execute(t).await.map(drop)?);
    let sql = "INSERT INTO escalations (id, referral_id, gemeente_code, why, created_at) VALUES ($1, $2, $3, $4, $5)";
    on_tx!(&mut tx, t => sqlx::query(sql).bind(Uuid::new_v4()).bind(r.id).bind(gemeente).bind(why).bind(now)
        .execute(t).await.map(drop)?);
    event(&mut tx, r.id, Some(by), "geëscaleerd", why).await?;
    tx.commit().await
}

/// The coordinator takes up an escalation: it leaves their list, the history says so.
pub async fn handle_escalation(
    db: &Db,
    referral: Uuid,
    gemeente: Option<&str>,
    by: Uuid,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE escalations SET handled_at = $3 WHERE referral_id = $1 \
        AND gemeente_code = $2 AND handled_at IS NULL";
    let changed = on_tx!(&mut tx, t => sqlx::query(sql).bind(referral).bind(gemeente).bind(Utc::now())
        .execute(t).await?.rows_affected());
    if changed > 0 {
        event(&mut tx, referral, Some(by), "opgepakt", "").await?;
    }
    tx.commit().await?;
    Ok(changed > 0)
}

/// True when an escalation of this referral to this gemeente waits to be taken up.
pub async fn escalation_open(db: &Db, referral: Uuid, gemeente: Option<&str>) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM escalations WHERE referral_id = $1 AND gemeente_code = $2 \
        AND handled_at IS NULL";
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(sql).bind(referral).bind(gemeente).fetch_one(p).await?);
    Ok(n > 0)
}

/// Open escalations for a coordinator (all for an admin: `None`): (referral, why, when).
pub async fn escalations_for(
    db: &Db,
    gemeente: Option<&str>,
) -> Result<Vec<(Uuid, String, DateTime<Utc>)>> {
    let sql = "SELECT referral_id, why, created_at FROM escalations WHERE handled_at IS NULL \
        AND ($1 IS NULL OR gemeente_code = $1) ORDER BY created_at";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(gemeente).fetch_all(p).await?))
}

/// True when the referral was escalated to this gemeente (or any, for `None`).
pub async fn escalated_to(db: &Db, referral: Uuid, gemeente: Option<&str>) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM escalations WHERE referral_id = $1 \
        AND ($2 IS NULL OR gemeente_code = $2)";
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(sql).bind(referral).bind(gemeente).fetch_one(p).await?);
    Ok(n > 0)
}

/// Follow-ups that are due: 14 days after sending (still not over) and 6 weeks after the start
/// ("hoe gaat het?"). Returns (referral, professional, kind) and marks them, once each.
pub async fn take_due_followups(
    db: &Db,
    now: DateTime<Utc>,
) -> Result<Vec<(Uuid, Uuid, &'static str)>> {
    let mut out = Vec::new();
    let sent_before = now - chrono::Duration::days(14);
    let started_before = now - chrono::Duration::weeks(6);
    let due_sent = "SELECT id, professional_id FROM referrals WHERE reminded_sent = $2 \
        AND sent_at < $1 AND status IN ('verstuurd', 'ontvangen', 'geaccepteerd') \
        AND professional_id IS NOT NULL";
    let due_started = "SELECT id, professional_id FROM referrals WHERE reminded_started = $2 \
        AND started_at < $1 AND status = 'gestart' AND professional_id IS NOT NULL";
    for (sql, before, kind, mark) in [
        (due_sent, sent_before, "verstuurd", "reminded_sent"),
        (due_started, started_before, "gestart", "reminded_started"),
    ] {
        let rows: Vec<(Uuid, Uuid)> =
            on_pool!(db, p => sqlx::query_as(sql).bind(before).bind(false).fetch_all(p).await?);
        for (id, professional) in rows {
            let sql = format!("UPDATE referrals SET {mark} = $2 WHERE id = $1 AND {mark} = $3");
            let done = on_pool!(db, p => sqlx::query(&sql).bind(id).bind(true).bind(false).execute(p).await?.rows_affected());
            // Another node may have taken it in the meantime: only the one that flipped it mails.
            if done == 1 {
                let mut tx = db.begin().await?;
                event(&mut tx, id, None, "herinnering", kind).await?;
                tx.commit().await?;
                out.push((id, professional, kind));
            }
        }
    }
    Ok(out)
}

/// Retention: deletes the personal texts of referrals that ended before `before`, and closed
/// trajecten not touched since then. Status, dates and signals stay (they are anonymous).
/// Returns how many referrals were wiped.
pub async fn delete_expired_personal_data(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    let now = Utc::now();
    let sql = format!(
        "UPDATE referrals SET {WIPE}, personal_deleted_at = $2 WHERE personal_deleted_at IS NULL \
         AND ended_at IS NOT NULL AND ended_at < $1"
    );
    let wiped = on_pool!(db, p => sqlx::query(&sql).bind(before).bind(now).execute(p).await?.rows_affected());
    let sql = "DELETE FROM trajecten WHERE status = 'closed' AND updated_at < $1 \
        AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.traject_id = trajecten.id AND r.ended_at IS NULL)";
    on_pool!(db, p => sqlx::query(sql).bind(before).execute(p).await.map(drop)?);
    Ok(wiped)
}

/// Working days (Monday to Friday) from `from` up to `to`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    use chrono::Datelike;
    let mut days = 0;
    let mut d = from;
    while d < to {
        d = d.succ_opt().unwrap_or(to);
        if d.weekday().number_from_monday() <= 5 {
            days += 1;
        }
    }
    days
}

/// What a referral to `kind:key` goes to: (name, receiver, receiving organisation, offer,
/// coalition, main leefgebied). Kinds: `aanbod` (an offer), `vraag` (a role an organisation
/// asks for), `coalitie` (a coalition's link person, received by its lead partner).
pub type TargetRow = (
    String,
    String,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    String,
);

pub async fn referral_target(db: &Db, kind: &str, key: Uuid) -> Result<Option<TargetRow>> {
    let leefgebied = |service: Option<Uuid>| async move {
        let Some(service) = service else {
            return Ok::<String, Error>(String::new());
        };
        let sql = "SELECT t.code FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id \
            WHERE st.service_id = $1 AND t.taxonomy = 'leefgebied' ORDER BY t.code LIMIT 1";
        let code: Option<String> =
            on_pool!(db, p => sqlx::query_scalar(sql).bind(service).fetch_optional(p).await?);
        Ok(code.unwrap_or_default())
    };
    Ok(match kind {
        "aanbod" => {
            let sql = "SELECT s.name, o.name, o.id FROM services s JOIN organizations o \
                ON o.id = s.organization_id WHERE s.id = $1 AND s.status <> 'defunct'";
            let row: Option<(String, String, Uuid)> =
                on_pool!(db, p => sqlx::query_as(sql).bind(key).fetch_optional(p).await?);
            match row {
                Some((name, org_name, org)) => Some((
                    name,
                    org_name,
                    Some(org),
                    Some(key),
                    None,
                    leefgebied(Some(key)).await?,
                )),
                None => None,
            }
        }
        "vraag" => {
            let sql =
                "SELECT n.title, o.name, o.id, n.service_id FROM needs n JOIN organizations o \
                ON o.id = n.organization_id WHERE n.id = $1 AND n.status = 'open'";
            let row: Option<(String, String, Uuid, Option<Uuid>)> =
                on_pool!(db, p => sqlx::query_as(sql).bind(key).fetch_optional(p).await?);
            // A role is a way to take part.
            row.map(|(title, org_name, org, service)| {
                (title, org_name, Some(org), service, None, "meedoen".into())
            })
        }
        "coalitie" => {
            let sql = "SELECT c.name, c.link_person, \
                (SELECT p.organization_id FROM coalition_partners p WHERE p.coalition_id = c.id \
                 AND p.organization_id IS NOT NULL ORDER BY CASE WHEN p.role = 'lead' THEN 0 ELSE 1 END, p.position LIMIT 1) \
                FROM coalitions c WHERE c.id = $1 AND c.status <> 'ended'";
            let row: Option<(String, String, Option<Uuid>)> =
                on_pool!(db, p => sqlx::query_as(sql).bind(key).fetch_optional(p).await?);
            row.map(|(name, link, org)| (name, link, org, None, Some(key), "meedoen".to_string()))
        }
        _ => None,
    })
}

/// The receiver of a referral and how to reach them: the offer's named contact, or the
/// coalition's link person, or the organisation.
pub async fn referral_contact(
    db: &Db,
    organisation: Option<Uuid>,
    service: Option<Uuid>,
    coalition: Option<Uuid>,
) -> Result<(String, Vec<String>)> {
    if let Some(c) = coalition {
        // Read when shown, so a new link person is the contact from the day they start.
        let sql =
            "SELECT link_person, link_contact, deputy_person, deputy_contact FROM coalitions \
            WHERE id = $1";
        let row: Option<(String, String, String, String)> =
            on_pool!(db, p => sqlx::query_as(sql).bind(c).fetch_optional(p).await?);
        if let Some((person, contact, deputy, deputy_contact)) = row {
            let deputy = [deputy, deputy_contact]
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            return Ok((
                person,
                [contact, deputy]
                    .into_iter()
                    .filter(|c| !c.trim().is_empty())
                    .collect(),
            ));
        }
    }
    let sql =
        "SELECT o.name, s.contact_name, COALESCE(s.phone, o.phone), COALESCE(s.email, o.email) \
        FROM organizations o LEFT JOIN services s ON s.id = $2 WHERE o.id = $1";
    type Row = (String, Option<String>, Option<String>, Option<String>);
    let row: Option<Row> = on_pool!(db, p => sqlx::query_as(sql)
        .bind(organisation).bind(service).fetch_optional(p).await?);
    Ok(match row {
        Some((org, name, phone, email)) => (
            org,
            [name, phone, email]
                .into_iter()
                .flatten()
                .filter(|x| !x.is_empty())
                .collect(),
        ),
        None => (String::new(), Vec::new()),
    })
}

/// People waiting for an offer.
pub async fn waiting_list_of(db: &Db, service: Uuid) -> Result<i32> {
    let sql = "SELECT waiting_list FROM services WHERE id = $1";
    let n: Option<i32> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(service).fetch_optional(p).await?);
    Ok(n.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekend_does_not_count_as_working_days() {
        let friday = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let next_friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(working_days_between(friday, monday), 1);
        assert_eq!(working_days_between(friday, next_friday), 5);
        assert_eq!(working_days_between(monday, monday), 0);
    }
}
