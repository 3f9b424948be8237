//! `POST /api/v1/match`: a profile in, three lanes of explained suggestions out.

use app::profile::{run_match, ProfileInput};
use app::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use index::matching::Lanes;

use crate::ApiError;

/// Matches one profile. Nothing of it is stored or logged.
pub async fn match_profile(
    State(state): State<AppState>,
    input: Result<Json<ProfileInput>, JsonRejection>,
) -> Result<Json<Lanes>, ApiError> {
    let Json(input) = input.map_err(|e| {
        ApiError::BadRequest(
            "invalid_profile",
            format!(
                "Het profiel is geen geldige JSON of heeft velden van het verkeerde soort ({}).",
                e.status().as_u16()
            ),
        )
    })?;
    let profile = input.parse()?;
    // The JSON API speaks Dutch, as its messages do.
    let (_, lanes) = run_match(&state, &profile, app::i18n::Lang::Nl).await?;
    Ok(Json(lanes))
}
