//! `/ik-kan-iets/intrekken/{code}`: the one-click link in every "mag benaderd worden" mail.
//! It empties the contact at once (a link that needs a second step is a link people give up
//! on) and sends the person to a page that says so.

use app::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Empties the contact and redirects (303) to `/ik-kan-iets?ingetrokken=ja` (or `=onbekend`
/// for a code that was used before or never existed).
pub async fn revoke(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let outcome = match app::service::helping::revoke_contact(&state, &code).await {
        Ok(true) => "ja",
        Ok(false) => "onbekend",
        Err(error) => return crate::ApiError::from(error).into_response(),
    };
    (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            format!("/ik-kan-iets?ingetrokken={outcome}"),
        )],
    )
        .into_response()
}
