//! `search-bench`: our index against SQLite FTS5 + R*Tree on the same generated data and
//! queries. Prints one table. Each engine and size runs in its own process so that peak memory
//! is its own.
//!
//! ```sh
//! cargo run --release -p bench -- --sizes 10000,100000,1000000 --queries 300
//! ```
//!
//! With `BENCH_PG_URL=postgres://...` (a server with PostGIS) PostgreSQL full-text search +
//! PostGIS runs too.

mod data;
mod ours;
mod postgres;
mod queries;
mod sqlite;

use std::collections::HashSet;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::queries::{Class, Query};

const DATA_SEED: u64 = 20_261_122;
const QUERY_SEED: u64 = 7;
const UPDATE_DOCS: usize = 2_000;
const UPDATE_BATCH: usize = 200;

#[derive(Debug, Serialize, Deserialize)]
struct ClassResult {
    class: Class,
    p50_us: f64,
    p95_us: f64,
    p99_us: f64,
    qps_2_threads: f64,
    /// Share of the brute-force first page that the engine returned (geo/filter class only).
    recall: Option<f64>,
    /// Average number of offers found per query.
    found: f64,
}

#[derive(Debug, Serialize, Deserialize)]
struct EngineResult {
    engine: String,
    size: usize,
    build_s: f64,
    updates_per_s: f64,
    index_mb: f64,
    peak_rss_mb: f64,
    classes: Vec<ClassResult>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        let engine = args[2].clone();
        let size: usize = args[3].parse()?;
        let n_queries: usize = args[4].parse()?;
        let result = child(&engine, size, n_queries)?;
        println!("{}", serde_json::to_string(&result)?);
        return Ok(());
    }
    let mut sizes = vec![10_000, 100_000, 1_000_000];
    let mut n_queries = 300;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--sizes" => {
                sizes = args[i + 1]
                    .split(',')
                    .map(|s| s.parse())
                    .collect::<Result<_, _>>()?
            }
            "--queries" => n_queries = args[i + 1].parse()?,
            other => anyhow::bail!("unknown argument {other}; use --sizes a,b,c --queries n"),
        }
        i += 2;
    }
    let me = std::env::current_exe()?;
    let mut results = Vec::new();
    for size in &sizes {
        let pg = std::env::var("BENCH_PG_URL").is_ok();
        for engine in ["ours", "sqlite", "postgres"]
            .into_iter()
            .filter(|e| pg || *e != "postgres")
        {
            eprintln!("running {engine} at {size} entries");
            let out = Command::new(&me)
                .args(["--child", engine, &size.to_string(), &n_queries.to_string()])
                .output()?;
            anyhow::ensure!(
                out.status.success(),
                "{engine} {size} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let result: EngineResult =
                serde_json::from_slice(&out.stdout).context("child output")?;
            results.push(result);
        }
    }
    print_table(&results, n_queries);
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e6
}

fn dir_size(path: &std::path::Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if meta.is_file() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| dir_size(&e.path())).sum())
        .unwrap_or(0)
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// What the brute-force check needs of an entry (kept small so it does not skew peak memory).
struct Lite {
    id: u128,
    lat: f64,
    lon: f64,
    kind: String,
    free: bool,
    active: bool,
}

impl Lite {
    fn of(d: &index::OfferDoc) -> Lite {
        Lite {
            id: d.offer_id.as_u128(),
            lat: d.lat.unwrap_or(0.0),
            lon: d.lon.unwrap_or(0.0),
            kind: d.kind.clone(),
            free: d.free,
            active: d.is_active(),
        }
    }
}

/// The brute-force answer for the geo/filter class: all matching, nearest first.
fn brute_force(docs: &[Lite], q: &Query) -> Vec<(f64, u128)> {
    let (Some(at), Some(radius)) = (q.near, q.radius_km) else {
        return vec![];
    };
    let mut hits: Vec<(f64, u128)> = docs
        .iter()
        .filter(|d| d.active && (!q.free_only || d.free) && q.kind.is_none_or(|k| d.kind == k))
        .filter_map(|d| {
            let p = index::LatLon::parse(d.lat, d.lon).ok()?;
            let dist = at.distance_km(p);
            (dist <= radius).then_some((dist, d.id))
        })
        .collect();
    hits.sort_by(|a, b| a.0.total_cmp(&b.0));
    hits
}

