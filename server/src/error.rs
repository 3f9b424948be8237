//! The one place where errors become HTTP responses.
//!
//! People get a Dutch sentence and a stable snake_case code; internals go to the log only.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error as the JSON endpoints return it.
#[derive(Debug)]
pub enum ApiError {
    /// Bad input, with the Dutch sentence.
    BadRequest(&'static str, String),
    /// Nothing here.
    NotFound,
    /// No, a wrong or a revoked API token.
    Unauthorized,
    /// Not allowed, with the Dutch sentence.
    Forbidden(String),
    /// The database or index is not available.
    Unavailable(anyhow::Error),
    /// Anything else that is our fault.
    Internal(anyhow::Error),
}

#[derive(Serialize)]
struct Body {
    code: &'static str,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = match self {
            ApiError::BadRequest(code, message) => (StatusCode::BAD_REQUEST, code, message),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "Dit hebben we niet gevonden.".into(),
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "Hiervoor heb je een geldige API-sleutel nodig. Maak er een op /beheer/sleutels."
                    .into(),
            ),
            ApiError::Forbidden(message) => (StatusCode::FORBIDDEN, "forbidden", message),
            ApiError::Unavailable(error) => {
                tracing::error!(error = format!("{error:#}"), "service unavailable");
                let message = "De kaart is even niet bereikbaar. Probeer het later nog eens.";
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    message.into(),
                )
            }
            ApiError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "internal error");
                let message = "Er ging iets mis. Probeer het later nog eens.";
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    message.into(),
                )
            }
        };
        let mut response = (status, Json(Body { code, message })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            // RFC 6750: say which scheme the API wants.
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"sociale-kaart\""),
            );
        }
        response
    }
}

impl From<app::Error> for ApiError {
    fn from(error: app::Error) -> Self {
        match error {
            app::Error::NotFound => ApiError::NotFound,
            app::Error::Unauthenticated => ApiError::Unauthorized,
            e @ app::Error::Forbidden => ApiError::Forbidden(e.user_message()),
            app::Error::Index(e) if e.is_user_error() => {
                ApiError::BadRequest(e.code(), e.user_message())
            }
            app::Error::Refused(code, message) => ApiError::BadRequest(code, message),
            e if !e.is_internal() => ApiError::BadRequest("invalid_input", e.user_message()),
            e @ app::Error::Database(_) => ApiError::Unavailable(e.into()),
            e => ApiError::Internal(e.into()),
        }
    }
}
