//! Per-address rate limits for logins and public forms (spam protection without captchas).
//!
//! Counted in the database, so the limit holds for the whole service however many nodes serve
//! it. Only a hash of the address is stored, and only for the length of the window.

use std::net::IpAddr;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::Result;

/// The address of the client of the current server function (none behind a test harness).
pub async fn client_ip() -> Option<IpAddr> {
    leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .await
        .ok()
        .map(|axum::extract::ConnectInfo(a)| a.ip())
}

/// At most `max` requests per address within `window`, for one kind of request (`bucket`).
#[derive(Debug, Clone)]
pub struct RateLimiter {
    bucket: &'static str,
    max: i64,
    window: Duration,
}

impl RateLimiter {
    /// A limiter of `max` requests per `window` for `bucket` ("login", "formulier").
    pub fn new(bucket: &'static str, max: i64, window: Duration) -> RateLimiter {
        RateLimiter {
            bucket,
            max,
            window,
        }
    }

    /// Counts a request and says whether it may go through.
    pub async fn allow(&self, db: &Db, ip: Option<IpAddr>) -> Result<bool> {
        let address = ip.map(|ip| ip.to_string()).unwrap_or_default();
        let digest = Sha256::digest(format!("{}:{address}", self.bucket).as_bytes());
        let key: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let window = chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::hours(1));
        crate::db::rate_allow(db, self.bucket, &key, self.max, window).await
    }
}
