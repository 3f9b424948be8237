//! "Ik kan iets" entries: anonymous (talents, PC4, age) until they expire, with an opt-in,
//! sealed contact so organisations nearby can invite the person through the product.

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, Db, Tx};
use crate::Result;

/// An open "ik kan iets" entry: anonymous (talents, PC4, age), until it expires.
#[derive(Debug, Clone)]
pub struct TalentEntryRecord {
    pub id: Uuid,
    /// Talent codes.
    pub talents: Vec<String>,
    pub age: Option<i32>,
    /// PC4.
    pub postcode: String,
    pub latitude: f64,
    pub longitude: f64,
    pub expires_on: NaiveDate,
    /// "Mag benaderd worden": sealed first name and e-mail, opted in.
    pub contact: Option<EntryContact>,
}

/// How an entry may be reached, sealed by the caller; never shown to an organisation.
#[derive(Debug, Clone)]
pub struct EntryContact {
    pub name_sealed: String,
    pub email_sealed: String,
    /// `nl` or `en`.
    pub language: String,
    /// SHA-256 of the code in the one-click link that empties it.
    pub revoke_hash: String,
    /// The code itself, sealed, so every invitation can carry the link.
    pub revoke_code_sealed: String,
}

/// Inserts or replaces an entry (by id) inside a transaction.
pub(super) async fn upsert_talent_entry(tx: &mut Tx, e: &TalentEntryRecord) -> Result<()> {
    let sql = "INSERT INTO talent_entries (id, talents, age, postcode, latitude, longitude, created_at, expires_on, \
        contact_name_sealed, contact_email_sealed, contact_language, revoke_hash, revoke_code_sealed) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO UPDATE SET talents = excluded.talents, \
        age = excluded.age, postcode = excluded.postcode, latitude = excluded.latitude, \
        longitude = excluded.longitude, expires_on = excluded.expires_on, \
        contact_name_sealed = excluded.contact_name_sealed, contact_email_sealed = excluded.contact_email_sealed, \
        contact_language = excluded.contact_language, revoke_hash = excluded.revoke_hash, \
        revoke_code_sealed = excluded.revoke_code_sealed";
    let c = e.contact.as_ref();
    on_tx!(tx, t => sqlx::query(sql)
        .bind(e.id).bind(e.talents.join(",")).bind(e.age).bind(&e.postcode)
        .bind(e.latitude).bind(e.longitude).bind(Utc::now()).bind(e.expires_on)
        .bind(c.map_or("", |c| c.name_sealed.as_str())).bind(c.map_or("", |c| c.email_sealed.as_str()))
        .bind(c.map_or("nl", |c| c.language.as_str())).bind(c.map(|c| c.revoke_hash.as_str()))
        .bind(c.map_or("", |c| c.revoke_code_sealed.as_str()))
        .execute(t).await.map(drop)?);
    Ok(())
}

/// Stores one resident's anonymous entry.
pub async fn save_talent_entry(db: &Db, e: &TalentEntryRecord) -> Result<()> {
    let mut tx = db.begin().await?;
    upsert_talent_entry(&mut tx, e).await?;
    // Every node's matching catalog follows the change log; the search index skips the id.
    super::outbox::log_services(&mut tx, &[e.id]).await?;
    tx.commit().await
}

