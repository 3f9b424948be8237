//! Test helpers: [`TestApp`] spawns the real server on port 0 with a fresh database.

pub mod fixtures;
pub mod session;
pub mod test_app;
pub mod webdriver;

pub use session::{
    actor, api_token, client, login_as, page, post, post_for_body, post_multipart, session_of,
    token_of, Session,
};
pub use test_app::{Backend, TestApp};

/// Waits until `check` holds, at most `limit`; returns how long it took.
pub async fn within<F, Fut>(
    limit: std::time::Duration,
    what: &str,
    mut check: F,
) -> std::time::Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = std::time::Instant::now();
    while !check().await {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    started.elapsed()
}

/// Mail as the product sends it, kept for tests: (to, subject, body).
#[derive(Debug, Default)]
pub struct Outbox(std::sync::Mutex<Vec<(String, String, String)>>);

impl app::mailer::Mailer for Outbox {
    fn send(&self, to: &str, subject: &str, body: &str) {
        self.0
            .lock()
            .unwrap()
            .push((to.into(), subject.into(), body.into()));
    }
}

impl Outbox {
    /// The state of `app` with its mail going to a new outbox.
    pub fn for_app(app: &TestApp) -> (app::AppState, std::sync::Arc<Outbox>) {
        let outbox = std::sync::Arc::new(Outbox::default());
        let state = app::AppState {
            mailer: outbox.clone(),
            ..app.state.clone()
        };
        (state, outbox)
    }

    /// Every mail so far.
    pub fn all(&self) -> Vec<(String, String, String)> {
        self.0.lock().unwrap().clone()
    }

    /// The mails to one address: (subject, body).
    pub fn to(&self, address: &str) -> Vec<(String, String)> {
        self.all()
            .into_iter()
            .filter(|(to, _, _)| to == address)
            .map(|(_, subject, body)| (subject, body))
            .collect()
    }
}

/// Runs each test body once on SQLite and once on PostgreSQL, as `<name>::on_sqlite` and
/// `<name>::on_postgres`. The body gets the backend as `$backend`.
macro_rules! on_both_backends {
    ($(async fn $name:ident($backend:ident) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($backend: $crate::support::Backend) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_sqlite() {
                run($crate::support::Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_postgres() {
                run($crate::support::Backend::Postgres).await
            }
        }
    )*};
}
pub(crate) use on_both_backends;

/// The mails the server's file mailer wrote that contain `needle` (an address, a word).
pub fn mails_to(app: &TestApp, needle: &str) -> Vec<String> {
    std::fs::read_dir(app.data_dir().join("mail"))
        .map(|dir| {
            dir.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .filter(|m| m.contains(needle))
                .collect()
        })
        .unwrap_or_default()
}

/// Where tests save screenshots and printed PDFs (`SK_TEST_ARTIFACTS`, else
/// `target/test-artifacts/`); created when missing.
pub fn artifacts_dir() -> std::path::PathBuf {
    let dir = std::env::var_os("SK_TEST_ARTIFACTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/test-artifacts")
        });
    std::fs::create_dir_all(&dir).expect("artifact dir");
    dir
}

/// A page's HTML without the stylesheet inlined in its `<head>`: the stylesheet names every
/// class, so a test that looks for a class (or for its absence) must look at the page itself.
/// (The stylesheet has its own test in `app::shell`.)
pub fn without_stylesheet(html: String) -> String {
    let Some(start) = html.find("<style") else {
        return html;
    };
    match html[start..].find("</style>") {
        Some(end) => format!(
            "{}{}",
            &html[..start],
            &html[start + end + "</style>".len()..]
        ),
        None => html,
    }
}
