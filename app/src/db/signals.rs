//! Anonymous signals: what was asked without a suitable offer nearby, refusals and waiting
//! times. No person and no referral id, only where and what.

use chrono::Utc;
use uuid::Uuid;

use super::{on_pool, on_tx, Db, Tx};
use crate::Result;

/// A LIKE pattern for wijk codes starting with `prefix` (its own wildcards taken out).
pub(super) fn wijk_like(prefix: &str) -> String {
    format!("{}%", prefix.replace(['%', '_'], ""))
}

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
    let prefix = wijk_like(wijk_prefix);
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
    let prefix = wijk_like(wijk_prefix);
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(prefix).bind(from).bind(to).fetch_all(p).await?))
}

/// Adds one to the count of searches near `pc4` (in `wijk`) that found nothing, per topic the
/// question named in the concept list's words (`code`, `word`; both empty when it named none).
pub async fn record_search_gap(
    db: &Db,
    wijk: &str,
    pc4: &str,
    topics: &[(String, String)],
) -> Result<()> {
    let sql = "INSERT INTO search_gaps (day, wijk_code, pc4, code, word, searches) \
        VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (day, wijk_code, pc4, code, word) \
        DO UPDATE SET searches = search_gaps.searches + 1";
    let day = Utc::now().date_naive();
    let none = [(String::new(), String::new())];
    let topics = if topics.is_empty() { &none[..] } else { topics };
    let mut tx = db.begin().await?;
    for (code, word) in topics {
        on_tx!(&mut tx, t => sqlx::query(sql).bind(day).bind(wijk).bind(pc4).bind(code).bind(word)
            .execute(t).await.map(drop)?);
    }
    tx.commit().await
}

/// Searches that found nothing in the wijken starting with `wijk_prefix`, from `from` to `to`
/// inclusive: (wijk, code, word, searches).
pub async fn search_gaps_between(
    db: &Db,
    wijk_prefix: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<(String, String, String, i64)>> {
    // SUM of an INTEGER is a bigint on PostgreSQL; the cast keeps SQLite and PostgreSQL alike.
    let sql = "SELECT wijk_code, code, word, CAST(SUM(searches) AS BIGINT) FROM search_gaps \
        WHERE wijk_code LIKE $1 AND day >= $2 AND day <= $3 GROUP BY wijk_code, code, word";
    let prefix = wijk_like(wijk_prefix);
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(prefix).bind(from).bind(to).fetch_all(p).await?))
}

/// The organisations' own waiting-list figures per wijk of the places their offers are at
/// (an offer at two places counts once, at its first): (wijk, people waiting).
pub async fn waiting_lists_by_wijk(db: &Db, wijk_prefix: &str) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT w.wijk_code, CAST(SUM(w.waiting_list) AS BIGINT) FROM ( \
        SELECT s.id, MIN(l.wijk_code) AS wijk_code, MAX(s.waiting_list) AS waiting_list \
        FROM services s JOIN service_at_locations sl ON sl.service_id = s.id \
        JOIN locations l ON l.id = sl.location_id \
        WHERE s.waiting_list > 0 AND s.status = 'active' AND l.wijk_code LIKE $1 GROUP BY s.id) w \
        GROUP BY w.wijk_code";
    let prefix = wijk_like(wijk_prefix);
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(prefix).fetch_all(p).await?))
}

/// Open roles per wijk created before `before` (those open for more than 60 days when
/// `before` is 60 days ago): (wijk, roles).
pub async fn roles_open_since(
    db: &Db,
    wijk_prefix: &str,
    before: chrono::DateTime<Utc>,
) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT l.wijk_code, COUNT(*) FROM needs n JOIN locations l ON l.id = n.location_id \
        WHERE n.status = 'open' AND n.kind IN ('vrijwilliger', 'trainer') AND n.created_at < $2 \
        AND l.wijk_code LIKE $1 GROUP BY l.wijk_code";
    let prefix = wijk_like(wijk_prefix);
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(prefix).bind(before).fetch_all(p).await?))
}

/// The gemeenten that have places on the map, most places first: (gemeente code, places).
pub async fn gemeenten_with_places(db: &Db) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT gemeente_code, COUNT(*) FROM locations WHERE gemeente_code IS NOT NULL \
        GROUP BY gemeente_code ORDER BY COUNT(*) DESC, gemeente_code LIMIT 400";
    Ok(on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?))
}

/// Stores an anonymous signal with a given id and day, once (the demo's, loaded again, stays
/// as it is).
#[allow(clippy::too_many_arguments)]
pub async fn put_signal(
    db: &Db,
    id: Uuid,
    kind: &str,
    wijk: &str,
    leefgebied: &str,
    reason: &str,
    days: Option<i32>,
    day: chrono::NaiveDate,
) -> Result<()> {
    let sql = "INSERT INTO signals (id, kind, wijk_code, leefgebied, reason, days, day) \
        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING";
    on_pool!(db, p => sqlx::query(sql).bind(id).bind(kind).bind(wijk).bind(leefgebied)
        .bind(reason).bind(days).bind(day).execute(p).await.map(drop)?);
    Ok(())
}

/// Sets one day's count of searches without a result (the demo's: the same on every load).
pub async fn put_search_gap(
    db: &Db,
    day: chrono::NaiveDate,
    wijk: &str,
    pc4: &str,
    topic: (&str, &str),
    searches: i32,
) -> Result<()> {
    let sql = "INSERT INTO search_gaps (day, wijk_code, pc4, code, word, searches) \
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (day, wijk_code, pc4, code, word) \
        DO UPDATE SET searches = excluded.searches";
    on_pool!(db, p => sqlx::query(sql).bind(day).bind(wijk).bind(pc4).bind(topic.0).bind(topic.1)
        .bind(searches).execute(p).await.map(drop)?);
    Ok(())
}
