//! The `import hsds` and `export hsds` commands.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Context;
use app::db::{self, Db, TermRecord};
use serde_json::{json, Value};

use super::export::Catalogue;
use super::import::{dataset, map_service, validate, Problem};

/// Records saved per transaction: an interrupted import loses at most one batch, and a re-run
/// upserts what was already saved.
const BATCH: usize = 500;
/// Largest taxonomy file we read (it is read whole).
const MAX_TERMS_BYTES: u64 = 64 * 1024 * 1024;

/// What an import did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Records read.
    pub read: usize,
    /// Offers saved.
    pub services: usize,
    /// Volunteer roles saved.
    pub needs: usize,
    /// Records refused, with why.
    pub problems: Vec<Problem>,
    /// Taxonomy terms saved.
    pub terms: usize,
    /// Offers saved whose last check is over 6 months old: marked as "check needed".
    pub overdue: usize,
    /// Offers saved whose last check is over 9 months old: not shown in search.
    pub hidden: usize,
    /// Which source terms became which of ours, and which did not.
    pub crosswalk: super::crosswalk::CrosswalkReport,
    /// Records at the top of the file an earlier, interrupted run of the same import had
    /// saved: read past, not saved again.
    pub resumed_after: u64,
}

/// How an import treats the data.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The administrator's mapping of source terms to ours (`source_term,our_code` per line).
    pub taxonomy_map: Option<std::path::PathBuf>,
    /// Record the import as a check of every imported offer on this day (the gemeente vouches
    /// for the data); without it the source's own check dates count.
    pub checked_on: Option<chrono::NaiveDate>,
    /// Start at the top even when an earlier run of this import stopped halfway.
    pub from_start: bool,
}

impl ImportOptions {
    /// Options that record the import as checked today (`--checked-on today`).
    pub fn checked_today() -> ImportOptions {
        ImportOptions {
            checked_on: Some(chrono::Utc::now().date_naive()),
            ..ImportOptions::default()
        }
    }
}

impl Summary {
    /// Records refused.
    pub fn skipped(&self) -> usize {
        let mut ids: Vec<&str> = self.problems.iter().map(|p| p.record.as_str()).collect();
        ids.sort();
        ids.dedup();
        ids.len()
    }
}

/// Reads every HSDS service of a JSON file (an array, JSON lines, one service, or an API page
/// with `contents`) or of a directory holding a tabular datapackage (CSV files) into memory.
/// For small files and tests: [`import_file`] streams.
pub fn read_services(path: &Path) -> anyhow::Result<Vec<Value>> {
    super::stream::read_all(path)
}

/// Reads taxonomy_term objects (taxonomy objects are recognised and skipped).
pub fn read_terms(path: &Path) -> anyhow::Result<Vec<TermRecord>> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("kan {} niet lezen", path.display()))?
        .len();
    anyhow::ensure!(
        size <= MAX_TERMS_BYTES,
        "{} is groter dan 64 MB; een taxonomie is veel kleiner",
        path.display()
    );
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("kan {} niet lezen", path.display()))?;
    let doc: Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is geen geldige JSON", path.display()))?;
    let items = match doc {
        Value::Array(items) => items,
        Value::Object(mut page) if page.contains_key("contents") => match page.remove("contents") {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        other => vec![other],
    };
    let text_of = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Ok(items
        .iter()
        .filter(|t| {
            t.get("taxonomy").is_some() || t.get("taxonomy_id").is_some() || t.get("code").is_some()
        })
        .filter_map(|t| {
            let id = text_of(t, "id").parse().ok()?;
            let taxonomy = t
                .get("taxonomy_detail")
                .map(|d| text_of(d, "name"))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| text_of(t, "taxonomy"));
            let name = text_of(t, "name");
            let code = Some(text_of(t, "code"))
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| name.clone());
            Some(TermRecord {
                id,
                taxonomy,
                code,
                name,
                description: text_of(t, "description"),
            })
        })
        .collect())
}

/// Validates, maps and saves services in batches; invalid records are reported and skipped.
pub async fn import_services(db: &Db, services: Vec<Value>) -> anyhow::Result<Summary> {
    import_services_with(db, services, ImportOptions::default()).await
}

/// [`import_services`] with options; counts how many saved offers the freshness rule marks or
/// hides, so the import can say so.
pub async fn import_services_with(
    db: &Db,
    services: Vec<Value>,
    options: ImportOptions,
) -> anyhow::Result<Summary> {
    let mut batches = Batches::new(&options)?;
    let mut summary = Summary::default();
    for chunk in services.chunks(BATCH) {
        summary.read += chunk.len();
        let data = batches.prepare(chunk, &mut summary);
        db::save_dataset(db, &data)
            .await
            .context("saving a batch")?;
    }
    Ok(summary)
}

