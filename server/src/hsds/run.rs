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
/// Largest file we read.
const MAX_BYTES: u64 = 512 * 1024 * 1024;

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
}

/// How an import treats the data.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The administrator's mapping of source terms to ours (`source_term,our_code` per line).
    pub taxonomy_map: Option<std::path::PathBuf>,
    /// Record the import as a check of every imported offer on this day (the gemeente vouches
    /// for the data); without it the source's own check dates count.
    pub checked_on: Option<chrono::NaiveDate>,
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

/// Reads HSDS services: a JSON file (an array of services, or an API page with `contents`) or
/// a directory holding a tabular datapackage (CSV files).
pub fn read_services(path: &Path) -> anyhow::Result<Vec<Value>> {
    if path.is_dir() {
        return super::tabular::read_datapackage(path);
    }
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    anyhow::ensure!(
        size <= MAX_BYTES,
        "{} is groter dan 512 MB; splits het bestand",
        path.display()
    );
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} is geen geldige JSON (regel {}, kolom {}): {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    match doc {
        Value::Array(items) => Ok(items),
        Value::Object(mut page) if page.get("contents").is_some_and(Value::is_array) => {
            match page.remove("contents") {
                Some(Value::Array(items)) => Ok(items),
                _ => Ok(Vec::new()),
            }
        }
        Value::Object(_) => Ok(vec![doc]),
        _ => anyhow::bail!("{} bevat geen lijst van HSDS-services", path.display()),
    }
}

/// Reads taxonomy_term objects (taxonomy objects are recognised and skipped).
pub fn read_terms(path: &Path) -> anyhow::Result<Vec<TermRecord>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
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
    let today = chrono::Utc::now().date_naive();
    let walk = match &options.taxonomy_map {
        Some(path) => super::crosswalk::Crosswalk::with_file(path)?,
        None => super::crosswalk::Crosswalk::shipped(),
    };
    let mut summary = Summary {
        read: services.len(),
        ..Summary::default()
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(services.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} services {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    for chunk in services.chunks(BATCH) {
        let mut mapped = Vec::new();
        for v in chunk {
            let problems = validate(v);
            if !problems.is_empty() {
                summary.problems.extend(problems);
                continue;
            }
            match map_service(v, &walk, &mut summary.crosswalk) {
                Ok(m) => mapped.push(m),
                Err(p) => summary.problems.push(p),
            }
        }
        let mut data = dataset(mapped);
        for service in &mut data.services {
            if let Some(day) = options.checked_on {
                service.last_verified_on = Some(day);
            }
            match db::freshness(service.last_verified_on, today) {
                db::Freshness::Hidden => summary.hidden += 1,
                db::Freshness::Overdue => summary.overdue += 1,
                db::Freshness::Fresh => {}
            }
        }
        db::save_dataset(db, &data)
            .await
            .context("saving a batch")?;
        summary.services += data.services.len();
        summary.needs += data.needs.len();
        if let Some(bar) = &bar {
            bar.inc(chunk.len() as u64);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(summary)
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
