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
}

pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let offers = state.db.count_offers().await?;
    let documents = state.search.state().documents;
    let index_state = if documents == 0 && offers > 0 {
        "empty"
    } else {
        "ready"
    };
    Ok(Json(Health {
        status: "ok",
        database: state.db.backend(),
        offers,
        index: IndexHealth {
            documents,
            state: index_state,
        },
    }))
}
