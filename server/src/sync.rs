//! Keeping this node's search index in step with the database (the source of truth).
//!
//! A marker file records what the index was built from; when it is missing or differs from the
//! database, or the document count is off, the index is rebuilt on start.

use std::path::Path;

use anyhow::Context;
use app::AppState;

const MARKER: &str = "synced-from";

/// Rebuilds the index from the database; returns the number of documents.
pub async fn reindex(state: &AppState) -> anyhow::Result<u64> {
    let docs = app::db::index_documents(&state.db)
        .await
        .context("reading offers for the index")?;
    let search = state.search.clone();
    let documents = tokio::task::spawn_blocking(move || {
        search.replace_all(docs)?;
        Ok::<_, index::Error>(search.state().documents)
    })
    .await?
    .context("rebuilding the search index")?;
    tracing::info!(documents, "search index rebuilt");
    Ok(documents)
}

/// Rebuilds the index when it does not match the database.
pub async fn sync_index_if_stale(state: &AppState, index_dir: &Path) -> anyhow::Result<()> {
    let fingerprint = app::db::index_fingerprint(&state.db).await?;
    let marker = index_dir.join(MARKER);
    let recorded = std::fs::read_to_string(&marker).unwrap_or_default();
    let expected_docs = app::db::index_documents_count(&state.db).await?;
    if recorded == fingerprint && state.search.state().documents == expected_docs {
        tracing::info!(documents = expected_docs, "search index is up to date");
        return Ok(());
    }
    tracing::info!("search index missing or stale, rebuilding");
    reindex(state).await?;
    std::fs::write(&marker, fingerprint).context("writing index marker")?;
    Ok(())
}