/// One search function: total and the ids of the first page.
type Runner<'a> = dyn Fn(&Query) -> (usize, Vec<u128>) + Sync + 'a;

fn child(engine: &str, size: usize, n_queries: usize) -> anyhow::Result<EngineResult> {
    let mut rng = data::Rng::new(DATA_SEED);
    let vocab = data::vocabulary(&mut rng);
    let places = data::Places::load();
    let all = index::synthetic::generate(size, DATA_SEED, &vocab, &places);
    let qs = queries::generate(n_queries, QUERY_SEED, &vocab, &places);
    let updates: Vec<Vec<index::OfferDoc>> = all[..UPDATE_DOCS.min(size)]
        .iter()
        .map(|d| index::OfferDoc {
            name: format!("{} bijgewerkt", d.name),
            ..d.clone()
        })
        .collect::<Vec<_>>()
        .chunks(UPDATE_BATCH)
        .map(<[_]>::to_vec)
        .collect();
    let lite: Vec<Lite> = all.iter().map(Lite::of).collect();
    let dir = std::env::temp_dir().join(format!("sk-bench-{engine}-{size}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let started = Instant::now();
    let bench = Bench {
        engine,
        size,
        dir: &dir,
        docs: &lite,
        queries: &qs,
    };
    match engine {
        "ours" => {
            let built = ours::Ours::build(&dir.join("index"), all);
            let build_s = started.elapsed().as_secs_f64();
            let update_started = Instant::now();
            built.update(&updates);
            bench.measure(build_s, update_started.elapsed(), &|q| built.run(q), None)
        }
        "sqlite" => {
            let built = sqlite::Sqlite::build(&dir.join("bench.db"), &all);
            drop(all);
            let build_s = started.elapsed().as_secs_f64();
            let update_started = Instant::now();
            built.update(&updates, 1);
            let update_time = update_started.elapsed();
            // One connection per thread.
            let first = std::sync::Mutex::new(built.connect());
            let second = std::sync::Mutex::new(built.connect());
            let run_first = |q: &Query| sqlite::run(&first.lock().expect("lock"), q);
            let run_second = |q: &Query| sqlite::run(&second.lock().expect("lock"), q);
            bench.measure(build_s, update_time, &run_first, Some(&run_second))
        }
        "postgres" => {
            let url = std::env::var("BENCH_PG_URL").context("BENCH_PG_URL")?;
            let built = postgres::Postgres::build(&url, size, &all)?;
            drop(all);
            let build_s = started.elapsed().as_secs_f64();
            let update_started = Instant::now();
            built.update(&updates)?;
            let mut result =
                bench.measure(build_s, update_started.elapsed(), &|q| built.run(q), None)?;
            result.index_mb = built.size_mb();
            built.drop_table();
            Ok(result)
        }
        other => anyhow::bail!("unknown engine {other}"),
    }
}

/// What every engine is measured on.
struct Bench<'a> {
    engine: &'a str,
    size: usize,
    dir: &'a std::path::Path,
    docs: &'a [Lite],
    queries: &'a [Query],
}

impl Bench<'_> {
    fn measure(
        &self,
        build_s: f64,
        update_time: Duration,
        run: &Runner<'_>,
        second: Option<&Runner<'_>>,
    ) -> anyhow::Result<EngineResult> {
        let (engine, size, dir, docs, qs) =
            (self.engine, self.size, self.dir, self.docs, self.queries);
        // Warm up caches the way a running node would be.
        for q in qs.iter().take(50) {
            run(q);
        }
        let mut classes = Vec::new();
        for class in Class::ALL {
            let class_qs: Vec<&Query> = qs.iter().filter(|q| q.class == class).collect();
            let mut times = Vec::with_capacity(class_qs.len());
            let mut recall_sum = 0.0;
            let mut recall_n = 0;
            let mut found_sum = 0usize;
            for q in &class_qs {
                let t = Instant::now();
                let (total, ids) = run(q);
                times.push(t.elapsed());
                found_sum += total;
                if class == Class::Filters10kmByDistance {
                    let expected = brute_force(docs, q);
                    let want: HashSet<u128> = expected.iter().take(20).map(|e| e.1).collect();
                    let got: HashSet<u128> = ids.into_iter().collect();
                    recall_sum += if want.is_empty() {
                        1.0
                    } else {
                        want.intersection(&got).count() as f64 / want.len() as f64
                    };
                    recall_n += 1;
                    debug_assert_eq!(total, expected.len());
                }
            }
            times.sort();
            let started = Instant::now();
            let half = class_qs.len() / 2;
            std::thread::scope(|s| {
                s.spawn(|| class_qs[..half].iter().for_each(|q| drop(run(q))));
                s.spawn(|| {
                    class_qs[half..]
                        .iter()
                        .for_each(|q| drop(second.unwrap_or(run)(q)))
                });
            });
            let qps = class_qs.len() as f64 / started.elapsed().as_secs_f64();
            classes.push(ClassResult {
                class,
                p50_us: percentile(&times, 0.50),
                p95_us: percentile(&times, 0.95),
                p99_us: percentile(&times, 0.99),
                qps_2_threads: qps,
                recall: (recall_n > 0).then(|| recall_sum / recall_n as f64),
                found: found_sum as f64 / class_qs.len().max(1) as f64,
            });
        }
        let result = EngineResult {
            engine: engine.into(),
            size,
            build_s,
            updates_per_s: UPDATE_DOCS.min(size) as f64 / update_time.as_secs_f64(),
            index_mb: dir_size(dir) as f64 / 1e6,
            peak_rss_mb: peak_rss_mb(),
            classes,
        };
        let _ = std::fs::remove_dir_all(dir);
        Ok(result)
    }
}

