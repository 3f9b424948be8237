//! Keeping this node's search index in step with the database (the source of truth).
//!
//! Every write logs the offers it touched in `index_outbox`, in the same transaction. Each node
//! follows that log in order and stores the position it reached in its own index (the tantivy
//! commit payload). On start, a missing, corrupt or too old index is rebuilt from scratch.

use std::collections::BTreeSet;
use std::time::Duration;

use anyhow::Context;
use app::AppState;
use uuid::Uuid;

/// How often a node looks for changes.
const POLL: Duration = Duration::from_millis(200);
/// Entries applied per commit.
const BATCH: i64 = 2000;

/// Rebuilds the index from the database; returns the number of documents.
///
/// The documents stream from the database a page of offers at a time into the index writer on
/// a blocking thread, so reading overlaps with indexing and memory holds a few pages, not a
/// million documents. The new index is committed only after the last page arrived.
pub async fn reindex(state: &AppState) -> anyhow::Result<u64> {
    // Read the head first: changes committed while we read are applied again later, which is
    // harmless; changes before it are in what we read.
    let head = app::db::outbox_head(&state.db).await?;
    // `None` marks the end; a channel closed without it (the reader failed) commits nothing.
    let (pages, mut received) = tokio::sync::mpsc::channel::<Option<Vec<index::OfferDoc>>>(2);
    let search = state.search.clone();
    let writer = tokio::task::spawn_blocking(move || {
        let next = || received.blocking_recv().ok_or(index::Error::SourceStopped);
        search.replace_all_from(next, Some(head as u64))?;
        Ok::<_, index::Error>(search.state().documents)
    });
    let read = read_pages(state, &pages).await;
    if read.is_ok() {
        // A writer that failed has dropped its end; its own error is the one to report.
        let _ = pages.send(None).await;
    }
    drop(pages);
    let written = writer.await?;
    read.context("reading offers for the index")?;
    let documents = written.context("rebuilding the search index")?;
    tracing::info!(documents, position = head, "search index rebuilt");
    Ok(documents)
}

/// About this many offers (then roles) per page of a rebuild.
const REBUILD_PAGE: u32 = 5000;

