//! `/qr.svg?pad=/aanbod/...`: a QR code to a page of this site, for printed handouts.

use axum::extract::Query;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::Deserialize;

/// The page to point to.
#[derive(Debug, Deserialize)]
pub struct Page {
    #[serde(default)]
    pad: String,
}

/// Longest path we encode: a QR code of a longer URL is too dense to scan from paper.
const MAX_PATH: usize = 400;

/// The address people reach this site on, as the browser asked for it: the `Host` header
/// (which proxies pass on). `X-Forwarded-Host` is not read: anyone can send it, and a code that
/// points elsewhere would end up on paper.
fn base_url(headers: &HeaderMap) -> Option<String> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let host = get("host")?;
    let scheme = get("x-forwarded-proto").unwrap_or("http");
    let valid = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    (valid && matches!(scheme, "http" | "https")).then(|| format!("{scheme}://{host}"))
}

/// An SVG QR code of `base + pad`; 400 for anything that is not a path on this site.
pub async fn qr_code(headers: HeaderMap, Query(page): Query<Page>) -> Response {
    let path = page.pad.trim();
    if !path.starts_with('/') || path.starts_with("//") || path.len() > MAX_PATH {
        return (StatusCode::BAD_REQUEST, "Dit is geen pagina van deze site.").into_response();
    }
    let Some(base) = base_url(&headers) else {
        return (
            StatusCode::BAD_REQUEST,
            "We weten niet op welk adres deze site staat.",
        )
            .into_response();
    };
    let url = format!("{base}{path}");
    let code = match QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M) {
        Ok(code) => code,
        Err(e) => {
            tracing::warn!(error = %e, "qr code could not be made");
            return (
                StatusCode::BAD_REQUEST,
                "Deze link is te lang voor een QR-code.",
            )
                .into_response();
        }
    };
    let image = code
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            // Depends on the Host header: a shared cache must not hand it to other hosts.
            (header::CACHE_CONTROL, "private, max-age=86400"),
            (header::VARY, "Host"),
        ],
        image,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_url_comes_from_the_host_or_the_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert("host", "127.0.0.1:3000".parse().unwrap());
        assert_eq!(base_url(&headers).unwrap(), "http://127.0.0.1:3000");
        headers.insert("x-forwarded-proto", "https".parse().unwrap());
        assert_eq!(base_url(&headers).unwrap(), "https://127.0.0.1:3000");
        headers.insert("x-forwarded-host", "evil.example".parse().unwrap());
        assert_eq!(base_url(&headers).unwrap(), "https://127.0.0.1:3000");
        headers.insert("host", "evil.example/<script>".parse().unwrap());
        assert_eq!(base_url(&headers), None);
    }
}
