//! A small per-address rate limit for public forms (spam protection without captchas).
//!
//! Kept in the node's memory on purpose: it is short-lived protection, not product data, and
//! losing it on a restart costs nothing.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The address of the client of the current server function (none behind a test harness).
pub async fn client_ip() -> Option<IpAddr> {
    leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .await
        .ok()
        .map(|axum::extract::ConnectInfo(a)| a.ip())
}

/// At most `max` requests per address within `window`.
#[derive(Debug)]
pub struct RateLimiter {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<Option<IpAddr>, Vec<Instant>>>,
}

impl RateLimiter {
    /// A limiter of `max` requests per `window`.
    pub fn new(max: usize, window: Duration) -> RateLimiter {
        RateLimiter {
            max,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request and says whether it may go through.
    pub fn allow(&self, ip: Option<IpAddr>) -> bool {
        let now = Instant::now();
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // Forget old entries so the map cannot grow without bound.
        seen.retain(|_, times| {
            times.retain(|t| now.duration_since(*t) < self.window);
            !times.is_empty()
        });
        let times = seen.entry(ip).or_default();
        if times.len() >= self.max {
            return false;
        }
        times.push(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_stops_the_sixth_request_in_the_window() {
        let limiter = RateLimiter::new(5, Duration::from_secs(600));
        let ip = Some("127.0.0.1".parse().unwrap());
        assert!((0..5).all(|_| limiter.allow(ip)));
        assert!(!limiter.allow(ip));
        assert!(
            limiter.allow(Some("10.0.0.1".parse().unwrap())),
            "other addresses are not affected"
        );
    }
}
