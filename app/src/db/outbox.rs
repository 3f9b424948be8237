//! The index change log (`index_outbox`): written with every change, read by each node.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{bulk, on_pool, on_tx, Db, Tx};
use crate::Result;

/// A gap in the log younger than this may be a transaction still committing (ids are handed
/// out before commit): a follower waits for it; an older one was rolled back.
pub const GAP_GRACE: chrono::Duration = chrono::Duration::seconds(5);

/// How far the log can be taken as complete, reading `entries` (in order) on from `position`:
/// up to the entry before the first gap younger than [`GAP_GRACE`], or the last entry. An
/// older gap is a rolled-back transaction and is stepped over.
pub fn settled_through(position: i64, entries: &[OutboxEntry]) -> i64 {
    let now = Utc::now();
    let mut last = position;
    for e in entries {
        if e.id != last + 1 && now - e.changed_at < GAP_GRACE {
            break;
        }
        last = e.id;
    }
    last
}

/// One logged change: offer or role `service_id` changed (or was deleted) at position `id`.
/// Roles (needs) share the log: both are documents in the search index, keyed by their id.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OutboxEntry {
    /// Position in the log.
    pub id: i64,
    /// The offer that changed.
    pub service_id: Uuid,
    /// When.
    pub changed_at: DateTime<Utc>,
}

/// Logs that these offers changed, inside the caller's transaction.
pub(crate) async fn log_services(tx: &mut Tx, ids: &[Uuid]) -> Result<()> {
    let now = Utc::now();
    for chunk in ids.chunks(bulk::ROWS) {
        let sql = bulk::insert_sql(
            tx.placeholder(),
            "INSERT INTO index_outbox (service_id, changed_at)",
            2,
            chunk.len(),
            "",
        );
        on_tx!(tx, t => {
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id).bind(now);
            }
            q.execute(t).await.map(drop)?
        });
    }
    Ok(())
}

/// Logs, once each, the offers and roles in `changed` and every offer and role of the
/// `organisations` and at the `locations` (their names and places are in the search
/// documents): what a batch of an import touched.
pub(crate) async fn log_batch(
    tx: &mut Tx,
    changed: &[Uuid],
    organisations: &[Uuid],
    locations: &[Uuid],
) -> Result<()> {
    let mut seen = HashSet::with_capacity(changed.len());
    // The organisations themselves too: matching catalogs hold them as partners.
    let mut ids: Vec<Uuid> = changed
        .iter()
        .chain(organisations)
        .copied()
        .filter(|id| seen.insert(*id))
        .collect();
    let lookups = [
        (
            "SELECT id FROM services WHERE organization_id IN",
            organisations,
        ),
        (
            "SELECT id FROM needs WHERE organization_id IN",
            organisations,
        ),
        (
            "SELECT service_id FROM service_at_locations WHERE location_id IN",
            locations,
        ),
        ("SELECT id FROM needs WHERE location_id IN", locations),
    ];
    for (head, keys) in lookups {
        for chunk in keys.chunks(bulk::ROWS) {
            let sql = bulk::in_sql(tx.placeholder(), head, chunk.len(), "");
            let found: Vec<Uuid> = on_tx!(tx, t => {
                let mut q = sqlx::query_scalar(&sql);
                for key in chunk {
                    q = q.bind(key);
                }
                q.fetch_all(t).await?
            });
            ids.extend(found.into_iter().filter(|id| seen.insert(*id)));
        }
    }
    log_services(tx, &ids).await
}

/// Logs every offer and role of an organisation or at a location (their names and places are
/// in the search documents).
pub(crate) async fn log_dependents(
    tx: &mut Tx,
    organisation: Option<Uuid>,
    location: Option<Uuid>,
) -> Result<()> {
    let now = Utc::now();
    if let Some(org) = organisation {
        // The organisation itself too: matching catalogs hold organisations as partners.
        log_services(tx, &[org]).await?;
        let sql = "INSERT INTO index_outbox (service_id, changed_at) \
                   SELECT id, $2 FROM services WHERE organization_id = $1";
        on_tx!(tx, t => sqlx::query(sql).bind(org).bind(now).execute(t).await.map(drop)?);
        let sql = "INSERT INTO index_outbox (service_id, changed_at) \
                   SELECT id, $2 FROM needs WHERE organization_id = $1";
        on_tx!(tx, t => sqlx::query(sql).bind(org).bind(now).execute(t).await.map(drop)?);
    }
    if let Some(loc) = location {
        let sql = "INSERT INTO index_outbox (service_id, changed_at) \
                   SELECT service_id, $2 FROM service_at_locations WHERE location_id = $1";
        on_tx!(tx, t => sqlx::query(sql).bind(loc).bind(now).execute(t).await.map(drop)?);
        let sql = "INSERT INTO index_outbox (service_id, changed_at) \
                   SELECT id, $2 FROM needs WHERE location_id = $1";
        on_tx!(tx, t => sqlx::query(sql).bind(loc).bind(now).execute(t).await.map(drop)?);
    }
    Ok(())
}

/// Entries after `position`, oldest first.
pub async fn outbox_since(db: &Db, position: i64, limit: i64) -> Result<Vec<OutboxEntry>> {
    let sql =
        "SELECT id, service_id, changed_at FROM index_outbox WHERE id > $1 ORDER BY id LIMIT $2";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(position).bind(limit).fetch_all(p).await?))
}

/// The newest position (0 when the log is empty).
pub async fn outbox_head(db: &Db) -> Result<i64> {
    let sql = "SELECT COALESCE(MAX(id), 0) FROM index_outbox";
    let head: i64 = on_pool!(db, p => sqlx::query_scalar(sql).fetch_one(p).await?);
    Ok(head)
}

/// The oldest position still in the log (0 when empty): a node behind it must rebuild.
pub async fn outbox_tail(db: &Db) -> Result<i64> {
    let sql = "SELECT COALESCE(MIN(id), 0) FROM index_outbox";
    let tail: i64 = on_pool!(db, p => sqlx::query_scalar(sql).fetch_one(p).await?);
    Ok(tail)
}

/// Deletes entries older than `before`; nodes that were away longer rebuild their index.
pub async fn prune_outbox(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    let sql = "DELETE FROM index_outbox WHERE changed_at < $1";
    let done = on_pool!(db, p => sqlx::query(sql).bind(before).execute(p).await?.rows_affected());
    Ok(done)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};
    use uuid::Uuid;

    use super::{settled_through, OutboxEntry};

    fn entry(id: i64, age_seconds: i64) -> OutboxEntry {
        OutboxEntry {
            id,
            service_id: Uuid::nil(),
            changed_at: Utc::now() - Duration::seconds(age_seconds),
        }
    }

    #[test]
    fn the_log_is_settled_up_to_a_young_gap_and_over_an_old_one() {
        assert_eq!(settled_through(4, &[]), 4);
        assert_eq!(settled_through(4, &[entry(5, 0), entry(6, 0)]), 6);
        // 7 is missing and 8 is a second old: 7 may still commit.
        assert_eq!(
            settled_through(4, &[entry(5, 0), entry(6, 0), entry(8, 1)]),
            6
        );
        // 7 is missing and 8 is a minute old: 7 was rolled back.
        assert_eq!(
            settled_through(4, &[entry(5, 60), entry(6, 60), entry(8, 60)]),
            8
        );
    }
}
