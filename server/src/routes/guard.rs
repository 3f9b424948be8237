//! The router's guard for server functions: every server function must be listed in
//! `app::api::access()`, and role-bound ones need a session with one of those roles. Anything
//! unlisted is refused, so a new server function cannot be reachable by accident.

use std::collections::HashMap;
use std::sync::Arc;

use app::auth::{session_from_cookie_header, Access};
use app::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Server function path → who may call it (`None`: not listed, refused).
#[derive(Clone)]
pub struct Table(Arc<HashMap<&'static str, Option<Access>>>);

impl Table {
    /// Every registered server function with its access rule.
    pub fn build() -> Table {
        let rules: HashMap<&'static str, Access> = app::api::access().into_iter().collect();
        let table = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| (path, rules.get(path).copied()))
            .collect();
        Table(Arc::new(table))
    }

    /// The paths and rules, for tests and docs.
    pub fn entries(&self) -> Vec<(&'static str, Option<Access>)> {
        let mut all: Vec<_> = self.0.iter().map(|(p, a)| (*p, *a)).collect();
        all.sort_by_key(|(p, _)| *p);
        all
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, message.to_string()).into_response()
}

/// Checks a request to a server function before it runs.
pub async fn guard(
    State((state, table)): State<(AppState, Table)>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(rule) = table.0.get(request.uri().path()) else {
        return next.run(request).await;
    };
    match rule {
        None => {
            tracing::error!(
                path = request.uri().path(),
                "server function without an access rule"
            );
            refuse(StatusCode::FORBIDDEN, "Dit mag niet.")
        }
        Some(Access::Public) => next.run(request).await,
        Some(Access::Roles(roles)) => {
            let cookies = request
                .headers()
                .get(header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string();
            match session_from_cookie_header(&state.db, &cookies).await {
                Ok(checked) => match checked.0.as_ref().map(|(user, _)| user.me.role) {
                    Some(role) if roles.contains(&role) => {
                        request.extensions_mut().insert(checked);
                        next.run(request).await
                    }
                    Some(_) => refuse(
                        StatusCode::FORBIDDEN,
                        "Dit mag je niet doen met dit account.",
                    ),
                    None => refuse(StatusCode::UNAUTHORIZED, "Log eerst in."),
                },
                Err(error) => {
                    tracing::error!(%error, "session lookup failed");
                    refuse(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "De kaart is even niet bereikbaar. Probeer het later nog eens.",
                    )
                }
            }
        }
    }
}
