//! The JSON API, version 1.

pub mod coalitions;
mod matching;
mod search;
mod signals;

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
