//! Matching and coalition-scan times: on the Utrecht demo as a node holds it, and on a synthetic
//! national catalog (default 100k offers; issue 20 asks 1M: one profile < 20 ms p50), spread
//! over the country by where people live.
//!
//! `cargo run --release -p bench --bin match-bench [-- offers]` prints Markdown tables.

use std::time::{Duration, Instant};

use anyhow::Context;
use index::matching::{
    match_profile, scan_coalitions, Catalog, CatalogChanges, CatalogNeed, CatalogOffer,
    CatalogOrganisation, PartnerKind, Profile, TalentEntry,
};
use index::LatLon;
use uuid::Uuid;

// The search benchmark's generator: PC4 points weighted by inhabitants.
#[allow(dead_code)]
#[path = "data.rs"]
mod data;

static PLACES: std::sync::OnceLock<data::Places> = std::sync::OnceLock::new();

const TALENTS: [&str; 10] = [
    "koken",
    "voetbal",
    "sport",
    "taal",
    "computer",
    "klussen",
    "kinderen",
    "muziek",
    "tuinieren",
    "luisteren",
];
const LEEFGEBIEDEN: [&str; 10] = [
    "meedoen",
    "geldzaken",
    "werk",
    "leren",
    "gezondheid",
    "bewegen",
    "opgroeien",
    "wonen",
    "zorg",
    "veiligheid",
];

