//! Per-address rate limits for logins and public forms (spam protection without captchas).
//!
//! Counted in the database, so the limit holds for the whole service however many nodes serve
//! it. Only a hash of the address is stored, and only for the length of the window.

use std::net::IpAddr;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::Result;

/// The client's address as the server decided it: the TCP peer, or, only when that peer is a
/// trusted proxy (`SK_TRUSTED_PROXIES`), the address the proxy put in `X-Forwarded-For`. Set on
/// every request by the server's security middleware (`server::routes::security::headers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The address of the client of the current server function (none behind a test harness
/// without a TCP peer).
pub async fn client_ip() -> Option<IpAddr> {
    leptos_axum::extract::<axum::Extension<ClientIp>>()
        .await
        .ok()
        .map(|axum::Extension(ClientIp(ip))| ip)
}

/// A network of trusted proxies: `10.0.0.0/8`, `2001:db8::/32`, or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    bits: u8,
}

impl Cidr {
    /// Parses `address[/bits]`; `None` when it is not one.
    pub fn parse(raw: &str) -> Option<Cidr> {
        let (address, bits) = match raw.trim().split_once('/') {
            Some((a, b)) => (a, Some(b.parse::<u8>().ok()?)),
            None => (raw.trim(), None),
        };
        let network: IpAddr = address.parse().ok()?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let bits = bits.unwrap_or(max);
        (bits <= max).then_some(Cidr { network, bits })
    }

    /// True when `ip` lies in this network (IPv4-mapped IPv6 counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        let (a, b, width) = match (self.network, ip) {
            (IpAddr::V4(n), IpAddr::V4(i)) => {
                (u128::from(n.to_bits()), u128::from(i.to_bits()), 32)
            }
            (IpAddr::V6(n), IpAddr::V6(i)) => (n.to_bits(), i.to_bits(), 128),
            _ => return false,
        };
        if self.bits == 0 {
            return true;
        }
        let shift = width - u32::from(self.bits);
        (a >> shift) == (b >> shift)
    }
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the right-most
/// `X-Forwarded-For` entry that is not itself a trusted proxy (the left part can be forged by
/// the client, the right part was written by our proxies).
pub fn client_address(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[Cidr]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let Some(header) = forwarded_for else {
        return peer;
    };
    let mut last = peer;
    for entry in header.rsplit(',').take(32) {
        let Ok(ip) = entry.trim().parse::<IpAddr>() else {
            break;
        };
        last = ip;
        if !is_trusted(ip) {
            return ip;
        }
    }
    last
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
        self.allow_key(db, &address).await
    }

    /// Counts a request for any subject (an address, or an account's e-mail address) and says
    /// whether it may go through.
    pub async fn allow_key(&self, db: &Db, address: &str) -> Result<bool> {
        let digest = Sha256::digest(format!("{}:{address}", self.bucket).as_bytes());
        let key: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let window = chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::hours(1));
        crate::db::rate_allow(db, self.bucket, &key, self.max, window).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn networks_contain_their_addresses_only() {
        let net = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(net.contains(ip("10.1.2.3")));
        assert!(net.contains(ip("::ffff:10.1.2.3")));
        assert!(!net.contains(ip("11.0.0.1")));
        assert!(Cidr::parse("2001:db8::/32")
            .unwrap()
            .contains(ip("2001:db8::1")));
        assert!(Cidr::parse("127.0.0.1").unwrap().contains(ip("127.0.0.1")));
        assert!(!Cidr::parse("127.0.0.1").unwrap().contains(ip("127.0.0.2")));
        assert_eq!(Cidr::parse("10.0.0.0/33"), None);
        assert_eq!(Cidr::parse("proxy"), None);
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let trusted = [Cidr::parse("10.0.0.0/8").unwrap()];
        // Directly from the internet: the header is the client's own invention.
        assert_eq!(
            client_address(ip("203.0.113.9"), Some("1.2.3.4"), &trusted),
            ip("203.0.113.9")
        );
        // Through our proxy: the address the proxy saw, not what the client prepended.
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("1.2.3.4, 198.51.100.7"), &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("198.51.100.7, 10.0.0.3"), &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), None, &trusted),
            ip("10.0.0.2")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("1.2.3.4"), &[]),
            ip("10.0.0.2")
        );
    }
}
