//! `POST /api/v1/match`: a profile in, three lanes of explained suggestions out.

use app::profile::CoalitionProposal;
use app::profile::ProfileInput;
use app::service::matching;
use app::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use index::matching::Suggestion;
use serde::Serialize;

use crate::ApiError;

/// The three lanes, with coalitions worded for readers.
#[derive(Serialize)]
pub struct Response {
    own_strengths: Vec<String>,
    meedoen: Vec<Suggestion>,
    bijdragen: Vec<Suggestion>,
    samen: Vec<CoalitionProposal>,
    /// Each other member of the household with their own lanes.
    household: Vec<MemberResponse>,
    /// Activities for a parent and a child of the household together.
    together: Vec<Suggestion>,
}

/// One member of the household and their lanes.
#[derive(Serialize)]
pub struct MemberResponse {
    name: String,
    age: Option<u8>,
    role: String,
    meedoen: Vec<Suggestion>,
    bijdragen: Vec<Suggestion>,
}

/// Matches one profile. Nothing of it is stored or logged.
pub async fn match_profile(
    State(state): State<AppState>,
    input: Result<Json<ProfileInput>, JsonRejection>,
) -> Result<Json<Response>, ApiError> {
    let Json(input) = input.map_err(|e| {
        ApiError::BadRequest("invalid_profile", super::unreadable_json("Het profiel", &e))
    })?;
    let profile = input.parse()?;
    let members = input.parse_household(&profile)?;
    // The JSON API speaks Dutch, as its messages do.
    let lang = app::i18n::Lang::Nl;
    let (catalog, lanes) = matching::run(&state, &profile, lang).await?;
    let household = matching::household(&catalog, &profile, &members, lang);
    Ok(Json(Response {
        household: household
            .members
            .into_iter()
            .map(|(m, lanes)| MemberResponse {
                name: m.name,
                age: m.age,
                role: m.role,
                meedoen: lanes.meedoen,
                bijdragen: lanes.bijdragen,
            })
            .collect(),
        together: household.together,
        samen: lanes
            .samen
            .iter()
            .map(|c| matching::proposal_view(&catalog, c, lang))
            .collect(),
        own_strengths: app::explain::own_strengths(&profile.talents, &profile.network, lang),
        meedoen: lanes.meedoen,
        bijdragen: lanes.bijdragen,
    }))
}
