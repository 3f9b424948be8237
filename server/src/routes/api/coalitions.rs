//! `/api/v1/coalitions`: proposals (win-win detection) and the coalitions themselves.
//! Reading is open; changing needs the admin token until accounts exist.

use app::coalitions::{CoalitionInput, CoalitionView, NoteView};
use app::profile::{coalition_proposals, CoalitionProposal};
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

fn gemeente(scope: &Scope) -> Result<Option<&str>, ApiError> {
    match scope.gemeente.trim() {
        "" => Ok(None),
        code if code.len() == 6
            && code.starts_with("GM")
            && code[2..].chars().all(|c| c.is_ascii_digit()) =>
        {
            Ok(Some(code))
        }
        _ => Err(ApiError::BadRequest(
            "invalid_gemeente",
            "Geef de gemeente als CBS-code, zoals GM0344 voor Utrecht.".into(),
        )),
    }
}

fn require_admin(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    if state.admin_token.is_none() {
        return Err(ApiError::Forbidden(
            "Beheren via de API staat uit op deze kaart.".into(),
        ));
    }
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if state.is_admin_token(given) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

fn body<T>(input: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    input.map(|Json(t)| t).map_err(|_| {
        ApiError::BadRequest(
            "invalid_json",
            "Dit is geen geldige JSON, of er staan velden van het verkeerde soort in.".into(),
        )
    })
}

fn id(text: &str) -> Result<Uuid, ApiError> {
    text.parse().map_err(|_| ApiError::NotFound)
}

/// Proposed coalitions for a gemeente, most promising first.
pub async fn suggestions(
    State(state): State<AppState>,
    Query(scope): Query<Scope>,
) -> Result<Json<Vec<CoalitionProposal>>, ApiError> {
    Ok(Json(coalition_proposals(&state, gemeente(&scope)?).await?))
}

/// All coalitions (of a gemeente).
pub async fn list(
    State(state): State<AppState>,
    Query(scope): Query<Scope>,
) -> Result<Json<Vec<CoalitionView>>, ApiError> {
    Ok(Json(
        app::db::list_coalitions(&state.db, gemeente(&scope)?).await?,
    ))
}

/// One coalition.
pub async fn get(
    State(state): State<AppState>,
    Path(coalition): Path<String>,
) -> Result<Json<CoalitionView>, ApiError> {
    Ok(Json(
        app::db::get_coalition(&state.db, id(&coalition)?).await?,
    ))
}

/// The id of a created coalition.
#[derive(Serialize)]
pub struct Created {
    id: Uuid,
}

/// Creates a coalition (admin token).
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    input: Result<Json<CoalitionInput>, JsonRejection>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    require_admin(&state, &headers)?;
    let id = app::db::create_coalition(&state.db, body(input)?).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Replaces a coalition (admin token).
pub async fn update(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(coalition): Path<String>,
    input: Result<Json<CoalitionInput>, JsonRejection>,
) -> Result<Json<CoalitionView>, ApiError> {
    require_admin(&state, &headers)?;
    let id = id(&coalition)?;
    app::db::update_coalition(&state.db, id, body(input)?).await?;
    Ok(Json(app::db::get_coalition(&state.db, id).await?))
}

/// Deletes a coalition (admin token).
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(coalition): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_admin(&state, &headers)?;
    app::db::delete_coalition(&state.db, id(&coalition)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a "tellen en vertellen" note (admin token).
pub async fn add_note(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(coalition): Path<String>,
    input: Result<Json<NoteView>, JsonRejection>,
) -> Result<Json<CoalitionView>, ApiError> {
    require_admin(&state, &headers)?;
    let id = id(&coalition)?;
    app::db::add_coalition_note(&state.db, id, &body(input)?).await?;
    Ok(Json(app::db::get_coalition(&state.db, id).await?))
}