/// Sends every document to `pages`, a page at a time; stops early when the writer is gone.
async fn read_pages(
    state: &AppState,
    pages: &tokio::sync::mpsc::Sender<Option<Vec<index::OfferDoc>>>,
) -> app::Result<()> {
    for source in [
        app::db::DocumentSource::Offers,
        app::db::DocumentSource::Roles,
    ] {
        let mut cursor = app::db::rebuild_pages(&state.db, source, REBUILD_PAGE).await?;
        while let Some(docs) = app::db::index_documents_page(&state.db, &mut cursor).await? {
            if docs.is_empty() {
                continue;
            }
            if pages.send(Some(docs)).await.is_err() {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// On start: rebuild when the index is new, corrupt, behind the pruned log or miscounted;
/// otherwise catch up with the log.
pub async fn sync_index_on_start(state: &AppState) -> anyhow::Result<()> {
    let position = state.search.state().position;
    let tail = app::db::outbox_tail(&state.db).await?;
    let usable = position.is_some_and(|p| tail == 0 || p as i64 + 1 >= tail);
    if !usable {
        tracing::info!(
            ?position,
            tail,
            "search index missing or behind the change log, rebuilding"
        );
        reindex(state).await?;
        return Ok(());
    }
    while apply_changes(state).await? > 0 {}
    let expected = app::db::index_documents_count(&state.db).await?;
    if state.search.state().documents != expected {
        tracing::warn!(
            expected,
            "search index count differs from the database, rebuilding"
        );
        reindex(state).await?;
    } else {
        tracing::info!(documents = expected, "search index is up to date");
    }
    Ok(())
}

/// Applies the next batch of logged changes; returns how many entries it applied.
pub async fn apply_changes(state: &AppState) -> anyhow::Result<usize> {
    let position = state.search.state().position.unwrap_or(0) as i64;
    let entries = app::db::outbox_since(&state.db, position, BATCH).await?;
    // Ids are handed out before commit, so a missing id may still arrive: stop before it.
    let last = app::db::settled_through(position, &entries);
    if last == position {
        return Ok(0);
    }
    let changed: BTreeSet<Uuid> = entries
        .iter()
        .take_while(|e| e.id <= last)
        .map(|e| e.service_id)
        .collect();
    let changed: Vec<Uuid> = changed.into_iter().collect();
    let docs = app::db::index_documents(&state.db, Some(&changed)).await?;
    let search = state.search.clone();
    let ids = changed.clone();
    tokio::task::spawn_blocking(move || search.apply(&ids, docs, last as u64))
        .await?
        .context("applying changes to the search index")?;
    tracing::debug!(
        offers = changed.len(),
        position = last,
        "search index updated"
    );
    Ok((last - position) as usize)
}

/// "Ik doe mee" requests are kept this long (the form promises six months).
pub const SIGNUP_RETENTION_DAYS: i64 = 183;

/// Every hour: deletes expired personal data (anonymous "ik kan iets" entries, "ik doe mee"
/// requests and "ik help mee" answers after six months), follows up answers to roles nobody
/// answered (a reminder after a week, a signal and a kind message after two), warns coalitions
/// 90 and 30 days before their money stops and reminds those that fell quiet, and logs
/// listings that just became too old to show, so every
/// node's index drops them. Every node may run it: each step is idempotent.
pub fn spawn_housekeeping(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let today = chrono::Utc::now().date_naive();
            match app::db::delete_expired_talent_entries(&state.db, today).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "expired talent entries deleted"),
                Err(error) => tracing::warn!(error = %error, "housekeeping failed, retrying"),
            }
            match app::db::delete_old_signups(&state.db, SIGNUP_RETENTION_DAYS).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "old sign-up requests deleted"),
                Err(error) => tracing::warn!(error = %error, "housekeeping failed, retrying"),
            }
            match app::service::manage::send_reminders(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(organisations = n, "check reminders sent"),
                Err(error) => tracing::warn!(error = %error, "housekeeping failed, retrying"),
            }
            match app::service::helping::housekeeping(&state).await {
                Ok(round) if round == Default::default() => {}
                Ok(round) => tracing::info!(
                    reminded = round.reminded,
                    unanswered = round.unanswered,
                    deleted = round.deleted,
                    "role answers followed up"
                ),
                Err(error) => tracing::warn!(error = %error, "housekeeping failed, retrying"),
            }
            match app::service::coalitions::housekeeping(&state, today).await {
                Ok(round) if round == Default::default() => {}
                Ok(round) => tracing::info!(
                    funding_warnings = round.funding_warnings,
                    quiet_reminders = round.quiet_reminders,
                    "coalitions followed up"
                ),
                Err(error) => tracing::warn!(error = %error, "housekeeping failed, retrying"),
            }
            let retention = state.referral_retention_days;
            match app::service::referrals::housekeeping(&state, retention).await {
                Ok((0, 0)) => {}
                Ok((followups, wiped)) => {
                    tracing::info!(followups, wiped, "referral follow-ups and retention done")
                }
                Err(error) => tracing::warn!(error = %error, "housekeeping failed, retrying"),
            }
            if let Err(error) = app::db::log_newly_hidden(&state.db).await {
                tracing::warn!(error = %error, "housekeeping failed, retrying");
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    })
}

/// Follows the change log until the process ends: the search index, and once caught up after
/// a change, the matching catalog in memory (what the log named is read again; at start the
/// catalog is built whole, so no request waits for it: a million offers take a minute).
pub fn spawn_follower(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut behind = true;
        loop {
            match apply_changes(&state).await {
                Ok(n) if n > 0 => {
                    behind = true;
                    continue;
                }
                Ok(_) if behind => {
                    behind = false;
                    if let Err(error) = state.catalog.follow_log(&state.db).await {
                        tracing::warn!(error = %error, "matching catalog update failed");
                    }
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(
                    error = format!("{error:#}"),
                    "index update failed, retrying"
                ),
            }
            tokio::time::sleep(POLL).await;
        }
    })
}
