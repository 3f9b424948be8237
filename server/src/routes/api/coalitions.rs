//! `/api/v1/coalitions`: proposals (win-win detection) and the coalitions themselves.
//! Reading is open; changing needs a personal API token (`Authorization: Bearer sk_...`, made
//! on `/beheer/sleutels`) and acts as its holder, under the same rules as the pages.

use app::coalitions::{CoalitionInput, CoalitionView, NoteView};
use app::domain::GemeenteCode;
use app::profile::CoalitionProposal;
use app::service::{coalitions, tokens};
use app::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ApiError;

/// `?gemeente=GM0344`.
#[derive(Debug, Deserialize)]
pub struct Scope {
    #[serde(default)]
    gemeente: String,
}

fn gemeente(scope: &Scope) -> Result<Option<GemeenteCode>, ApiError> {
    match scope.gemeente.trim() {
        "" => Ok(None),
        code => GemeenteCode::parse(code).map(Some).ok_or_else(|| {
            ApiError::BadRequest(
                "invalid_gemeente",
                "Geef de gemeente als CBS-code, zoals GM0344 voor Utrecht.".into(),
            )
        }),
    }
}

/// The acting user of a changing request: the holder of the bearer token, checked before the
/// body is read.
pub(super) async fn holder(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<app::auth::Me, ApiError> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    Ok(tokens::holder(state, bearer).await?)
}

fn body<T>(input: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    input
        .map(|Json(t)| t)
        .map_err(|e| ApiError::BadRequest("invalid_json", super::unreadable_json("Dit", &e)))
}

fn id(text: &str) -> Result<Uuid, ApiError> {
    text.parse().map_err(|_| ApiError::NotFound)
}

/// Proposed coalitions for a gemeente, most promising first (in Dutch, as the API speaks).
pub async fn suggestions(
    State(state): State<AppState>,
    Query(scope): Query<Scope>,
) -> Result<Json<Vec<CoalitionProposal>>, ApiError> {
    let gemeente = gemeente(&scope)?;
    let found = coalitions::proposals(&state, gemeente.as_ref(), app::i18n::Lang::Nl).await?;
    Ok(Json(found))
}

/// All coalitions (of a gemeente).
pub async fn list(
    State(state): State<AppState>,
    Query(scope): Query<Scope>,
) -> Result<Json<Vec<CoalitionView>>, ApiError> {
    let gemeente = gemeente(&scope)?;
    Ok(Json(coalitions::list(&state, gemeente.as_ref()).await?))
}

/// One coalition.
pub async fn get(
    State(state): State<AppState>,
    Path(coalition): Path<String>,
) -> Result<Json<CoalitionView>, ApiError> {
    Ok(Json(coalitions::get(&state, id(&coalition)?).await?))
}

/// The id of a created coalition.
#[derive(Serialize)]
pub struct Created {
    id: Uuid,
}

/// Creates a coalition (API token).
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    input: Result<Json<CoalitionInput>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let me = holder(&state, &headers).await?;
    let id = coalitions::create(&state, &me, body(input)?).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Replaces a coalition (API token).
pub async fn update(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(coalition): Path<String>,
    input: Result<Json<CoalitionInput>, JsonRejection>,
) -> Result<Json<CoalitionView>, ApiError> {
    let me = holder(&state, &headers).await?;
    let id = id(&coalition)?;
    Ok(Json(
        coalitions::update(&state, &me, id, body(input)?).await?,
    ))
}

/// Deletes a coalition (API token).
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(coalition): Path<String>,
) -> Result<StatusCode, ApiError> {
    let me = holder(&state, &headers).await?;
    coalitions::delete(&state, &me, id(&coalition)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a "tellen en vertellen" note (API token).
pub async fn add_note(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(coalition): Path<String>,
    input: Result<Json<NoteView>, JsonRejection>,
) -> Result<Json<CoalitionView>, ApiError> {
    let me = holder(&state, &headers).await?;
    let id = id(&coalition)?;
    Ok(Json(
        coalitions::add_note(&state, &me, id, &body(input)?)
            .await?
            .0,
    ))
}