/// Imports a JSON file or datapackage directory as a stream (see [`super::stream`]): memory
/// stays bounded however large the file, progress shows on a terminal (a bar with rate and
/// time left) or as a plain line every 10 seconds in logs, and each batch is saved with how far
/// the import got, so a run of the same file with the same options after a crash goes on
/// after the last saved batch instead of at the top.
pub async fn import_file(db: &Db, path: &Path, options: ImportOptions) -> anyhow::Result<Summary> {
    let source = source_key(path, &options)?;
    let resume = match options.from_start {
        true => 0,
        false => db::import_checkpoint(db, &source).await?.unwrap_or(0),
    };
    let mut batches = Batches::new(&options)?;
    let mut stream = super::stream::ServiceStream::open(path, BATCH)?;
    let mut progress = Progress::new(stream.total(), stream.unit());
    let mut summary = Summary {
        resumed_after: resume,
        ..Summary::default()
    };
    let mut records: u64 = 0;
    while let Some(batch) = stream.next_batch().await {
        let batch = batch?;
        let first = records;
        records += batch.len() as u64;
        summary.read += batch.len();
        // Saved by the earlier run: read past it.
        let skip = resume.saturating_sub(first).min(batch.len() as u64) as usize;
        if skip < batch.len() {
            let data = batches.prepare(&batch[skip..], &mut summary);
            let checkpoint = db::ImportCheckpoint {
                source: &source,
                records,
            };
            db::save_import_batch(db, &data, checkpoint)
                .await
                .context("saving a batch")?;
        }
        progress.show(stream.position(), records);
    }
    db::finish_import(db, &source).await?;
    progress.finish();
    Ok(summary)
}

/// Turns batches of HSDS services into our records: validation, the crosswalk, the freshness
/// rule.
struct Batches<'a> {
    walk: super::crosswalk::Crosswalk,
    options: &'a ImportOptions,
    today: chrono::NaiveDate,
}

