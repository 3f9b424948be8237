//! "Ik kan iets" entries: anonymous (talents, PC4, age) until they expire.

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
}

/// Inserts or replaces an entry (by id) inside a transaction.
pub(super) async fn upsert_talent_entry(tx: &mut Tx, e: &TalentEntryRecord) -> Result<()> {
    let sql = "INSERT INTO talent_entries (id, talents, age, postcode, latitude, longitude, created_at, expires_on) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO UPDATE SET talents = excluded.talents, \
        age = excluded.age, postcode = excluded.postcode, latitude = excluded.latitude, \
        longitude = excluded.longitude, expires_on = excluded.expires_on";
    on_tx!(tx, t => sqlx::query(sql)
        .bind(e.id).bind(e.talents.join(",")).bind(e.age).bind(&e.postcode)
        .bind(e.latitude).bind(e.longitude).bind(Utc::now()).bind(e.expires_on)
        .execute(t).await.map(drop)?);
    Ok(())
}

/// Stores one resident's anonymous entry.
pub async fn save_talent_entry(db: &Db, e: &TalentEntryRecord) -> Result<()> {
    let mut tx = db.begin().await?;
    upsert_talent_entry(&mut tx, e).await?;
    tx.commit().await
}

/// Deletes entries that expired before `today`; returns how many.
pub async fn delete_expired_talent_entries(db: &Db, today: NaiveDate) -> Result<u64> {
    let sql = "DELETE FROM talent_entries WHERE expires_on < $1";
    Ok(on_pool!(db, p => sqlx::query(sql).bind(today).execute(p).await?.rows_affected()))
}
