//! Matching and coalition-scan times: on the Utrecht demo as loaded from SQLite, and on a
//! synthetic catalog of 100k offers (issue 6: one profile < 10 ms; a gemeente scan < 1 s).
//!
//! `cargo run --release -p bench --bin match-bench [-- offers]` prints Markdown tables.

use std::time::{Duration, Instant};

use anyhow::Context;
use index::matching::{
    match_profile, scan_coalitions, Catalog, CatalogNeed, CatalogOffer, CatalogOrganisation,
    PartnerKind, Profile, TalentEntry,
};
use index::LatLon;
use uuid::Uuid;

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
    /// A point in the Netherlands, denser around a few cities.
    fn place(&mut self) -> LatLon {
        let cities = [
            (52.09, 5.12),
            (52.37, 4.90),
            (51.92, 4.48),
            (52.08, 4.30),
            (51.44, 5.47),
        ];
        let (lat, lon) = cities[self.below(cities.len() as u64) as usize];
        LatLon::parse(
            lat + (self.unit() - 0.5) * 0.3,
            lon + (self.unit() - 0.5) * 0.4,
        )
        .expect("valid point")
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
        .map(|i| CatalogOffer {
            id: Uuid::from_u128(i as u128),
            name: format!("Aanbod {i}"),
            organisation_id: Uuid::from_u128(10_000_000 + (i / 3) as u128),
            organisation: format!("Organisatie {}", i / 3),
            kind: ["buurthuis", "vereniging", "initiatief", "voorziening"][i % 4].into(),
            leefgebieden: rng.pick(&LEEFGEBIEDEN, 2),
            groups: vec!["iedereen".into()],
            topics: rng.pick(&TALENTS, 1),
            places: vec![rng.place()],
            place_facts: vec![],
            gemeente: Some("GM0344".into()),
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
        })
        .collect();
    let needs = (0..offers / 50)
        .map(|i| CatalogNeed {
            id: Uuid::from_u128(20_000_000 + i as u128),
            title: format!("Vrijwilliger {i}"),
            kind: "vrijwilliger".into(),
            organisation_id: Uuid::from_u128(10_000_000 + i as u128),
            organisation: format!("Organisatie {i}"),
            offer_id: Some(Uuid::from_u128((i * 50) as u128)),
            talents: rng.pick(&TALENTS, 2),
            min_age: Some(16),
            max_age: None,
            at: Some(rng.place()),
            gemeente: Some("GM0344".into()),
            people_wanted: 3,
            waiting_list: (i % 3 == 0) as u32 * 15,
            time_commitment: String::new(),
            ..CatalogNeed::default()
        })
        .collect();
    let organisations = (0..offers / 100)
        .map(|i| CatalogOrganisation {
            id: Uuid::from_u128(30_000_000 + i as u128),
            name: format!("Partner {i}"),
            partner: [
                PartnerKind::Wijkteam,
                PartnerKind::School,
                PartnerKind::Jongerenwerk,
            ][i % 3]
                .into(),
            at: Some(rng.place()),
            gemeente: Some("GM0344".into()),
        })
        .collect();
    let talent_entries = (0..offers / 20)
        .map(|_| TalentEntry {
            talents: rng.pick(&TALENTS, 2),
            age: Some(16 + rng.below(60) as u8),
            at: rng.place(),
        })
        .collect();
    Catalog {
        offers: offers_list,
        needs,
        organisations,
        talent_entries,
    }
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
        at(0.95),
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
    let (p50, p95, max) = stats(times);
    (p50, p95, max, found / profiles.len().max(1))
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
    println!("| step | p50 ms | p95 ms | max ms | result |");
    println!("|---|---:|---:|---:|---|");
    let (p50, p95, max) = stats(loads);
    println!("| load catalog from the database | {p50:.2} | {p95:.2} | {max:.2} | |");
    let (p50, p95, max) = stats(scans);
    println!("| coalition scan, gemeente Utrecht | {p50:.3} | {p95:.3} | {max:.3} | {proposals} proposals |");
    let (p50, p95, max, found) = time_matches(&catalog, &demo_profiles);
    println!("| match one profile (500 profiles) | {p50:.3} | {p95:.3} | {max:.3} | {found} suggestions on average |");

    let started = Instant::now();
    let big = synthetic(offers, &mut rng);
    let built = started.elapsed();
    let big_profiles = profiles(200, &mut rng);
    println!("\nSynthetic catalog: {offers} offers, {} needs, {} partners, {} talent entries (built in {:.1} s).\n",
        big.needs.len(), big.organisations.len(), big.talent_entries.len(), built.as_secs_f64());
    println!("| step | p50 ms | p95 ms | max ms | result |");
    println!("|---|---:|---:|---:|---|");
    let (p50, p95, max, found) = time_matches(&big, &big_profiles);
    println!("| match one profile (200 profiles) | {p50:.2} | {p95:.2} | {max:.2} | {found} suggestions on average |");
    let mut scans = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        proposals = scan_coalitions(&big, Some("GM0344")).len();
        scans.push(started.elapsed());
    }
    let (p50, p95, max) = stats(scans);
    println!(
        "| coalition scan, all needs | {p50:.1} | {p95:.1} | {max:.1} | {proposals} proposals |"
    );
    Ok(())
}
