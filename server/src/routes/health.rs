//! `GET /health`: database backend, number of offers, index state.

use app::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::ApiError;

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
    offers: i64,
    index: IndexHealth,
}

#[derive(Serialize)]
pub struct IndexHealth {
    documents: u64,
    state: &'static str,
    /// Change-log position this node's index reflects, and how far it is behind.
    position: Option<u64>,
    behind: i64,
}

pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let offers = state.db.count_offers().await?;
    let index = state.search.state();
    let head = app::db::outbox_head(&state.db).await?;
    let behind = head - index.position.unwrap_or(0) as i64;
    let index_state = match (index.documents, behind) {
        (0, _) if offers > 0 => "empty",
        (_, b) if b > 0 => "catching_up",
        _ => "ready",
    };
    Ok(Json(Health {
        status: "ok",
        database: state.db.backend(),
        offers,
        index: IndexHealth {
            documents: index.documents,
            state: index_state,
            position: index.position,
            behind,
        },
    }))
}