impl<'a> Batches<'a> {
    fn new(options: &'a ImportOptions) -> anyhow::Result<Batches<'a>> {
        let walk = match &options.taxonomy_map {
            Some(path) => super::crosswalk::Crosswalk::with_file(path)?,
            None => super::crosswalk::Crosswalk::shipped(),
        };
        Ok(Batches {
            walk,
            options,
            today: chrono::Utc::now().date_naive(),
        })
    }

    /// The valid services of `chunk` as a dataset; what was refused, and what the freshness
    /// rule does, is counted in `summary`.
    fn prepare(&mut self, chunk: &[Value], summary: &mut Summary) -> db::Dataset {
        let mut mapped = Vec::new();
        for v in chunk {
            let problems = validate(v);
            if !problems.is_empty() {
                summary.problems.extend(problems);
                continue;
            }
            match map_service(v, &self.walk, &mut summary.crosswalk) {
                Ok(m) => mapped.push(m),
                Err(p) => summary.problems.push(p),
            }
        }
        let mut data = dataset(mapped);
        for service in &mut data.services {
            if let Some(day) = self.options.checked_on {
                service.last_verified_on = Some(day);
            }
            match db::freshness(service.last_verified_on, self.today) {
                db::Freshness::Hidden => summary.hidden += 1,
                db::Freshness::Overdue => summary.overdue += 1,
                db::Freshness::Fresh => {}
            }
        }
        summary.services += data.services.len();
        summary.needs += data.needs.len();
        data
    }
}

/// What identifies one import for resuming: the file (its size and its first and last
/// megabyte; for a datapackage every CSV file's name, size and first megabyte) and the options
/// that change what is saved. Another file, or the same file changed, starts at the top.
fn source_key(path: &Path, options: &ImportOptions) -> anyhow::Result<String> {
    use sha2::{Digest, Sha256};
    const SAMPLE: u64 = 1024 * 1024;
    fn sample(hash: &mut Sha256, file: &Path) -> anyhow::Result<()> {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = std::fs::File::open(file)
            .with_context(|| format!("kan {} niet lezen", file.display()))?;
        let size = f.metadata()?.len();
        hash.update(size.to_le_bytes());
        let mut buf = Vec::new();
        (&mut f).take(SAMPLE).read_to_end(&mut buf)?;
        if size > SAMPLE {
            f.seek(SeekFrom::Start(size.saturating_sub(SAMPLE).max(SAMPLE)))?;
            f.take(SAMPLE).read_to_end(&mut buf)?;
        }
        hash.update(&buf);
        Ok(())
    }
    let mut hash = Sha256::new();
    hash.update(b"hsds-import 1\n");
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .with_context(|| format!("kan {} niet lezen", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect();
        files.sort();
        for file in files {
            hash.update(file.file_name().unwrap_or_default().as_encoded_bytes());
            sample(&mut hash, &file)?;
        }
    } else {
        sample(&mut hash, path)?;
    }
    hash.update(format!("{:?}", options.checked_on).as_bytes());
    if let Some(map) = &options.taxonomy_map {
        let text =
            std::fs::read(map).with_context(|| format!("kan {} niet lezen", map.display()))?;
        hash.update(&text);
    }
    let digest = hash.finalize();
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// Progress of an import: a bar with rate and time left on a terminal, a plain line every
/// [`Progress::EVERY`] otherwise (logs of a job), nothing for a small file.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: u64,
    unit: super::stream::Unit,
    started: std::time::Instant,
    last_line: std::time::Instant,
}

impl Progress {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(10);

    fn new(total: u64, unit: super::stream::Unit) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let template = match unit {
                super::stream::Unit::Bytes => {
                    "{bar:30} {percent:>3}% {msg} · {binary_bytes_per_sec} · nog {eta}"
                }
                super::stream::Unit::Records => "{bar:30} {pos}/{len} services · nog {eta}",
            };
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        let now = std::time::Instant::now();
        Progress {
            bar,
            total,
            unit,
            started: now,
            last_line: now,
        }
    }

    fn show(&mut self, position: u64, records: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(position);
            if self.unit == super::stream::Unit::Bytes {
                bar.set_message(format!("{records} services"));
            }
            return;
        }
        if self.last_line.elapsed() < Self::EVERY {
            return;
        }
        self.last_line = std::time::Instant::now();
        let seconds = self.started.elapsed().as_secs_f64();
        let done = position as f64 / self.total.max(1) as f64;
        let left = seconds / done.max(1e-9) * (1.0 - done);
        eprintln!(
            "import: {records} services gelezen ({:.0} per seconde), {:.0} %, nog ongeveer {:.0} s",
            records as f64 / seconds.max(1e-9),
            done * 100.0,
            left
        );
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// What the freshness rule does to the imported offers, in plain Dutch for the person who ran
/// the import.
pub fn freshness_note(summary: &Summary) -> String {
    if summary.hidden == 0 && summary.overdue == 0 {
        return "Alle geïmporteerde aanbod is recent gecontroleerd en staat in de zoekresultaten."
            .into();
    }
    format!(
        "Let op: {} aanbod is langer dan {} maanden niet gecontroleerd en staat daarom niet in de \
         zoekresultaten; {} aanbod krijgt de melding dat controle nodig is (ouder dan {} maanden). \
         Heeft de gemeente deze gegevens nagekeken? Importeer dan opnieuw met --checked-on today.",
        summary.hidden,
        db::HIDE_MONTHS,
        summary.overdue,
        db::MARK_MONTHS
    )
}

/// Writes everything public as HSDS in both forms: `services.json` (compiled services, needs
/// included), `organizations.json`, `programs.json` (the coalitions), `taxonomy_terms.json`,
/// and `datapackage/` (CSV tables).
pub async fn export_dir(db: &Db, dir: &Path) -> anyhow::Result<usize> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut data = db::load_dataset(db, None).await?;
    // Open data holds what is public: organisations awaiting approval stay out.
    let published = db::published_organisations(db).await?;
    data.services
        .retain(|s| published.contains(&s.organization_id));
    data.organisations.retain(|o| published.contains(&o.id));
    data.locations
        .retain(|l| published.contains(&l.organization_id));
    data.needs
        .retain(|n| published.contains(&n.organization_id));
    let terms = db::load_terms(db).await?;
    let ids: Vec<_> = data.services.iter().map(|s| s.id).collect();
    let modified = db::service_modified(db, &ids).await?;
    // Coalitions as programs; offers carry theirs whole.
    let programs: Vec<Value> = db::list_coalitions(db, None)
        .await?
        .iter()
        .map(|c| super::programs::program(c, &published))
        .collect();
    let by_id = programs
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?.parse().ok()?, p.clone())))
        .collect();
    let program_of = super::programs::program_of(&db::coalition_services(db).await?);
    let catalogue = Catalogue::new(&data, &terms, &modified).with_programs(program_of, by_id);
    let services = catalogue.all_services();
    let organisations: Vec<Value> = data
        .organisations
        .iter()
        .map(|o| {
            let mut v = Catalogue::organisation(o);
            let own: Vec<Value> = programs
                .iter()
                .filter(|p| p["organization_id"] == json!(o.id))
                .cloned()
                .collect();
            if !own.is_empty() {
                v["programs"] = Value::Array(own);
            }
            v
        })
        .collect();
    let mut term_list: Vec<Value> = terms.iter().map(Catalogue::term_json).collect();
    term_list.extend(super::programs::terms());
    write_json(&dir.join("services.json"), &Value::Array(services.clone()))?;
    write_json(
        &dir.join("organizations.json"),
        &Value::Array(organisations),
    )?;
    write_json(&dir.join("programs.json"), &Value::Array(programs.clone()))?;
    write_json(
        &dir.join("taxonomy_terms.json"),
        &Value::Array(term_list.clone()),
    )?;
    super::tabular::write_datapackage(&dir.join("datapackage"), &services, &programs, &term_list)?;
    Ok(services.len())
}

fn write_json(path: &Path, value: &Value) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