/// A small deterministic generator, so every run measures the same catalog.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
    /// A point in the Netherlands where people live: a PC4 area picked by its inhabitants (as
    /// the search benchmark does), a little off its middle.
    fn place(&mut self) -> LatLon {
        self.place_in().0
    }

    /// [`Rng::place`] with the CBS code of its gemeente.
    fn place_in(&mut self) -> (LatLon, String) {
        let places = PLACES.get_or_init(data::Places::load);
        let place = places.pick(&mut data::Rng::new(self.next()));
        let at = LatLon::parse(
            place.lat + (self.unit() - 0.5) * 0.01,
            place.lon + (self.unit() - 0.5) * 0.015,
        )
        .expect("valid point");
        (at, place.gemeente_code.clone())
    }
    fn pick(&mut self, from: &[&str], n: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for _ in 0..n {
            let s = from[self.below(from.len() as u64) as usize].to_string();
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

fn synthetic(offers: usize, rng: &mut Rng) -> Catalog {
    let offers_list = (0..offers)
        .map(|i| {
            let (at, gemeente) = rng.place_in();
            CatalogOffer {
                id: Uuid::from_u128(i as u128),
                name: format!("Aanbod {i}"),
                organisation_id: Uuid::from_u128(10_000_000 + (i / 3) as u128),
                organisation: format!("Organisatie {}", i / 3),
                kind: ["buurthuis", "vereniging", "initiatief", "voorziening"][i % 4].into(),
                leefgebieden: rng.pick(&LEEFGEBIEDEN, 2),
                groups: vec!["iedereen".into()],
                topics: rng.pick(&TALENTS, 1),
                places: vec![at],
                place_facts: vec![],
                gemeente: Some(gemeente),
                min_age: (i % 7 == 0).then_some(6),
                max_age: (i % 7 == 0).then_some(12),
                days: vec![(1 + i % 7) as u8],
                languages: vec!["nl".into()],
                free: i % 3 == 0,
                no_referral_needed: i % 4 != 3,
                keeps_benefit: i % 5 == 0,
                volunteering: i % 25 == 0,
                active: i % 50 != 0,
                waiting_list: if i % 40 == 0 { 20 } else { 0 },
            }
        })
        .collect();
    let needs = (0..offers / 50)
        .map(|i| {
            let (at, gemeente) = rng.place_in();
            CatalogNeed {
                id: Uuid::from_u128(20_000_000 + i as u128),
                title: format!("Vrijwilliger {i}"),
                kind: "vrijwilliger".into(),
                organisation_id: Uuid::from_u128(10_000_000 + i as u128),
                organisation: format!("Organisatie {i}"),
                offer_id: Some(Uuid::from_u128((i * 50) as u128)),
                talents: rng.pick(&TALENTS, 2),
                min_age: Some(16),
                max_age: None,
                at: Some(at),
                gemeente: Some(gemeente),
                people_wanted: 3,
                waiting_list: (i % 3 == 0) as u32 * 15,
                time_commitment: String::new(),
                ..CatalogNeed::default()
            }
        })
        .collect();
    let organisations = (0..offers / 100)
        .map(|i| {
            let (at, gemeente) = rng.place_in();
            CatalogOrganisation {
                id: Uuid::from_u128(30_000_000 + i as u128),
                name: format!("Partner {i}"),
                partner: [
                    PartnerKind::Wijkteam,
                    PartnerKind::School,
                    PartnerKind::Jongerenwerk,
                ][i % 3]
                    .into(),
                at: Some(at),
                gemeente: Some(gemeente),
            }
        })
        .collect();
    let talent_entries = (0..offers / 20)
        .map(|i| TalentEntry {
            id: Uuid::from_u128(40_000_000 + i as u128),
            talents: rng.pick(&TALENTS, 2),
            age: Some(16 + rng.below(60) as u8),
            at: rng.place(),
        })
        .collect();
    Catalog::new(offers_list, needs, organisations, talent_entries)
}

fn profiles(n: usize, rng: &mut Rng) -> Vec<Profile> {
    (0..n)
        .map(|_| Profile {
            needs: rng.pick(&LEEFGEBIEDEN, 2),
            talents: rng.pick(&TALENTS, 2),
            interests: rng.pick(&TALENTS, 1),
            age: Some(10 + rng.below(80) as u8),
            at: Some(rng.place()),
            max_km: Some(5.0),
            ..Profile::default()
        })
        .collect()
}

fn stats(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
    (
        at(0.5),
        at(0.99),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
    )
}

fn time_matches(catalog: &Catalog, profiles: &[Profile]) -> (f64, f64, f64, usize) {
    let mut found = 0;
    let times = profiles
        .iter()
        .map(|p| {
            let started = Instant::now();
            let lanes = match_profile(catalog, p);
            let took = started.elapsed();
            found += lanes.meedoen.len() + lanes.bijdragen.len() + lanes.samen.len();
            took
        })
        .collect();
    let (p50, p99, max) = stats(times);
    (p50, p99, max, found / profiles.len().max(1))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let offers: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x5eed_cafe_f00d_1234);

    // The Utrecht demo, as a node loads it from its database.
    let data_dir = tempfile::tempdir()?;
    let app = server::App::build(server::Config {
        load_demo_when_empty: true,
        ..server::Config::with_data_dir(data_dir.path())
    })
    .await
    .context("building the demo")?;
    let mut loads = Vec::new();
    let mut catalog = Catalog::default();
    for _ in 0..20 {
        let started = Instant::now();
        catalog = app::db::load_catalog(&app.state.db).await?;
        loads.push(started.elapsed());
    }
    // What a request does now: the node's catalog in memory (one look at the log's head).
    let mut cached = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        let from_memory = app::service::matching::catalog(&app.state).await?;
        cached.push(started.elapsed());
        assert_eq!(from_memory.offers.len(), catalog.offers.len());
    }
    let mut scans = Vec::new();
    let mut proposals = 0;
    for _ in 0..50 {
        let started = Instant::now();
        proposals = scan_coalitions(&catalog, Some("GM0344")).len();
        scans.push(started.elapsed());
    }
    let demo_profiles = profiles(500, &mut Rng(7));
    let demo_profiles: Vec<Profile> = demo_profiles
        .into_iter()
        .map(|mut p| {
            p.at = LatLon::parse(
                52.09 + (rng.unit() - 0.5) * 0.08,
                5.11 + (rng.unit() - 0.5) * 0.12,
            )
            .ok();
            p
        })
        .collect();

    println!("Matching on the Utrecht demo ({} offers, {} needs, {} partners, {} talent entries), SQLite, release.\n",
        catalog.offers.len(), catalog.needs.len(), catalog.organisations.len(), catalog.talent_entries.len());
    println!("| step | p50 ms | p99 ms | max ms | result |");
    println!("|---|---:|---:|---:|---|");
    let (p50, p99, max) = stats(loads);
    println!("| load catalog from the database | {p50:.2} | {p99:.2} | {max:.2} | |");
    let (p50, p99, max) = stats(cached);
    println!("| catalog from the node's memory (per request) | {p50:.3} | {p99:.3} | {max:.3} | |");
    let (p50, p99, max) = stats(scans);
    println!("| coalition scan, gemeente Utrecht | {p50:.3} | {p99:.3} | {max:.3} | {proposals} proposals |");
    let (p50, p99, max, found) = time_matches(&catalog, &demo_profiles);
    println!("| match one profile (500 profiles) | {p50:.3} | {p99:.3} | {max:.3} | {found} suggestions on average |");

    let started = Instant::now();
    let big = synthetic(offers, &mut rng);
    let built = started.elapsed();
    // As a node does when it builds its catalog: where the offers are, once.
    let started = Instant::now();
    big.prepare();
    let gridded = started.elapsed();
    let big_profiles = profiles(200, &mut rng);
    println!("\nSynthetic catalog: {offers} offers, {} needs, {} partners, {} talent entries (built in {:.1} s; its spatial grid in {:.0} ms).\n",
        big.needs.len(), big.organisations.len(), big.talent_entries.len(), built.as_secs_f64(), gridded.as_secs_f64() * 1000.0);
    println!("| step | p50 ms | p99 ms | max ms | result |");
    println!("|---|---:|---:|---:|---|");
    let (p50, p99, max, found) = time_matches(&big, &big_profiles);
    println!("| match one profile (200 profiles) | {p50:.2} | {p99:.2} | {max:.2} | {found} suggestions on average |");
    let mut scans = Vec::new();
    let mut gemeente_needs = 0;
    for _ in 0..5 {
        let started = Instant::now();
        proposals = scan_coalitions(&big, Some("GM0344")).len();
        gemeente_needs = big
            .needs
            .iter()
            .filter(|n| n.gemeente.as_deref() == Some("GM0344"))
            .count();
        scans.push(started.elapsed());
    }
    let (p50, p99, max) = stats(scans);
    println!(
        "| coalition scan, gemeente Utrecht ({gemeente_needs} of its needs) | {p50:.1} | {p99:.1} | {max:.1} | {proposals} proposals |"
    );
    // What a node does per batch of the change log: the changed offers replaced (moved to
    // another place), everything else shared with the catalog before.
    for changed in [1usize, 100, 2000] {
        let mut times = Vec::new();
        for round in 0..10 {
            let offers: Vec<CatalogOffer> = (0..changed)
                .map(|k| {
                    let i = (round * 7919 + k * 104_729) % big.offers.len();
                    let mut o = big.offers[i].clone();
                    o.places = vec![rng.place()];
                    o
                })
                .collect();
            let changes = CatalogChanges {
                ids: offers.iter().map(|o| o.id).collect(),
                offers,
                ..CatalogChanges::default()
            };
            let started = Instant::now();
            let next = big.updated(changes);
            times.push(started.elapsed());
            assert_eq!(next.offers.len(), big.offers.len());
        }
        let (p50, p99, max) = stats(times);
        println!("| catalog updated from the log, offers changed: {changed} | {p50:.1} | {p99:.1} | {max:.1} | |");
    }
    Ok(())
}
