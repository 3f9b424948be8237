//! The stylesheet, compiled into the binary so pages look right even without the wasm bundle.

use axum::http::header;
use axum::response::IntoResponse;

const STYLE: &str = include_str!("../../../app/style/main.css");

pub async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
}
