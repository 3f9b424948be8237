//! `sociale-kaart demo --synthetic N`: N made-up offers over the whole country, spread by where
//! people live (every PC4 area, weighted by inhabitants), with the benchmarks' vocabulary
//! (`index::synthetic`), for load tests and benchmarks at national scale.
//!
//! Marked in the data (`source` = [`SOURCE`] on every organisation and offer) and wherever
//! people read them (names end in [`MARK`], descriptions say so). The same N gives the same
//! offers with the same ids, so a run that stopped halfway is simply run again: what was saved
//! is overwritten, never doubled.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use app::db::{Dataset, LocationRecord, OrganisationRecord, ScheduleRecord, ServiceRecord};
use app::AppState;
use index::synthetic::{self, Places, Rng, Vocabulary};
use uuid::Uuid;

/// `source` of everything this module saves.
pub const SOURCE: &str = "synthetisch";
/// What every synthetic name ends with, so nobody mistakes it for a real offer.
pub const MARK: &str = "(testdata)";
/// Most offers one run makes: beyond the country's scale a run is a mistake, not a test.
pub const MAX_OFFERS: usize = 2_000_000;
const SEED: u64 = 20_261_203;
/// Offers saved per transaction.
const BATCH: usize = 1_000;

/// Saves the first `n` synthetic offers (each with its own organisation and location) and
/// prints progress; returns how many were saved. The caller rebuilds the index.
pub async fn load(state: &AppState, n: usize, wordlist: &Path) -> anyhow::Result<usize> {
    anyhow::ensure!(
        n <= MAX_OFFERS,
        "--synthetic maakt hoogstens {MAX_OFFERS} aanbod (gevraagd: {n})"
    );
    let (vocab, places) = setup(wordlist)?;
    let today = chrono::Utc::now().date_naive();
    let started = Instant::now();
    let mut last_said = started;
    let mut saved = 0;
    let mut batch = Dataset::default();
    for doc in synthetic::entries(SEED, &vocab, &places).take(n) {
        add(&mut batch, doc, today);
        if batch.services.len() == BATCH {
            saved += save(state, &mut batch).await?;
            if saved < n && last_said.elapsed().as_secs() >= 2 {
                last_said = Instant::now();
                say_progress(saved, n, started);
            }
        }
    }
    saved += save(state, &mut batch).await?;
    say_progress(saved, n, started);
    Ok(saved)
}

fn setup(wordlist: &Path) -> anyhow::Result<(Vocabulary, Places)> {
    let mut rng = Rng::new(SEED);
    let vocab = Vocabulary::load(wordlist, &mut rng).with_context(|| {
        format!(
            "voor --synthetic is de Nederlandse woordenlijst {} nodig: sudo apt-get install wdutch",
            wordlist.display()
        )
    })?;
    Ok((vocab, Places::load()))
}

/// Writes the first `n` synthetic offers (the same as [`load`] saves) as an HSDS 3.0 register
/// file, one compiled service per line (JSON lines), without a database: the input for import
/// benchmarks and tests. Returns how many were written.
pub fn write_hsds(n: usize, wordlist: &Path, path: &Path) -> anyhow::Result<usize> {
    use std::io::Write;
    anyhow::ensure!(
        n <= MAX_OFFERS,
        "--synthetic maakt hoogstens {MAX_OFFERS} aanbod (gevraagd: {n})"
    );
    let (vocab, places) = setup(wordlist)?;
    let today = chrono::Utc::now().date_naive();
    let terms = app::db::shipped_term_records();
    let modified = std::collections::HashMap::new();
    let file = std::fs::File::create(path)
        .with_context(|| format!("kan {} niet schrijven", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let mut written = 0;
    let mut batch = Dataset::default();
    let mut entries = synthetic::entries(SEED, &vocab, &places).take(n).peekable();
    while entries.peek().is_some() {
        for doc in entries.by_ref().take(BATCH) {
            add(&mut batch, doc, today);
        }
        let catalogue = crate::hsds::export::Catalogue::new(&batch, &terms, &modified);
        for service in &batch.services {
            serde_json::to_writer(&mut out, &catalogue.service(service))?;
            out.write_all(b"\n")?;
        }
        written += batch.services.len();
        batch = Dataset::default();
    }
    out.flush()
        .with_context(|| format!("kan {} niet schrijven", path.display()))?;
    Ok(written)
}

async fn save(state: &AppState, batch: &mut Dataset) -> anyhow::Result<usize> {
    let n = batch.services.len();
    if n > 0 {
        app::db::save_dataset(&state.db, batch)
            .await
            .context("saving synthetic offers")?;
    }
    *batch = Dataset::default();
    Ok(n)
}

fn say_progress(saved: usize, n: usize, started: Instant) {
    let seconds = started.elapsed().as_secs_f64().max(0.001);
    let rate = saved as f64 / seconds;
    let left = (n - saved) as f64 / rate.max(1.0);
    println!("synthetisch aanbod: {saved} van {n} ({rate:.0} per seconde, nog {left:.0} s)");
}

/// One entry as an organisation with one location and one offer, all marked.
fn add(batch: &mut Dataset, doc: index::OfferDoc, today: chrono::NaiveDate) {
    // Ids follow from the offer's (seeded) id, so a second run overwrites the first.
    let organisation = Uuid::from_u128(doc.offer_id.as_u128() ^ 1);
    let location = Uuid::from_u128(doc.offer_id.as_u128() ^ 2);
    let organisation_name = format!("{} {MARK}", doc.organisation);
    let mut name = doc.name.clone();
    if let Some(first) = name.get(..1) {
        name = first.to_uppercase() + &name[1..];
    }
    batch.organisations.push(OrganisationRecord {
        id: organisation,
        name: organisation_name.clone(),
        description: "Verzonnen organisatie voor een belastingtest: bestaat niet.".into(),
        source: SOURCE.into(),
        last_verified_on: Some(today),
        ..OrganisationRecord::default()
    });
    batch.locations.push(LocationRecord {
        id: location,
        organization_id: organisation,
        name: organisation_name,
        latitude: doc.lat,
        longitude: doc.lon,
        ..LocationRecord::default()
    });
    batch.services.push(ServiceRecord {
        id: doc.offer_id,
        organization_id: organisation,
        name: format!("{name} {MARK}"),
        description: format!(
            "Verzonnen aanbod voor een belastingtest. {}",
            doc.description
        ),
        kind: doc.kind,
        status: doc.status,
        minimum_age: doc.min_age.map(i32::from),
        maximum_age: doc.max_age.map(i32::from),
        is_free: doc.free,
        no_referral_needed: doc.no_referral_needed,
        last_verified_on: Some(today),
        source: SOURCE.into(),
        location_ids: vec![location],
        terms: doc
            .leefgebieden
            .into_iter()
            .map(|code| ("leefgebied".to_string(), code))
            .collect(),
        languages: doc.languages,
        schedules: doc
            .days
            .into_iter()
            .map(|weekday| ScheduleRecord {
                weekday,
                opens_at: "10:00".into(),
                closes_at: "12:00".into(),
                ..ScheduleRecord::default()
            })
            .collect(),
        ..ServiceRecord::default()
    });
}