/// Deletes entries that expired before `today`; returns how many. The log names them, so
/// every node's matching catalog lets them go.
pub async fn delete_expired_talent_entries(db: &Db, today: NaiveDate) -> Result<u64> {
    let mut tx = db.begin().await?;
    let sql = "SELECT id FROM talent_entries WHERE expires_on < $1";
    let ids: Vec<Uuid> =
        on_tx!(&mut tx, t => sqlx::query_scalar(sql).bind(today).fetch_all(t).await?);
    if ids.is_empty() {
        return Ok(0);
    }
    let sql = "DELETE FROM talent_entries WHERE expires_on < $1";
    let deleted =
        on_tx!(&mut tx, t => sqlx::query(sql).bind(today).execute(t).await?.rows_affected());
    super::outbox::log_services(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(deleted)
}

/// Empties the contact of the entry whose link code hashes to `revoke_hash`; false when no
/// entry has it (already emptied, expired, or a wrong code).
pub async fn revoke_entry_contact(db: &Db, revoke_hash: &str) -> Result<bool> {
    let sql = "UPDATE talent_entries SET contact_name_sealed = '', contact_email_sealed = '', \
        revoke_hash = NULL, revoke_code_sealed = '' WHERE revoke_hash = $1";
    let changed =
        on_pool!(db, p => sqlx::query(sql).bind(revoke_hash).execute(p).await?.rows_affected());
    Ok(changed > 0)
}

/// An entry that may be invited, as an organisation may see it: no name, no address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReachableEntry {
    pub id: Uuid,
    /// Talent codes, comma-separated.
    pub talents: String,
    pub age: Option<i32>,
    pub postcode: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// Entries with a contact, not expired and not yet invited for `need`, within a box around
/// a point (about `km` each way), at most 200.
pub async fn reachable_entries_near(
    db: &Db,
    need: Uuid,
    lat: f64,
    lon: f64,
    km: f64,
) -> Result<Vec<ReachableEntry>> {
    let (dlat, dlon) = (km / 111.0, km / 68.0);
    let sql = "SELECT e.id, e.talents, e.age, e.postcode, e.latitude, e.longitude FROM talent_entries e \
        WHERE e.contact_email_sealed <> '' AND e.expires_on >= $1 \
        AND e.latitude BETWEEN $2 AND $3 AND e.longitude BETWEEN $4 AND $5 \
        AND NOT EXISTS (SELECT 1 FROM talent_invitations i WHERE i.entry_id = e.id AND i.need_id = $6) \
        ORDER BY e.id LIMIT 200";
    Ok(
        on_pool!(db, p => sqlx::query_as(sql).bind(Utc::now().date_naive())
        .bind(lat - dlat).bind(lat + dlat).bind(lon - dlon).bind(lon + dlon).bind(need)
        .fetch_all(p).await?),
    )
}

/// One entry with its sealed contact (the e-mail, name, language and link code as stored);
/// `None` when it has no contact (any more) or expired.
pub async fn entry_contact(db: &Db, id: Uuid) -> Result<Option<(ReachableEntry, EntryContact)>> {
    let sql = "SELECT e.id, e.talents, e.age, e.postcode, e.latitude, e.longitude, \
        e.contact_name_sealed, e.contact_email_sealed, e.contact_language, \
        COALESCE(e.revoke_hash, '') AS revoke_hash, e.revoke_code_sealed FROM talent_entries e \
        WHERE e.id = $1 AND e.contact_email_sealed <> '' AND e.expires_on >= $2";
    type Row = (
        Uuid,
        String,
        Option<i32>,
        String,
        f64,
        f64,
        String,
        String,
        String,
        String,
        String,
    );
    let row: Option<Row> = on_pool!(db, p => sqlx::query_as(sql).bind(id)
        .bind(Utc::now().date_naive()).fetch_optional(p).await?);
    Ok(row.map(|r| {
        (
            ReachableEntry {
                id: r.0,
                talents: r.1,
                age: r.2,
                postcode: r.3,
                latitude: r.4,
                longitude: r.5,
            },
            EntryContact {
                name_sealed: r.6,
                email_sealed: r.7,
                language: r.8,
                revoke_hash: r.9,
                revoke_code_sealed: r.10,
            },
        )
    }))
}

/// Records an invitation of `entry` for `need`, unless it was invited for that need before or
/// twice in the 30 days before `now` (one statement, so two nodes cannot both slip in).
pub async fn record_invitation(
    db: &Db,
    entry: Uuid,
    need: Uuid,
    now: chrono::DateTime<Utc>,
) -> Result<bool> {
    let sql = "INSERT INTO talent_invitations (id, entry_id, need_id, sent_at) \
        SELECT $1, $2, $3, $4 WHERE (SELECT COUNT(*) FROM talent_invitations \
        WHERE entry_id = $2 AND sent_at > $5) < 2 ON CONFLICT (entry_id, need_id) DO NOTHING";
    let stored = on_pool!(db, p => sqlx::query(sql).bind(Uuid::new_v4()).bind(entry).bind(need)
        .bind(now).bind(now - chrono::Duration::days(30)).execute(p).await?.rows_affected());
    Ok(stored > 0)
}
