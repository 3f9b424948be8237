//! Trajecten: a professional's work with one person. Personal texts arrive sealed and leave
//! sealed.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::referrals::WIPE_REFERRALS_OF_TRAJECT;
use super::{on_pool, on_tx, Db};
use crate::Result;

/// A traject as stored (texts sealed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TrajectRecord {
    pub id: Uuid,
    /// The primary professional; `None`: in its team's queue.
    pub professional_id: Option<Uuid>,
    /// The team it belongs to (the primary's team when it was made).
    pub team_id: Option<Uuid>,
    /// The named stand-in, who may read and act on it too.
    pub standin_id: Option<Uuid>,
    pub label_sealed: String,
    pub profile_sealed: String,
    pub plan_sealed: String,
    pub wijk_code: Option<String>,
    pub status: String,
    pub updated_at: DateTime<Utc>,
}

pub(super) const TRAJECT_COLUMNS: &str = "id, professional_id, team_id, standin_id, label_sealed, \
    profile_sealed, plan_sealed, wijk_code, status, updated_at";
/// Creates or updates a traject (texts sealed by the caller).
pub async fn save_traject(db: &Db, t: &TrajectRecord) -> Result<()> {
    let now = Utc::now();
    let sql =
        "INSERT INTO trajecten (id, professional_id, label_sealed, profile_sealed, plan_sealed, \
        wijk_code, status, created_at, updated_at, team_id, standin_id) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10) \
        ON CONFLICT (id) DO UPDATE SET label_sealed = excluded.label_sealed, \
        profile_sealed = excluded.profile_sealed, plan_sealed = excluded.plan_sealed, \
        wijk_code = excluded.wijk_code, status = excluded.status, updated_at = excluded.updated_at";
    on_pool!(db, p => sqlx::query(sql)
        .bind(t.id).bind(t.professional_id).bind(&t.label_sealed).bind(&t.profile_sealed)
        .bind(&t.plan_sealed).bind(&t.wijk_code).bind(&t.status).bind(now)
        .bind(t.team_id).bind(t.standin_id)
        .execute(p).await.map(drop)?);
    Ok(())
}

/// One traject.
pub async fn traject(db: &Db, id: Uuid) -> Result<Option<TrajectRecord>> {
    let sql = format!("SELECT {TRAJECT_COLUMNS} FROM trajecten WHERE id = $1");
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// The sealed profiles of open trajecten whose wijk starts with `wijk_prefix`, for counts
/// that name no one (the talents nobody nearby asks for); at most 20,000.
pub async fn open_profiles(db: &Db, wijk_prefix: &str) -> Result<Vec<String>> {
    let sql = "SELECT profile_sealed FROM trajecten WHERE status = 'open' AND wijk_code LIKE $1 \
        LIMIT 20000";
    let prefix = super::signals::wijk_like(wijk_prefix);
    let rows: Vec<(String,)> =
        on_pool!(db, p => sqlx::query_as(sql).bind(prefix).fetch_all(p).await?);
    Ok(rows.into_iter().map(|(p,)| p).collect())
}

/// The trajecten a professional holds or stands in for, with how many referrals are still
/// running, newest first.
pub async fn trajecten_of(db: &Db, professional: Uuid) -> Result<Vec<(TrajectRecord, i64)>> {
    let sql = format!(
        "SELECT {TRAJECT_COLUMNS} FROM trajecten WHERE professional_id = $1 \
        OR standin_id = $1 ORDER BY updated_at DESC LIMIT 500"
    );
    let list: Vec<TrajectRecord> =
        on_pool!(db, p => sqlx::query_as(&sql).bind(professional).fetch_all(p).await?);
    // One count query for all of them, not one per traject.
    let sql =
        "SELECT r.traject_id, COUNT(*) FROM referrals r JOIN trajecten t ON t.id = r.traject_id \
        WHERE (t.professional_id = $1 OR t.standin_id = $1) AND r.status NOT IN ('afgewezen', 'afgerond', 'gestopt') \
        GROUP BY r.traject_id";
    let open: std::collections::HashMap<Uuid, i64> =
        on_pool!(db, p => sqlx::query_as::<_, (Uuid, i64)>(sql)
        .bind(professional).fetch_all(p).await?)
        .into_iter()
        .collect();
    Ok(list
        .into_iter()
        .map(|t| {
            let n = open.get(&t.id).copied().unwrap_or(0);
            (t, n)
        })
        .collect())
}

/// Deletes a traject and the personal texts of its referrals (on the person's request). The
/// referrals' status history stays, without anything personal, for the anonymous counts.
pub async fn delete_traject(db: &Db, id: Uuid) -> Result<()> {
    let mut tx = db.begin().await?;
    let now = Utc::now();
    on_tx!(&mut tx, t => sqlx::query(WIPE_REFERRALS_OF_TRAJECT).bind(id).bind(now).execute(t).await.map(drop)?);
    on_tx!(&mut tx, t => sqlx::query("DELETE FROM trajecten WHERE id = $1").bind(id).execute(t).await.map(drop)?);
    tx.commit().await
}

/// Closes a traject (the work is done); its personal data goes after the retention period.
pub async fn close_traject(db: &Db, id: Uuid) -> Result<()> {
    let sql =
        "UPDATE trajecten SET status = 'closed', closed_at = $2, updated_at = $2 WHERE id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(Utc::now()).execute(p).await.map(drop)?);
    Ok(())
}
