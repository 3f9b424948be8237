//! Typed configuration: defaults, overridden by `SK_*` environment variables and flags.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Everything a node needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// Data directory: SQLite file (by default) and the search index.
    pub data_dir: PathBuf,
    /// `postgres://...` to use PostgreSQL; `None` means the SQLite file in `data_dir`.
    pub database_url: Option<DatabaseUrl>,
    /// Directory with the built browser bundle (`pkg/`).
    pub site_root: PathBuf,
    /// Load the demo data when the database is empty (only `serve` does this).
    pub load_demo_when_empty: bool,
    /// With the demo data, also the demo's anonymous signals and knelpunten (tests that count
    /// signals start without them).
    pub demo_signals: bool,
    /// Base map tiles; `None` shows the wijk boundaries only (offline, tests).
    pub tile_url: Option<String>,
    /// Key for personal data at rest; `None`: a key file in the data dir (one node only).
    pub data_key: Option<DataKey>,
    /// Days the personal data of a closed referral is kept.
    pub referral_retention_days: i64,
    /// Proxies whose `X-Forwarded-For` header names the client (`SK_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<app::Cidr>,
    /// A Dutch word list (one word per line) for splitting compounds in searches; when the
    /// file is missing, compounds are split into the index's own words only.
    pub wordlist: Option<PathBuf>,
}

/// The data key (64 hex characters); `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct DataKey(pub String);

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(***)")
    }
}

/// PDOK BRT-Achtergrondkaart, the Dutch government's open base map.
pub const PDOK_TILES: &str =
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

impl Config {
    /// A config for the given data directory with all other settings at their defaults.
    pub fn with_data_dir(data_dir: &Path) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            data_dir: data_dir.to_path_buf(),
            database_url: None,
            site_root: PathBuf::from("target/site"),
            load_demo_when_empty: false,
            demo_signals: true,
            tile_url: None,
            data_key: None,
            referral_retention_days: 365,
            trusted_proxies: Vec::new(),
            wordlist: Some(PathBuf::from(index::DEFAULT_WORDLIST)),
        }
    }

    /// The database to use: the configured URL, else the SQLite file in the data directory.
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url.clone().unwrap_or_else(|| {
            DatabaseUrl(format!(
                "sqlite://{}",
                self.data_dir.join("sociale-kaart.db").display()
            ))
        })
    }

    /// Where this node keeps its search index.
    pub fn index_dir(&self) -> PathBuf {
        self.data_dir.join("index")
    }
}

/// A database URL; `Debug` and `Display` hide the password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(pub String);

impl DatabaseUrl {
    /// The full URL, for connecting only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // postgres://user:secret@host/db → postgres://user:***@host/db
        match (self.0.find("://"), self.0.rfind('@')) {
            (Some(scheme), Some(at)) if at > scheme => {
                let userinfo = &self.0[scheme + 3..at];
                let user = userinfo.split(':').next().unwrap_or_default();
                write!(f, "{}{user}:***{}", &self.0[..scheme + 3], &self.0[at..])
            }
            _ => f.write_str(&self.0),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_passwords_never_show_in_logs() {
        let url = DatabaseUrl("postgres://sk:geheim@localhost:5432/sk".into());
        assert_eq!(url.to_string(), "postgres://sk:***@localhost:5432/sk");
        assert!(!format!("{url:?}").contains("geheim"));
    }

    #[test]
    fn the_default_database_is_a_sqlite_file_in_the_data_dir() {
        let config = Config::with_data_dir(Path::new("/tmp/sk"));
        assert_eq!(
            config.database_url().expose(),
            "sqlite:///tmp/sk/sociale-kaart.db"
        );
    }
}
