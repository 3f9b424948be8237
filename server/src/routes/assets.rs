//! Assets compiled into the binary, so pages look right and the map has its data even without
//! the wasm bundle: the stylesheet, the map script and Utrecht's wijk boundaries.

use app::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const MAP_SCRIPT: &str = include_str!("../../../app/style/kaart.js");
const PAGE_SCRIPT: &str = include_str!("../../../app/style/pagina.js");
const WIJKEN: &str = include_str!("../../../data/geo/utrecht_wijken_2013.geojson");

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

/// What the pages do with JavaScript on (islands, no reload between pages; see the file).
pub async fn page_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PAGE_SCRIPT,
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

const WIJKEN_NL: &str = include_str!("../../../data/geo/nl_wijken_2014.geojson");

/// The wijk boundaries of one gemeente (`GM0344`) for the signalen map: Utrecht's own, else
/// the national CBS wijken whose code carries the gemeente's digits. 404 for anything else.
pub async fn wijken_of(axum::extract::Path(gemeente): axum::extract::Path<String>) -> Response {
    let digits = gemeente.strip_prefix("GM").unwrap_or_default();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let body = if gemeente == "GM0344" {
        WIJKEN.to_string()
    } else {
        let prefix = format!("WK{digits}");
        let features: Vec<&serde_json::Value> = national_wijken()
            .iter()
            .filter(|(code, _)| code.starts_with(&prefix))
            .map(|(_, feature)| feature)
            .collect();
        if features.is_empty() {
            return StatusCode::NOT_FOUND.into_response();
        }
        serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string()
    };
    (
        [
            (header::CONTENT_TYPE, "application/geo+json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

/// The national wijken, parsed once: (wijk code, feature).
fn national_wijken() -> &'static [(String, serde_json::Value)] {
    static WIJKEN: std::sync::OnceLock<Vec<(String, serde_json::Value)>> =
        std::sync::OnceLock::new();
    WIJKEN.get_or_init(|| {
        let parsed: serde_json::Value = serde_json::from_str(WIJKEN_NL).unwrap_or_default();
        parsed["features"]
            .as_array()
            .map(|features| {
                features
                    .iter()
                    .filter_map(|f| {
                        let code = f["properties"]["statcode"].as_str()?.to_string();
                        Some((code, f.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}
