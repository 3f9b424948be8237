//! Anonymous signals: what was asked without a suitable offer nearby, refusals and waiting
//! times. No person and no referral id, only where and what.

use chrono::Utc;
use uuid::Uuid;

use super::{on_pool, on_tx, Db, Tx};
use crate::Result;

/// Stores one anonymous signal: no person, no referral id, only where and what.
pub async fn record_signal(
    tx: &mut Tx,
    kind: &str,
    wijk: Option<&str>,
    leefgebied: &str,
    reason: &str,
    days: Option<i64>,
) -> Result<()> {
    let sql = "INSERT INTO signals (id, kind, wijk_code, leefgebied, reason, days, day) \
        VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_tx!(tx, t => sqlx::query(sql).bind(Uuid::new_v4()).bind(kind).bind(wijk).bind(leefgebied)
        .bind(reason).bind(days.map(|d| d as i32)).bind(Utc::now().date_naive())
        .execute(t).await.map(drop)?);
    Ok(())
}

/// Records "no suitable offer nearby" for the leefgebieden of a traject (at most once per
/// traject, wijk and leefgebied a day).
pub async fn record_needs_without_offer(
    db: &Db,
    wijk: Option<&str>,
    leefgebieden: &[String],
) -> Result<()> {
    let mut tx = db.begin().await?;
    for l in leefgebieden {
        record_signal(&mut tx, "geen-aanbod", wijk, l, "", None).await?;
    }
    tx.commit().await
}

/// Anonymous counts: (kind, wijk, leefgebied, reason, count, average days).
pub async fn signal_counts(
    db: &Db,
) -> Result<Vec<(String, Option<String>, String, String, i64, Option<f64>)>> {
    // AVG of a REAL is a double on both backends.
    let sql = "SELECT kind, wijk_code, leefgebied, reason, COUNT(*), AVG(CAST(days AS REAL)) \
        FROM signals GROUP BY kind, wijk_code, leefgebied, reason ORDER BY kind, wijk_code, leefgebied, reason";
    Ok(on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?))
}

/// Signals of the wijken whose code starts with `wijk_prefix` (`WK0344`: the gemeente), from
/// `from` to `to` inclusive: (kind, wijk, leefgebied, reason, count).
pub async fn signals_between(
    db: &Db,
    wijk_prefix: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<(String, String, String, String, i64)>> {
    let sql = "SELECT kind, wijk_code, leefgebied, reason, COUNT(*) FROM signals \
        WHERE wijk_code LIKE $1 AND day >= $2 AND day <= $3 \
        GROUP BY kind, wijk_code, leefgebied, reason";
    let prefix = format!("{}%", wijk_prefix.replace(['%', '_'], ""));
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(prefix).bind(from).bind(to).fetch_all(p).await?))
}

/// Days until acceptance per wijk (the `wachttijd` signals) in the same window.
pub async fn waiting_days_between(
    db: &Db,
    wijk_prefix: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<(String, i32)>> {
    let sql = "SELECT wijk_code, days FROM signals WHERE kind = 'wachttijd' AND days IS NOT NULL \
        AND wijk_code LIKE $1 AND day >= $2 AND day <= $3";
    let prefix = format!("{}%", wijk_prefix.replace(['%', '_'], ""));
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(prefix).bind(from).bind(to).fetch_all(p).await?))
}
