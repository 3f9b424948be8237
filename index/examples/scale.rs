//! The engine alone at national scale: builds (once, kept in a temp directory) an index of the
//! search benchmark's generated entries and runs its query classes, single thread. A quick loop
//! for work on the engine; `search-bench` is the comparison with SQLite and PostgreSQL.
//!
//! ```sh
//! cargo run --release -p index --example scale -- 1000000 200
//! ```
//! Its peak RSS is the engine's own when the index already exists (no generated data held).

#[path = "../../bench/src/data.rs"]
#[allow(dead_code)]
mod data;
#[path = "../../bench/src/ours.rs"]
#[allow(dead_code)]
mod ours;
#[path = "../../bench/src/queries.rs"]
#[allow(dead_code)]
mod queries;

use std::time::Instant;

use index::SearchIndex;

const DATA_SEED: u64 = 20_261_122;
const QUERY_SEED: u64 = 7;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let size: usize = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    // Only the classes whose label contains this, for profiling one of them.
    let only = args.get(3).cloned().unwrap_or_default();
    let mut rng = data::Rng::new(DATA_SEED);
    let vocab = data::vocabulary(&mut rng);
    let places = data::Places::load();
    let qs = queries::generate(n, QUERY_SEED, &vocab, &places);
    let dir = std::env::temp_dir().join(format!("sk-scale-{size}"));
    let built = dir.join("done");
    let index = SearchIndex::open_or_create(&dir).expect("index opens");
    if !built.exists() {
        let docs = index::synthetic::generate(size, DATA_SEED, &vocab, &places);
        let t = Instant::now();
        index.replace_all(docs, Some(0)).expect("builds");
        std::fs::write(&built, "").expect("marker");
        println!("built {size} in {:.1} s", t.elapsed().as_secs_f64());
    }
    drop(vocab);
    println!("| class | p50 / p95 / p99 ms | found | estimated |");
    println!("|---|---|---:|---:|");
    for class in queries::Class::ALL {
        let exact = queries::Class::ALL.iter().any(|c| c.label() == only);
        if (exact && class.label() != only) || !class.label().contains(&only) {
            continue;
        }
        let mut times = Vec::new();
        let mut found = 0usize;
        let mut estimated = 0usize;
        for q in qs.iter().filter(|q| q.class == class) {
            let request = ours::Ours::request(q);
            let t = Instant::now();
            let r = index.search(&request).expect("searches");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            found += r.total;
            estimated += usize::from(r.estimated);
        }
        times.sort_by(f64::total_cmp);
        let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
        println!(
            "| {} | {:.2} / {:.2} / {:.2} | {} | {} |",
            class.label(),
            at(0.5),
            at(0.95),
            at(0.99),
            found / times.len().max(1),
            estimated
        );
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        println!("peak RSS: {line}");
    }
}
