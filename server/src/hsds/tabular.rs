//! The tabular form of HSDS: a directory of CSV files (a datapackage), read into compiled
//! services and written from them.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use serde_json::{json, Map, Value};

/// Columns that hold numbers (everything else is text).
const INTEGERS: [&str; 6] = [
    "minimum_age",
    "maximum_age",
    "year_incorporated",
    "timezone",
    "count",
    "interval",
];
const NUMBERS: [&str; 4] = ["latitude", "longitude", "amount", "extension"];

/// The tables we read and write, with their columns (HSDS 3.0).
pub const TABLES: [(&str, &[&str]); 13] = [
    (
        "organizations",
        &[
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
        ],
    ),
    (
        "programs",
        &[
            "id",
            "organization_id",
            "name",
            "alternate_name",
            "description",
        ],
    ),
    (
        "services",
        &[
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
        ],
    ),
    (
        "locations",
        &[
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ],
    ),
    (
        "service_at_location",
        &["id", "service_id", "location_id", "description"],
    ),
    (
        "addresses",
        &[
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
    ),
    (
        "accessibility",
        &["id", "location_id", "description", "details", "url"],
    ),
    (
        "schedules",
        &[
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes",
        ],
    ),
    (
        "languages",
        &[
            "id",
            "service_id",
            "location_id",
            "phone_id",
            "name",
            "code",
            "note",
        ],
    ),
    (
        "cost_options",
        &[
            "id",
            "service_id",
            "valid_from",
            "valid_to",
            "option",
            "currency",
            "amount",
            "amount_description",
        ],
    ),
    (
        "contacts",
        &[
            "id",
            "organization_id",
            "service_id",
            "service_at_location_id",
            "location_id",
            "name",
            "title",
            "department",
            "email",
        ],
    ),
    (
        "phones",
        &[
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ],
    ),
    (
        "attributes",
        &[
            "id",
            "link_id",
            "taxonomy_term_id",
            "link_type",
            "link_entity",
            "value",
        ],
    ),
];
const TERMS: (&str, &[&str]) = (
    "taxonomy_terms",
    &[
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "language",
        "taxonomy_id",
        "term_uri",
    ],
);
/// Columns each table must have.
const REQUIRED: [(&str, &[&str]); 3] = [
    ("services", &["id", "name", "status"]),
    ("organizations", &["id", "name"]),
    ("locations", &["id"]),
];

/// Columns HSDS requires even when empty (an empty CSV cell is otherwise left out).
const REQUIRED_EVEN_EMPTY: [(&str, &[&str]); 1] = [(
    "addresses",
    &[
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
)];

fn typed(table: &str, column: &str, raw: &str) -> Option<Value> {
    let raw = raw.trim();
    if raw.is_empty() {
        let required = REQUIRED_EVEN_EMPTY
            .iter()
            .any(|(t, cols)| *t == table && cols.contains(&column));
        return required.then(|| json!(""));
    }
    if INTEGERS.contains(&column) {
        if let Ok(n) = raw.parse::<i64>() {
            return Some(json!(n));
        }
    }
    if NUMBERS.contains(&column) {
        if let Ok(n) = raw.parse::<f64>() {
            return Some(json!(n));
        }
    }
    Some(json!(raw))
}

/// Reads one CSV into objects; a missing file is an empty table.
fn read_table(dir: &Path, name: &str) -> anyhow::Result<Vec<Map<String, Value>>> {
    let path = dir.join(format!("{name}.csv"));
    if !path.exists() {
        return Ok(Vec::new());
    }
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("{name}.csv heeft geen kopregel"))?
        .clone();
    if let Some((_, required)) = REQUIRED.iter().find(|(t, _)| *t == name) {
        for column in *required {
            anyhow::ensure!(
                headers.iter().any(|h| h == *column),
                "{name}.csv mist de kolom {column}"
            );
        }
    }
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record =
            record.with_context(|| format!("{name}.csv regel {} is geen geldige CSV", n + 2))?;
        let mut row = Map::new();
        for (column, value) in headers.iter().zip(record.iter()) {
            if let Some(v) = typed(name, column, value) {
                row.insert(column.to_string(), v);
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

fn by<'a>(
    rows: &'a [Map<String, Value>],
    key: &str,
) -> HashMap<String, Vec<&'a Map<String, Value>>> {
    let mut map: HashMap<String, Vec<&Map<String, Value>>> = HashMap::new();
    for r in rows {
        if let Some(k) = r.get(key).and_then(Value::as_str) {
            map.entry(k.to_string()).or_default().push(r);
        }
    }
    map
}

fn children(index: &HashMap<String, Vec<&Map<String, Value>>>, id: &str) -> Value {
    Value::Array(
        index
            .get(id)
            .map(|rows| rows.iter().map(|r| Value::Object((*r).clone())).collect())
            .unwrap_or_default(),
    )
}

/// Reads a tabular HSDS datapackage and assembles compiled services.
pub fn read_datapackage(dir: &Path) -> anyhow::Result<Vec<Value>> {
    let mut tables: HashMap<&str, Vec<Map<String, Value>>> = HashMap::new();
    for (name, _) in TABLES.iter().chain(std::iter::once(&TERMS)) {
        tables.insert(name, read_table(dir, name)?);
    }
    anyhow::ensure!(
        !tables["services"].is_empty(),
        "{} bevat geen services.csv met services",
        dir.display()
    );
    let orgs: HashMap<String, &Map<String, Value>> = tables["organizations"]
        .iter()
        .filter_map(|o| Some((o.get("id")?.as_str()?.to_string(), o)))
        .collect();
    let locations: HashMap<String, &Map<String, Value>> = tables["locations"]
        .iter()
        .filter_map(|l| Some((l.get("id")?.as_str()?.to_string(), l)))
        .collect();
    let terms: HashMap<String, &Map<String, Value>> = tables["taxonomy_terms"]
        .iter()
        .filter_map(|t| Some((t.get("id")?.as_str()?.to_string(), t)))
        .collect();
    let sal = by(&tables["service_at_location"], "service_id");
    let addresses = by(&tables["addresses"], "location_id");
    let accessibility = by(&tables["accessibility"], "location_id");
    let (schedules, languages, costs) = (
        by(&tables["schedules"], "service_id"),
        by(&tables["languages"], "service_id"),
        by(&tables["cost_options"], "service_id"),
    );
    let (contacts, phones, attributes) = (
        by(&tables["contacts"], "service_id"),
        by(&tables["phones"], "service_id"),
        by(&tables["attributes"], "link_id"),
    );
    let mut out = Vec::new();
    for service in &tables["services"] {
        let mut s = service.clone();
        let id = s
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if let Some(org) = s
            .get("organization_id")
            .and_then(Value::as_str)
            .and_then(|o| orgs.get(o))
        {
            s.insert("organization".into(), Value::Object((*org).clone()));
        }
        let links: Vec<Value> = sal
            .get(&id)
            .map(|rows| {
                rows.iter()
                    .map(|link| {
                        let mut link = (*link).clone();
                        let lid = link
                            .get("location_id")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string();
                        if let Some(loc) = locations.get(&lid) {
                            let mut loc = (*loc).clone();
                            loc.insert("addresses".into(), children(&addresses, &lid));
                            loc.insert("accessibility".into(), children(&accessibility, &lid));
                            link.insert("location".into(), Value::Object(loc));
                        }
                        Value::Object(link)
                    })
                    .collect()
            })
            .unwrap_or_default();
        s.insert("service_at_locations".into(), Value::Array(links));
        s.insert("schedules".into(), children(&schedules, &id));
        s.insert("languages".into(), children(&languages, &id));
        s.insert("cost_options".into(), children(&costs, &id));
        s.insert("contacts".into(), children(&contacts, &id));
        s.insert("phones".into(), children(&phones, &id));
        let attrs: Vec<Value> = attributes
            .get(&id)
            .map(|rows| {
                rows.iter()
                    .map(|a| {
                        let mut a = (*a).clone();
                        let tid = a
                            .get("taxonomy_term_id")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string();
                        if let Some(t) = terms.get(&tid) {
                            a.insert("taxonomy_term".into(), Value::Object((*t).clone()));
                        }
                        Value::Object(a)
                    })
                    .collect()
            })
            .unwrap_or_default();
        s.insert("attributes".into(), Value::Array(attrs));
        out.push(Value::Object(s));
    }
    Ok(out)
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Writes compiled services (and organizations, programs and terms) as a tabular datapackage.
pub fn write_datapackage(
    dir: &Path,
    services: &[Value],
    programs: &[Value],
    terms: &[Value],
) -> anyhow::Result<()> {
    let mut rows: HashMap<&str, Vec<Map<String, Value>>> = HashMap::new();
    let mut seen: HashMap<&str, std::collections::HashSet<String>> = HashMap::new();
    let mut push = |table: &'static str, row: &Value| {
        let Some(obj) = row.as_object() else { return };
        let id = obj.get("id").map(|v| cell(Some(v))).unwrap_or_default();
        if seen.entry(table).or_default().insert(id) {
            rows.entry(table).or_default().push(obj.clone());
        }
    };
    let list = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for s in services {
        push("services", s);
        if let Some(org) = s.get("organization") {
            push("organizations", org);
        }
        for link in list(s, "service_at_locations") {
            push("service_at_location", &link);
            if let Some(loc) = link.get("location") {
                push("locations", loc);
                list(loc, "addresses")
                    .iter()
                    .for_each(|a| push("addresses", a));
                list(loc, "accessibility")
                    .iter()
                    .for_each(|a| push("accessibility", a));
            }
        }
        for (key, table) in [
            ("schedules", "schedules"),
            ("languages", "languages"),
            ("cost_options", "cost_options"),
            ("contacts", "contacts"),
            ("phones", "phones"),
        ] {
            for child in list(s, key) {
                let mut child = child.clone();
                if child.get("service_id").is_none() {
                    child["service_id"] = s["id"].clone();
                }
                push(table, &child);
            }
        }
        for a in list(s, "attributes") {
            let mut a = a.clone();
            if a.get("link_id").is_none() {
                a["link_id"] = s["id"].clone();
            }
            push("attributes", &a);
        }
    }
    for p in programs {
        push("programs", p);
        list(p, "attributes")
            .iter()
            .for_each(|a| push("attributes", a));
    }
    terms.iter().for_each(|t| push("taxonomy_terms", t));
    std::fs::create_dir_all(dir)?;
    let mut resources = Vec::new();
    for (name, columns) in TABLES.iter().chain(std::iter::once(&TERMS)) {
        let path = dir.join(format!("{name}.csv"));
        let mut w = csv::Writer::from_path(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        w.write_record(*columns)?;
        for row in rows.get(name).map(Vec::as_slice).unwrap_or_default() {
            w.write_record(columns.iter().map(|c| cell(row.get(*c))))?;
        }
        w.flush()?;
        resources.push(json!({
            "name": name,
            "path": format!("{name}.csv"),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "schema": { "fields": columns.iter().map(|c| json!({ "name": c })).collect::<Vec<_>>() },
        }));
    }
    let package = json!({ "name": "sociale-kaart", "profile": "tabular-data-package", "resources": resources });
    std::fs::write(
        dir.join("datapackage.json"),
        serde_json::to_string_pretty(&package)?,
    )?;
    Ok(())
}
