//! The JSON API, version 1.

pub mod coalitions;
mod matching;
mod search;
mod signals;

use axum::extract::rejection::JsonRejection;
use axum::http::header;
use axum::response::IntoResponse;

pub use matching::match_profile;
pub use search::search;
pub use signals::signals;

/// The OpenAPI 3.1 document of `/api/v1`, kept next to the handlers it describes.
pub async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
}

/// A Dutch sentence for a JSON body the API could not read; `what` names it ("Het profiel").
/// Says what is wrong, not which status code or parser said so.
pub(crate) fn unreadable_json(what: &str, rejection: &JsonRejection) -> String {
    match rejection {
        JsonRejection::JsonDataError(_) => {
            format!("{what} heeft een veld van het verkeerde soort, of er ontbreekt een veld.")
        }
        JsonRejection::JsonSyntaxError(_) => format!("{what} is geen geldige JSON."),
        JsonRejection::MissingJsonContentType(_) => {
            format!("{what} moet als JSON komen (Content-Type: application/json).")
        }
        _ => format!("{what} kon niet worden gelezen."),
    }
}
