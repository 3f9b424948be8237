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
/// that never finishes (rarely, a server-side Suspense in Leptos loses its wake-up). Such a
/// page is rendered once more, which then succeeds; only if that also stalls does the person
/// get a Dutch 503. Either way the log says which page it was.
const PAGE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// Wraps a router so that a page render that stalls is tried once more after `deadline`.
fn with_page_deadline(inner: Router, deadline: std::time::Duration) -> Router {
    let pages = inner.clone();
    inner.layer(axum::middleware::from_fn(move |request, next| {
        page_deadline(pages.clone(), deadline, request, next)
    }))
}

async fn page_deadline(
    pages: Router,
    deadline: std::time::Duration,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use tower::Service;
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
    // A GET has no body worth keeping, so the request can be sent again as it came.
    let (parts, body) = request.into_parts();
    let first = axum::extract::Request::from_parts(parts.clone(), body);
    if let Ok(response) = tokio::time::timeout(deadline, next.run(first)).await {
        return response;
    }
    tracing::warn!(%path, "page render did not finish in time; rendering it once more");
    let again = axum::extract::Request::from_parts(parts, axum::body::Body::empty());
    let mut pages = pages;
    match tokio::time::timeout(deadline, pages.call(again)).await {
        Ok(Ok(response)) => response,
        Ok(Err(never)) => match never {},
        Err(_) => {
            tracing::error!(%path, "page render did not finish twice; answered 503");
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
    let inner = Router::new()
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
        .with_state(state);
    with_page_deadline(inner, PAGE_DEADLINE).layer(TraceLayer::new_for_http())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use tower::Service;

    use super::*;

    /// A page that stalls on its first `stalls` renders and answers after that.
    fn flaky_page(stalls: usize) -> Router {
        let renders = Arc::new(AtomicUsize::new(0));
        let page = move || {
            let renders = Arc::clone(&renders);
            async move {
                if renders.fetch_add(1, Ordering::SeqCst) < stalls {
                    std::future::pending::<()>().await;
                }
                "klaar"
            }
        };
        with_page_deadline(
            Router::new().route("/", get(page)),
            Duration::from_millis(50),
        )
    }

    async fn status(mut router: Router) -> StatusCode {
        let request = Request::get("/").body(Body::empty()).unwrap();
        router.call(request).await.unwrap().status()
    }

    #[tokio::test]
    async fn a_page_that_stalls_once_is_rendered_again_and_answers() {
        assert_eq!(status(flaky_page(1)).await, StatusCode::OK);
    }

    #[tokio::test]
    async fn a_page_that_stalls_twice_gets_a_503_instead_of_hanging() {
        assert_eq!(status(flaky_page(2)).await, StatusCode::SERVICE_UNAVAILABLE);
    }
}
