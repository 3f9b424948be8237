//! [`TestApp`]: the real server, on port 0, with its own data dir and database.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use app::AppState;
use server::{Config, DatabaseUrl};
use tempfile::TempDir;
use tokio::sync::oneshot;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A fresh SQLite file in the test's data dir.
    Sqlite,
    /// A fresh database in the PostgreSQL cluster of `SK_TEST_DATABASE_URL`.
    Postgres,
}

/// A running server for one test; stopped when dropped.
pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    pub config: Config,
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    _data_dir: TempDir,
}

impl TestApp {
    /// A server with the Utrecht demo loaded.
    pub async fn demo(backend: Backend) -> TestApp {
        TestApp::spawn(backend, true).await
    }

    /// A server on an empty database.
    pub async fn empty(backend: Backend) -> TestApp {
        TestApp::spawn(backend, false).await
    }

    /// A demo server without its hourly housekeeping, for tests that run the housekeeping
    /// themselves (the server's own first round would race them for the same rows).
    pub async fn demo_without_housekeeping(backend: Backend) -> TestApp {
        TestApp::start(backend, true, |_| {}, false).await
    }

    async fn spawn(backend: Backend, demo: bool) -> TestApp {
        TestApp::spawn_with(backend, demo, |_| {}).await
    }

    /// Another node on the database of `url` (PostgreSQL), with a data dir, index and catalog
    /// of its own, as a node behind a proxy runs.
    pub async fn node_on(url: &str) -> TestApp {
        let url = DatabaseUrl(url.to_string());
        // SQLite here only means "make no new database": the URL below is the one used.
        TestApp::spawn_with(Backend::Sqlite, false, |c| c.database_url = Some(url)).await
    }

    /// A server whose config the test changes first (trusted proxies, tiles, ...).
    pub async fn spawn_with(
        backend: Backend,
        demo: bool,
        tweak: impl FnOnce(&mut Config),
    ) -> TestApp {
        TestApp::start(backend, demo, tweak, true).await
    }

    async fn start(
        backend: Backend,
        demo: bool,
        tweak: impl FnOnce(&mut Config),
        housekeeping: bool,
    ) -> TestApp {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: fresh_database(backend).await,
            site_root: site_root(),
            load_demo_when_empty: demo,
            // Tests count signals they make themselves.
            demo_signals: false,
            ..Config::with_data_dir(data_dir.path())
        };
        tweak(&mut config);
        let app = server::App::build(config.clone())
            .await
            .expect("app builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("port 0");
        let addr = listener.local_addr().expect("local addr");
        let (tx, rx) = oneshot::channel::<()>();
        let state = app.state.clone();
        tokio::spawn(async move {
            let shutdown = async {
                let _ = rx.await;
            };
            server::serve_with(listener, state, shutdown, housekeeping)
                .await
                .expect("server runs");
        });
        TestApp {
            addr,
            state: app.state,
            config,
            // A hang must fail the test, not stall the whole run.
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .expect("http client"),
            shutdown: Some(tx),
            _data_dir: data_dir,
        }
    }

    /// Absolute URL of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// GET a path; returns status and body.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        (status, super::without_stylesheet(body))
    }

    /// GET a path that answers JSON.
    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        self.send(reqwest::Method::GET, path, None, None).await
    }

    /// Sends JSON (or nothing) with an optional bearer token; returns status and JSON body
    /// (`null` for an empty body).
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
        token: Option<&str>,
    ) -> (u16, serde_json::Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        let json = if text.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("json from {path}: {text}"))
        };
        (status, json)
    }

    /// Stops serving but keeps the data dir, so a test can start again on the same data.
    pub async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.state.db.close().await;
    }

    /// The data dir of this server.
    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The built browser bundle: `SK_SITE_ROOT`, else `target/site` in the workspace.
pub fn site_root() -> PathBuf {
    std::env::var_os("SK_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/site"))
}

/// A new empty database for one test.
pub async fn fresh_database(backend: Backend) -> Option<DatabaseUrl> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => {
            let admin = std::env::var("SK_TEST_DATABASE_URL").expect(
                "SK_TEST_DATABASE_URL must point at a PostgreSQL server for the PostgreSQL tests; \
                 `./sk test` starts one",
            );
            let name = format!("sk_test_{}", uuid::Uuid::new_v4().simple());
            let pool = sqlx::PgPool::connect(&admin)
                .await
                .expect("connect to test postgres");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&pool)
                .await
                .expect("create test database");
            pool.close().await;
            let base = admin
                .rsplit_once('/')
                .map(|(base, _)| base)
                .unwrap_or(&admin);
            Some(DatabaseUrl(format!("{base}/{name}")))
        }
    }
}
