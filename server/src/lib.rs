//! # server — the `sociale-kaart` binary as a library
//!
//! Startup, configuration, the axum router and the commands (`serve`, `demo`, `reindex`). The
//! binary in `main.rs` only parses the command line; integration tests call the same functions
//! and bind port 0.

pub mod cli;
pub mod config;
pub mod demo;
mod error;
pub mod hsds;
pub mod routes;
mod startup;
mod sync;

pub use config::{Config, DatabaseUrl};
pub use error::ApiError;
pub use routes::{guard, router};
pub use startup::{build_state, serve, serve_with, shutdown_signal, App};
pub use sync::{apply_changes, reindex, spawn_follower, sync_index_on_start};
