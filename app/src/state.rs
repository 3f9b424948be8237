//! [`AppState`]: what every request can reach. Cheap to clone.

use std::sync::Arc;

use axum::extract::FromRef;
use index::SearchIndex;
use leptos::prelude::*;

use crate::db::Db;
use crate::{Error, Result};

/// Shared state of one app node: the database (the truth) and this node's search index.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: Db,
    /// This node's search index, derived from the database.
    pub search: Arc<SearchIndex>,
    /// This node's matching catalog, derived from the database and kept in memory.
    pub catalog: Arc<crate::service::matching::CatalogCache>,
    /// Leptos settings (site root, output name).
    pub leptos_options: LeptosOptions,
    /// Spam protection for the public sign-up form.
    pub signup_limiter: Arc<crate::RateLimiter>,
    /// Slows down password guessing (per address).
    pub login_limiter: Arc<crate::RateLimiter>,
    /// Outgoing mail (password reset, invitations).
    pub mailer: Arc<dyn crate::mailer::Mailer>,
    /// Base map tiles (`{z}/{x}/{y}` URL); `None` shows the wijk boundaries only.
    pub tile_url: Option<String>,
    /// Encrypts and decrypts residents' personal data (referrals, trajecten).
    pub sealer: Arc<crate::sealer::Sealer>,
    /// Days the personal data of a closed referral is kept.
    pub referral_retention_days: i64,
    /// Proxies whose `X-Forwarded-For` is believed (`SK_TRUSTED_PROXIES`); empty: none.
    pub trusted_proxies: Arc<[crate::Cidr]>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The state from the Leptos context of the current request.
    pub fn from_context() -> Result<AppState> {
        use_context::<AppState>().ok_or(Error::NoState)
    }
}
