//! Assets compiled into the binary, so pages look right and the map has its data even without
//! the wasm bundle: the stylesheet, the map script and Utrecht's wijk boundaries.

use app::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

const STYLE: &str = include_str!("../../../app/style/main.css");
const MAP_SCRIPT: &str = include_str!("../../../app/style/kaart.js");
const WIJKEN: &str = include_str!("../../../data/geo/utrecht_wijken_2013.geojson");

pub async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
}

/// The map script, with this node's base-tile URL (none: boundaries only).
pub async fn map_script(State(state): State<AppState>) -> impl IntoResponse {
    let tiles = serde_json::to_string(state.tile_url.as_deref().unwrap_or(""))
        .unwrap_or_else(|_| "\"\"".into());
    let script = format!("window.SK_TILES = {tiles};\n{MAP_SCRIPT}");
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        script,
    )
}

/// Utrecht's wijk boundaries (Gemeente Utrecht open data) for the map.
pub async fn wijken() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/geo+json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        WIJKEN,
    )
}
