//! Knelpunten: reported walls, sealed summaries, the coordinator's status and note.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{on_pool, Db};
use crate::Result;

/// A stored knelpunt (summary and cost still sealed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KnelpuntRecord {
    /// Which.
    pub id: Uuid,
    /// CBS gemeente code.
    pub gemeente_code: String,
    /// regel, geld, wonen, wachtlijst, privacy or samenwerking.
    pub category: String,
    /// A code of data/knelpunten.txt, or "anders".
    pub rule: String,
    /// Sealed summary.
    pub summary_sealed: String,
    /// Sealed cost.
    pub cost_sealed: String,
    /// gemeld, opgeschaald or opgelost.
    pub status: String,
    /// The coordinator's note.
    pub status_note: String,
    /// On the public page.
    pub published: bool,
    /// Reported.
    pub reported_on: NaiveDate,
    /// Last status change.
    pub decided_on: Option<NaiveDate>,
}

/// A new knelpunt (sealed texts).
pub struct NewKnelpunt<'a> {
    /// CBS gemeente code.
    pub gemeente: &'a str,
    /// Category.
    pub category: &'a str,
    /// Rule code.
    pub rule: &'a str,
    /// Sealed summary.
    pub summary_sealed: &'a str,
    /// Sealed cost.
    pub cost_sealed: &'a str,
    /// The day.
    pub today: NaiveDate,
}

/// Stores a knelpunt.
pub async fn add_knelpunt(db: &Db, k: NewKnelpunt<'_>) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO knelpunten (id, gemeente_code, category, rule, summary_sealed, \
        cost_sealed, status, status_note, published, reported_on) \
        VALUES ($1, $2, $3, $4, $5, $6, 'gemeld', '', $7, $8)";
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(k.gemeente).bind(k.category).bind(k.rule)
        .bind(k.summary_sealed).bind(k.cost_sealed).bind(false).bind(k.today)
        .execute(p).await.map(drop)?);
    Ok(id)
}

/// Stores a knelpunt with a given id, status and note, once (the demo's).
pub async fn put_knelpunt(
    db: &Db,
    id: Uuid,
    k: NewKnelpunt<'_>,
    status: &str,
    note: &str,
    published: bool,
) -> Result<()> {
    let sql = "INSERT INTO knelpunten (id, gemeente_code, category, rule, summary_sealed, \
        cost_sealed, status, status_note, published, reported_on, decided_on) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING";
    let decided = (status != "gemeld").then_some(k.today);
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(k.gemeente).bind(k.category).bind(k.rule)
        .bind(k.summary_sealed).bind(k.cost_sealed).bind(status).bind(note).bind(published)
        .bind(k.today).bind(decided).execute(p).await.map(drop)?);
    Ok(())
}

const COLUMNS: &str = "id, gemeente_code, category, rule, summary_sealed, cost_sealed, status, \
    status_note, published, reported_on, decided_on";

/// Every knelpunt of a gemeente, newest first (at most 2,000).
pub async fn knelpunten_of(db: &Db, gemeente: &str) -> Result<Vec<KnelpuntRecord>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM knelpunten WHERE gemeente_code = $1 \
         ORDER BY reported_on DESC, id LIMIT 2000"
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(gemeente).fetch_all(p).await?))
}

/// One knelpunt.
pub async fn knelpunt(db: &Db, id: Uuid) -> Result<Option<KnelpuntRecord>> {
    let sql = format!("SELECT {COLUMNS} FROM knelpunten WHERE id = $1");
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// The coordinator's decision: status, note, and whether it is on the public page.
pub async fn decide_knelpunt(
    db: &Db,
    id: Uuid,
    status: &str,
    note: &str,
    published: bool,
    today: NaiveDate,
) -> Result<()> {
    let sql = "UPDATE knelpunten SET status = $2, status_note = $3, published = $4, \
        decided_on = $5 WHERE id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(status).bind(note).bind(published)
        .bind(today).execute(p).await.map(drop)?);
    Ok(())
}

/// Solved and published knelpunten of every gemeente, newest first (at most 200).
pub async fn solved_knelpunten(db: &Db) -> Result<Vec<KnelpuntRecord>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM knelpunten WHERE status = 'opgelost' AND published = $1 \
         ORDER BY decided_on DESC, id LIMIT 200"
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(true).fetch_all(p).await?))
}
