//! `/taal/{nl|en}?terug=/pad`: remembers the chosen language in a cookie and goes back.

use app::i18n::{Lang, COOKIE};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Where to go back to.
#[derive(Debug, Deserialize)]
pub struct Back {
    #[serde(default)]
    terug: String,
}

/// A path on this site only: `/...` but not `//host` (that would leave the site). Browsers drop
/// tabs and line breaks from URLs (`/<TAB>/evil.example` becomes `//evil.example`) and read
/// `\` as `/`, so any control character, space or backslash sends people home instead.
pub fn local_path(path: &str) -> &str {
    let plain = !path
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if plain && path.starts_with('/') && !path.starts_with("//") {
        path
    } else {
        "/"
    }
}

/// Sets the `taal` cookie for a year and redirects back (303, so a reload does not repeat it).
pub async fn switch(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        return (StatusCode::NOT_FOUND, "Deze taal kennen we niet.").into_response();
    };
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(location), Ok(cookie)) = (
        HeaderValue::from_str(local_path(&back.terug)),
        HeaderValue::from_str(&cookie),
    ) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        assert_eq!(local_path("/?q=voetbal"), "/?q=voetbal");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("/\t/evil.example"), "/");
        assert_eq!(local_path("/\n/evil.example"), "/");
        assert_eq!(local_path("/ /evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
