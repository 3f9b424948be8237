//! The axum router: Leptos pages and server functions, health, static assets.

mod api;
mod assets;
pub mod guard;
mod health;
mod hsds;
mod language;
mod qr;

use app::{shell, App, AppState};
use axum::routing::get;
use axum::Router;
use leptos_axum::{generate_route_list, LeptosRoutes};
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

/// How long a page may take to render. Pages take milliseconds; this only catches a render
/// that never finishes (rarely, a server-side Suspense in Leptos loses its wake-up), so the
/// person gets an answer and the log says which page it was, instead of a connection that
/// hangs forever.
const PAGE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(20);

async fn page_deadline(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = request.uri().path().to_string();
    let is_page = request.method() == axum::http::Method::GET
        && ![
            "/api/", "/hsds", "/assets/", "/pkg/", "/vendor/", "/health", "/qr.svg",
        ]
        .iter()
        .any(|p| path.starts_with(p));
    if !is_page {
        return next.run(request).await;
    }
    match tokio::time::timeout(PAGE_DEADLINE, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::error!(%path, "page render did not finish in time; answered 503");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                [(axum::http::header::RETRY_AFTER, "1")],
                "De pagina deed er te lang over. Laad de pagina opnieuw.",
            )
                .into_response()
        }
    }
}

/// The whole HTTP surface of a node. Tests call this in-process.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    Router::new()
        .route("/health", get(health::health))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/match", axum::routing::post(api::match_profile))
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
        .route("/assets/style.css", get(assets::style))
        .route("/assets/kaart.js", get(assets::map_script))
        .route("/assets/wijken.geojson", get(assets::wijken))
        .route("/taal/{code}", get(language::switch))
        .route("/qr.svg", get(qr::qr_code))
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), guard::Table::build()),
            guard::guard,
        ))
        .layer(axum::middleware::from_fn(cache_static_files))
        .layer(axum::middleware::from_fn(page_deadline))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
