//! What every response carries and every request is checked for before the app sees it:
//! security headers with a per-request CSP nonce, the client's address (trusted proxies only),
//! and Dutch 4xx answers instead of 500s for bodies that are too large or arguments that cannot
//! be read.

use std::net::SocketAddr;

use app::{AppState, ClientIp};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Largest request body (forms, server functions, JSON). The biggest real form, an offer with
/// its texts, is a few kilobytes.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Longest path and query we read (as common proxies do); longer ones get a 414 and one short
/// log line.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// The nonce of this request's `<script>` tags; the page renderer reads it from the request.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// The Content-Security-Policy for a response whose scripts carry `nonce`. Scripts: our own
/// files and the nonced hydration script only (`wasm-unsafe-eval` lets the bundle compile);
/// styles may be inline because Leaflet positions map tiles with style attributes.
pub fn content_security_policy(nonce: &str, tile_url: Option<&str>) -> String {
    let tiles = tile_url.and_then(origin).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: {tiles}; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// `https://host[:port]` of a URL (for the tile server in `img-src`).
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    (matches!(scheme, "http" | "https") && !host.is_empty() && !host.contains(['{', ' ', ';']))
        .then(|| format!("{scheme}://{host}"))
}

/// A request whose answer may hold someone's own data: it carries a session, or asks for a
/// page that only logged-in people (or holders of a link) see.
fn is_private(request: &Request) -> bool {
    const PRIVATE: [&str; 4] = ["/beheer", "/wijkteam", "/verwijzing", "/wachtwoord"];
    let path = request.uri().path();
    let session = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| app::auth::cookie_value(c, app::auth::SESSION_COOKIE).is_some());
    session || PRIVATE.iter().any(|p| path.starts_with(p))
}

/// Sets the client address and a fresh nonce on the request, and the security headers on the
/// response.
pub async fn headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() {
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let ip = app::client_address(peer.ip(), forwarded, &state.trusted_proxies);
        request.extensions_mut().insert(ClientIp(ip));
    }
    let nonce = leptos::nonce::Nonce::new().to_string();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let private = is_private(&request);
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    // What a logged-in person sees (a fresh API key, a referral) stays out of shared and
    // browser caches.
    if private && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if let Ok(csp) =
        HeaderValue::from_str(&content_security_policy(&nonce, state.tile_url.as_deref()))
    {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Reset and invitation tokens sit in paths: never send them to other sites.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("geolocation=(self), camera=(), microphone=(), payment=()"),
    );
    response
}

/// Provides the request's nonce to the page renderer, so the hydration scripts carry the
/// nonce that the CSP header names. Runs inside Leptos' context for every rendered page.
pub fn provide_page_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// Bodies over [`MAX_BODY_BYTES`] get a 413, and server-function arguments that cannot be read
/// a 400, both with a Dutch message and a warning in the log instead of a 500 and an error.
pub async fn bad_bodies(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if request.uri().to_string().len() > MAX_URI_BYTES {
        tracing::warn!(
            bytes = request.uri().to_string().len(),
            "request uri too long"
        );
        return (
            StatusCode::URI_TOO_LONG,
            "Dit webadres is te lang. Kies opnieuw op de kaart of zoek met minder woorden.",
        )
            .into_response();
    }
    let path = request.uri().path().to_string();
    // The one route that takes a file has its own, larger cap.
    let photo = super::photos::is_upload(request.method(), &path);
    let limit = if photo {
        super::photos::MAX_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    };
    if declared.is_some_and(|n| n > limit as u64) {
        tracing::warn!(%path, bytes = declared, "request body too large");
        return if photo {
            photo_too_large()
        } else {
            too_large()
        };
    }
    let is_server_fn = path.starts_with("/api/") && !path.starts_with("/api/v1/");
    let (parts, body) = request.into_parts();
    // Bodies without a declared length are cut off at the limit too.
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    let response = next.run(Request::from_parts(parts, body)).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    // A server function's own errors say what went wrong in their body; read it (it is short)
    // to tell unreadable input from real failures.
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let text = String::from_utf8_lossy(&bytes);
    if text.contains("length limit exceeded") {
        tracing::warn!(%path, "request body too large");
        return too_large();
    }
    let unreadable = ["Args|", "Deserialization|", "MissingArg|"]
        .iter()
        .any(|kind| text.starts_with(kind));
    if unreadable {
        tracing::warn!(%path, "server function arguments could not be read");
        return (
            StatusCode::BAD_REQUEST,
            "Dit formulier kunnen we niet lezen. Laad de pagina opnieuw en probeer het nog eens.",
        )
            .into_response();
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

fn photo_too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        "Deze foto is te groot. Kies een foto kleiner dan 16 MB en ga terug met de terugknop.",
    )
        .into_response()
}

fn too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        "Dit is te veel tekst om te versturen. Maak het korter.",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_nonced_inline_scripts_and_the_tile_server() {
        let csp =
            content_security_policy("abc", Some("https://service.pdok.nl/brt/{z}/{x}/{y}.png"));
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
        assert!(csp.contains("img-src 'self' data: https://service.pdok.nl;"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(origin("javascript:alert(1)"), None);
    }
}