fn ms(us: f64) -> String {
    format!("{:.2}", us / 1000.0)
}

fn print_table(results: &[EngineResult], n_queries: usize) {
    println!("{n_queries} queries per class, single-thread latency in ms (p50 / p95 / p99), QPS with 2 threads.");
    println!();
    println!("| entries | query class | ours p50 / p95 / p99 | ours QPS | ours found | SQLite FTS5+R*Tree p50 / p95 / p99 | SQLite QPS | SQLite found | p50 ours/theirs | recall ours (brute force) |");
    println!("|---:|---|---|---:|---:|---|---:|---:|---:|---:|");
    for ours in results.iter().filter(|r| r.engine == "ours") {
        let Some(theirs) = results
            .iter()
            .find(|r| r.engine == "sqlite" && r.size == ours.size)
        else {
            continue;
        };
        for (a, b) in ours.classes.iter().zip(&theirs.classes) {
            println!(
                "| {} | {} | {} / {} / {} | {:.0} | {:.0} | {} / {} / {} | {:.0} | {:.0} | {:.2} | {} |",
                ours.size,
                a.class.label(),
                ms(a.p50_us), ms(a.p95_us), ms(a.p99_us),
                a.qps_2_threads,
                a.found,
                ms(b.p50_us), ms(b.p95_us), ms(b.p99_us),
                b.qps_2_threads,
                b.found,
                a.p50_us / b.p50_us.max(0.001),
                a.recall.map_or("".into(), |r| format!("{:.1} %", r * 100.0)),
            );
        }
    }
    if results.iter().any(|r| r.engine == "postgres") {
        println!();
        println!("| entries | query class | PostgreSQL FTS + PostGIS p50 / p95 / p99 | PG QPS | PG found | p50 ours/PG |");
        println!("|---:|---|---|---:|---:|---:|");
        for ours in results.iter().filter(|r| r.engine == "ours") {
            let Some(pg) = results
                .iter()
                .find(|r| r.engine == "postgres" && r.size == ours.size)
            else {
                continue;
            };
            for (a, b) in ours.classes.iter().zip(&pg.classes) {
                println!(
                    "| {} | {} | {} / {} / {} | {:.0} | {:.0} | {:.2} |",
                    ours.size,
                    a.class.label(),
                    ms(b.p50_us),
                    ms(b.p95_us),
                    ms(b.p99_us),
                    b.qps_2_threads,
                    b.found,
                    a.p50_us / b.p50_us.max(0.001),
                );
            }
        }
    }
    println!();
    println!("| entries | engine | build (s) | updates/s (batches of {UPDATE_BATCH}) | index size (MB) | peak RSS (MB) |");
    println!("|---:|---|---:|---:|---:|---:|");
    for r in results {
        println!(
            "| {} | {} | {:.1} | {:.0} | {:.1} | {:.0} |",
            r.size, r.engine, r.build_s, r.updates_per_s, r.index_mb, r.peak_rss_mb
        );
    }
}
