//! Building a node: database, migrations, demo data, search index, Leptos options; serving.

use std::future::Future;
use std::sync::Arc;

use anyhow::Context;
use app::db::Db;
use app::AppState;
use index::SearchIndex;
use leptos::prelude::LeptosOptions;
use tokio::net::TcpListener;

use crate::config::Config;

/// A node ready to serve.
pub struct App {
    /// Its shared state.
    pub state: AppState,
}

impl App {
    /// Everything `serve` does before it listens: state, demo data when empty, index in sync.
    pub async fn build(config: Config) -> anyhow::Result<App> {
        let state = build_state(&config).await?;
        if config.load_demo_when_empty && state.db.count_offers().await? == 0 {
            tracing::info!("empty database, loading demo data");
            app::db::save_dataset(&state.db, &crate::demo::dataset())
                .await
                .context("loading demo data")?;
            if config.demo_signals {
                crate::demo::seed_signals(&state, chrono::Utc::now().date_naive()).await?;
                crate::demo::seed_teams(&state).await?;
            }
        }
        crate::sync_index_on_start(&state).await?;
        Ok(App { state })
    }
}

/// Gives the index the Dutch word list, when there is one. A missing list is no error: search
/// then splits compounds into the index's own words only.
async fn use_wordlist(search: &SearchIndex, path: Option<std::path::PathBuf>) {
    let Some(path) = path else { return };
    if !path.exists() {
        tracing::info!(path = %path.display(), "no dutch word list; compounds split by the index's words");
        return;
    }
    let shown = path.display().to_string();
    match tokio::task::spawn_blocking(move || index::Wordlist::open(&path)).await {
        Ok(Ok(list)) => {
            tracing::info!(path = %shown, words = list.len(), "dutch word list loaded");
            search.use_wordlist(list);
        }
        Ok(Err(e)) => tracing::warn!(path = %shown, error = %e, "cannot read the dutch word list"),
        Err(e) => tracing::warn!(error = %e, "word list loader stopped"),
    }
}

/// Connects and migrates the database and opens this node's index. Never loads demo data.
pub async fn build_state(config: &Config) -> anyhow::Result<AppState> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create data dir {}", config.data_dir.display()))?;
    let url = config.database_url();
    let db = Db::connect(url.expose())
        .await
        .with_context(|| format!("cannot open database {url}"))?;
    db.migrate().await.context("cannot migrate database")?;
    let index_dir = config.index_dir();
    let search = tokio::task::spawn_blocking(move || SearchIndex::open_or_create(&index_dir))
        .await?
        .context("cannot open search index")?;
    use_wordlist(&search, config.wordlist.clone()).await;
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir(app::PKG_DIR)
        .site_addr(config.addr)
        .build();
    // Five sign-ups per address per ten minutes is plenty for people and stops scripts.
    let signup_limiter = Arc::new(app::RateLimiter::new(
        "formulier",
        5,
        std::time::Duration::from_secs(600),
    ));
    let sealer = Arc::new(data_sealer(config)?);
    Ok(AppState {
        sealer,
        referral_retention_days: config.referral_retention_days,
        trusted_proxies: config.trusted_proxies.clone().into(),
        db,
        search: Arc::new(search),
        catalog: Arc::default(),
        leptos_options,
        signup_limiter,
        tile_url: config.tile_url.clone(),
        // Ten tries per address per quarter: enough for people who mistype, slow for guessing.
        login_limiter: Arc::new(app::RateLimiter::new(
            "login",
            10,
            std::time::Duration::from_secs(900),
        )),
        mailer: Arc::new(app::mailer::FileMailer::new(config.data_dir.join("mail"))),
    })
}

/// The sealer for personal data: the configured key, or a key file made once in the data
/// directory (fine for one node; several nodes must share `SK_DATA_KEY`).
fn data_sealer(config: &Config) -> anyhow::Result<app::sealer::Sealer> {
    use app::sealer::Sealer;
    if let Some(key) = &config.data_key {
        return Sealer::from_hex(&key.0)
            .context("SK_DATA_KEY must be 64 hexadecimal characters (32 bytes)");
    }
    let path = config.data_dir.join("sleutel.hex");
    if !path.exists() {
        if config.database_url.is_some() {
            tracing::warn!("no SK_DATA_KEY: making a key file; every node needs the same key");
        }
        std::fs::write(&path, Sealer::new_key_hex())
            .with_context(|| format!("cannot write {}", path.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Sealer::from_hex(&text).with_context(|| format!("{} is not a valid key", path.display()))
}

/// Serves until `shutdown` resolves, then finishes open requests; the index follows the
/// change log and the hourly housekeeping runs beside it.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    serve_with(listener, state, shutdown, true).await
}

/// [`serve`], with the hourly housekeeping only when `housekeeping` is true (tests that run
/// it themselves would otherwise race the server's own round for the same rows).
pub async fn serve_with(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
    housekeeping: bool,
) -> anyhow::Result<()> {
    let follower = crate::spawn_follower(state.clone());
    let housekeeping = housekeeping.then(|| crate::sync::spawn_housekeeping(state.clone()));
    let router = crate::router(state);
    let served = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    follower.abort();
    if let Some(task) = housekeeping {
        task.abort();
    }
    served.context("server failed")
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
