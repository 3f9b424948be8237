//! The axum router: Leptos pages and server functions, health, static assets.

mod api;
mod assets;
pub mod guard;
mod health;
mod hsds;
mod language;
mod overview;
mod photos;
mod qr;
mod revoke;
pub mod security;
mod signals_csv;

use app::{shell, App, AppState};
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

/// Built files (the browser bundle, Leaflet) may be cached for an hour: their names do not
/// change between releases, so a longer time would keep old bundles after a deploy.
async fn cache_static_files(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let cacheable = ["/pkg/", "/vendor/"]
        .iter()
        .any(|p| request.uri().path().starts_with(p));
    let mut response = next.run(request).await;
    if cacheable && response.status().is_success() {
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("public, max-age=3600"),
        );
    }
    response
}

/// The page routes of the app, worked out once per process. Leptos' route-list generation
/// sets a process-global "suppress resource loading" flag while it runs the app once; a
/// resource first polled by another request in that window never wakes (leptos#4773), so it
/// must not run while pages are being served, for example when a second router is built.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// All `Cookie` headers of a request as one (HTTP/2 may split them), for the routes outside
/// Leptos that read the session.
/// The logged-in user of a plain (non-Leptos) route, or the answer for whoever is not.
async fn logged_in(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<app::auth::Me, axum::response::Response> {
    use axum::response::IntoResponse;
    match app::auth::session_from_cookie_header(&state.db, &cookie_header(headers)).await {
        Ok(app::auth::CheckedSession(Some((user, _)))) => Ok(user.me),
        Ok(_) => Err(crate::ApiError::Unauthorized.into_response()),
        Err(error) => Err(crate::ApiError::from(error).into_response()),
    }
}

fn cookie_header(headers: &axum::http::HeaderMap) -> String {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The whole HTTP surface of a node. Tests call this in-process.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    Router::new()
        .route("/health", get(health::health))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/match", axum::routing::post(api::match_profile))
        .route("/api/v1/signals", get(api::signals))
        .route(
            "/api/v1/coalitions/suggestions",
            get(api::coalitions::suggestions),
        )
        .route(
            "/api/v1/coalitions",
            get(api::coalitions::list).post(api::coalitions::create),
        )
        .route(
            "/api/v1/coalitions/{id}",
            get(api::coalitions::get)
                .put(api::coalitions::update)
                .delete(api::coalitions::delete),
        )
        .route(
            "/api/v1/coalitions/{id}/notes",
            axum::routing::post(api::coalitions::add_note),
        )
        .merge(hsds::routes())
        .route("/assets/kaart.js", get(assets::map_script))
        .route("/assets/pagina.js", get(assets::page_script))
        .route("/assets/wijken.geojson", get(assets::wijken))
        .route("/assets/wijken/{gemeente}", get(assets::wijken_of))
        .route("/taal/{code}", get(language::switch))
        .route("/qr.svg", get(qr::qr_code))
        .route("/ik-kan-iets/intrekken/{code}", get(revoke::revoke))
        .route("/beheer/coalities.csv", get(overview::csv))
        .route("/beheer/signalen.csv", get(signals_csv::csv))
        .route(
            "/coalities/{id}/foto",
            // Axum's own 2 MB cap would cut photos; `security::bad_bodies` caps this route.
            axum::routing::post(photos::upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/coalities/{id}/foto/{file}", get(photos::picture))
        .leptos_routes_with_context(&state, routes, security::provide_page_nonce, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(security::provide_page_nonce, shell))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), guard::Table::build()),
            guard::guard,
        ))
        .layer(axum::middleware::from_fn(cache_static_files))
        .layer(axum::middleware::from_fn(security::bad_bodies))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .with_state(state)
        // Pages, the stylesheet, the map script and API answers, as brotli or gzip when the
        // browser takes it (a results page is 41 KB raw, 6 KB as brotli); the bundle's files
        // are precompressed by `./sk client` and pass as they are.
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

#[cfg(test)]
mod tests {
    use super::*;

    // In a runtime, as the server works it out: rendering the shell creates the header's
    // resource, which needs an executor.
    #[tokio::test]
    async fn the_route_list_is_worked_out_once_per_process() {
        let first = route_list();
        let second = route_list();
        assert!(!first.is_empty());
        assert_eq!(first.len(), second.len());
    }
}
