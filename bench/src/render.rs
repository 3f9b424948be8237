//! Server-side render times of the resident pages on the Utrecht demo (SQLite, release build).
//!
//! `cargo run --release -p bench --bin render-bench [-- runs]` prints a Markdown table. Requests
//! go through the whole axum router in-process (no TCP), so this is page work only: search,
//! database, Leptos SSR.

use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt;

const PAGES: [(&str, &str); 7] = [
    ("home", "/"),
    ("search text + postcode", "/?q=voetbal&waar=3454"),
    (
        "search plain Dutch",
        "/?q=ik+heb+schulden+en+kan+slecht+lezen&waar=3511",
    ),
    ("browse leefgebied", "/?leefgebied=meedoen"),
    (
        "facets + page 2",
        "/?q=&leefgebied=bewegen&gratis=ja&pagina=2",
    ),
    ("talents", "/ik-kan-iets?talent=voetbal&waar=3454"),
    ("english search", "/?q=koken&waar=3511"),
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let data_dir = tempfile::tempdir()?;
    let config = server::Config {
        load_demo_when_empty: true,
        ..server::Config::with_data_dir(data_dir.path())
    };
    let app = server::App::build(config)
        .await
        .context("building the demo")?;
    let offers = app.state.db.count_offers().await?;
    let router = server::router(app.state.clone());

    // The offer detail page of the first result, so the table covers it too.
    let detail = {
        let found = app::service::search::run(
            &app.state,
            index::SearchRequest::text("voetbal"),
            app::i18n::Lang::Nl,
        )
        .await?;
        format!("/aanbod/{}", found.items.first().context("no offers")?.id)
    };
    let pages: Vec<(&str, String)> = PAGES
        .iter()
        .map(|(name, path)| (*name, path.to_string()))
        .chain([("offer detail", detail)])
        .collect();

    println!("Server-side render on the Utrecht demo ({offers} offers), {runs} runs per page, in-process.\n");
    println!("| page | p50 ms | p95 ms | max ms | bytes |");
    println!("|---|---:|---:|---:|---:|");
    for (name, path) in pages {
        let mut times = Vec::with_capacity(runs);
        let mut bytes = 0;
        for i in 0..runs + 10 {
            let mut request = Request::get(&path);
            if name == "english search" {
                request = request.header("cookie", "taal=en");
            }
            let started = Instant::now();
            let response = router.clone().oneshot(request.body(Body::empty())?).await?;
            let status = response.status();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
            let took = started.elapsed();
            anyhow::ensure!(status.is_success(), "{path}: {status}");
            // The first runs warm the caches (index readers, SQLite pages).
            if i >= 10 {
                times.push(took);
                bytes = body.len();
            }
        }
        times.sort();
        let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
        println!(
            "| {name} | {} | {} | {} | {bytes} |",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
        );
    }
    Ok(())
}
