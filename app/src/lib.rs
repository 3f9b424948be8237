//! # app — the pages of the sociale kaart
//!
//! Leptos components, pages and server functions. The same crate is compiled twice: with `ssr`
//! for the server (it then also holds the database layer in [`db`]) and with `hydrate` for the
//! browser bundle. Every page works without JavaScript: searches are plain GET forms and links;
//! hydration only makes them faster.
#![recursion_limit = "512"]

pub mod api;
pub mod auth;
pub mod coalitions;
mod components;
pub mod domain;
pub mod i18n;
pub mod knelpunten;
pub mod manage;
pub mod model;
mod pages;
pub mod profile;
pub mod referrals;
pub mod safe;
mod shell;
pub mod signals;
pub mod teams;
mod web;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
mod error;
#[cfg(feature = "ssr")]
pub mod explain;
#[cfg(feature = "ssr")]
mod limiter;
#[cfg(feature = "ssr")]
pub mod mailer;
#[cfg(feature = "ssr")]
pub mod photo;
#[cfg(feature = "ssr")]
pub mod schedule;
#[cfg(feature = "ssr")]
pub mod sealer;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod state;
#[cfg(feature = "ssr")]
pub mod words;

#[cfg(feature = "ssr")]
pub use error::{Error, Result};
#[cfg(feature = "ssr")]
pub use limiter::{client_address, Cidr, ClientIp, RateLimiter};
pub use shell::{shell, App};
#[cfg(feature = "ssr")]
pub use state::AppState;

/// File name of the browser bundle (`pkg/<name>.js`, `pkg/<name>_bg.wasm`).
pub const OUTPUT_NAME: &str = "sociale_kaart";

/// Where the browser bundle is served, under the site root.
pub const PKG_DIR: &str = "pkg";

/// The bundle's path without its ending: `<this>.js` and `<this>_bg.wasm`.
pub fn bundle_base() -> String {
    format!("/{PKG_DIR}/{OUTPUT_NAME}")
}

/// Starts the reactive system for the islands; `hydrate`'s entry point calls it before
/// `pagina.js` hydrates each `<leptos-island>` through its exported function.
#[cfg(feature = "hydrate")]
pub fn hydrate_islands() {
    leptos::mount::hydrate_islands();
}
