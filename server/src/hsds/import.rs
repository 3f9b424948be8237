//! HSDS 3.0 services (compiled shape) into our records: validated first, invalid records
//! reported and skipped, the rest saved in batches of one transaction each.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::crosswalk::{Crosswalk, CrosswalkReport, How};
use app::db::{
    ClosureRecord, CostRecord, Dataset, LocationRecord, NeedRecord, OrganisationRecord,
    ScheduleRecord, ServiceRecord,
};
use app::domain::Compensation;
use chrono::NaiveDate;
use index::matching::Access;
use serde_json::{Map, Value};
use uuid::Uuid;

const SERVICE_SCHEMA: &str = include_str!("../../../data/hsds-3.0/service.schema.json");
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/// Service fields we map to our own columns; every other field is kept as it came.
const MAPPED: [&str; 21] = [
    "id",
    "organization_id",
    "name",
    "description",
    "status",
    "url",
    "email",
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "last_modified",
    "organization",
    "service_at_locations",
    "schedules",
    "languages",
    "cost_options",
    "contacts",
    "phones",
    "attributes",
];
const MAPPED_ORG: [&str; 5] = ["id", "name", "description", "email", "website"];
const MAPPED_LOCATION: [&str; 9] = [
    "id",
    "location_type",
    "organization_id",
    "name",
    "transportation",
    "latitude",
    "longitude",
    "addresses",
    "accessibility",
];

/// Why one record was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The record's id as given (may be missing or not a uuid).
    pub record: String,
    /// Where in the record ("/schedules/0/opens_at").
    pub field: String,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.record,
            if self.field.is_empty() {
                "/"
            } else {
                &self.field
            },
            self.reason
        )
    }
}

/// One mapped record: an offer or a need, with its organisation and locations.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub organisation: OrganisationRecord,
    pub locations: Vec<LocationRecord>,
    pub service: Option<ServiceRecord>,
    pub need: Option<NeedRecord>,
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        // Shipped with the binary and covered by tests.
        let schema: Value =
            serde_json::from_str(SERVICE_SCHEMA).expect("shipped hsds schema parses");
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .expect("shipped hsds schema compiles")
    })
}

fn record_id(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or("(zonder id)")
        .to_string()
}

/// Checks one service against the HSDS service schema.
pub fn validate(v: &Value) -> Vec<Problem> {
    let record = record_id(v);
    validator()
        .iter_errors(v)
        .take(20)
        .map(|e| Problem {
            record: record.clone(),
            field: e.instance_path.to_string(),
            reason: e.to_string(),
        })
        .collect()
}

fn problem(v: &Value, field: &str, reason: &str) -> Problem {
    Problem {
        record: record_id(v),
        field: field.into(),
        reason: reason.into(),
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn opt_text(v: &Value, key: &str) -> Option<String> {
    Some(text(v, key)).filter(|s| !s.is_empty())
}

fn uuid_at(v: &Value, key: &str, whole: &Value, field: &str) -> Result<Uuid, Problem> {
    let raw = text(v, key);
    raw.parse()
        .map_err(|_| problem(whole, field, &format!("{raw:?} is geen geldige uuid")))
}

fn keep(v: &Value, mapped: &[&str]) -> String {
    let m: Map<String, Value> = v
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !mapped.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    Value::Object(m).to_string()
}

fn age(v: &Value, key: &str, whole: &Value) -> Result<Option<i32>, Problem> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(n) => match n.as_i64() {
            Some(a) if (0..=120).contains(&a) => Ok(Some(a as i32)),
            _ => Err(problem(
                whole,
                &format!("/{key}"),
                "leeftijd moet een getal van 0 tot 120 zijn",
            )),
        },
    }
}

/// "10:00:00" or "10:00" → "10:00".
fn clock(raw: &str) -> Option<String> {
    let mut parts = raw.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let rest_ok = parts.next().is_none_or(|s| {
        s.split(['.', 'Z', '+'])
            .next()
            .is_some_and(|s| s.parse::<u32>().is_ok_and(|s| s < 60))
    });
    (h < 24 && m < 60 && rest_ok).then(|| format!("{h:02}:{m:02}"))
}

/// Which of our terms an HSDS taxonomy term is: by taxonomy and code, else by name.
fn is_vacancy(v: &Value, terms: &[(String, String)]) -> bool {
    let name = text(v, "name").to_lowercase();
    terms
        .iter()
        .any(|(t, c)| t == "kenmerk" && c == "vrijwilligerswerk")
        || ["vrijwilliger", "vacature", "volunteer"]
            .iter()
            .any(|w| name.contains(w))
}

fn organisation(v: &Value) -> Result<OrganisationRecord, Problem> {
    let org = v.get("organization").filter(|o| o.is_object());
    let Some(org) = org else {
        return Err(problem(v, "/organization", "de organisatie ontbreekt"));
    };
    Ok(OrganisationRecord {
        id: uuid_at(org, "id", v, "/organization/id")?,
        name: text(org, "name"),
        description: text(org, "description"),
        email: opt_text(org, "email"),
        // Only http(s) links: a `javascript:` website would run on the offer page.
        website: opt_text(org, "website")
            .as_deref()
            .and_then(app::safe::safe_url),
        phone: None,
        last_verified_on: None,
        source: "hsds".into(),
        extra: keep(org, &MAPPED_ORG),
        partner_kind: String::new(),
    })
}

fn locations(v: &Value, organisation: Uuid) -> Result<Vec<LocationRecord>, Problem> {
    let mut out = Vec::new();
    let sals = v
        .get("service_at_locations")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (n, sal) in sals.iter().enumerate() {
        let Some(loc) = sal.get("location").filter(|l| l.is_object()) else {
            continue;
        };
        let at = format!("/service_at_locations/{n}/location");
        let address = loc
            .get("addresses")
            .and_then(|a| a.get(0))
            .cloned()
            .unwrap_or(Value::Null);
        let mut extra: Map<String, Value> =
            serde_json::from_str(&keep(loc, &MAPPED_LOCATION)).unwrap_or_default();
        let raw_postcode = text(&address, "postal_code");
        // Only Dutch postcodes are ours to geocode; others are kept as they came.
        let postal_code = if index::Postcode::parse(&raw_postcode).is_ok() {
            raw_postcode
        } else {
            if !raw_postcode.is_empty() {
                extra.insert(
                    "addresses".into(),
                    loc.get("addresses").cloned().unwrap_or(Value::Null),
                );
            }
            String::new()
        };
        let (mut lat, mut lon) = (
            loc.get("latitude").and_then(Value::as_f64),
            loc.get("longitude").and_then(Value::as_f64),
        );
        // Coordinates out of range are kept as they came but not used: the place then comes
        // from the postcode, or stays off the map.
        if lat
            .zip(lon)
            .is_some_and(|(la, lo)| index::LatLon::parse(la, lo).is_err())
        {
            for key in ["latitude", "longitude"] {
                if let Some(raw) = loc.get(key) {
                    extra.insert(key.into(), raw.clone());
                }
            }
            (lat, lon) = (None, None);
        }
        // Our own export writes each fact as a record whose `details` is its code; anything
        // else is the register's words, kept as they are and read for what they state.
        let (mut codes, mut words) = (Vec::new(), Vec::new());
        for x in loc
            .get("accessibility")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let details = text(x, "details");
            if Access::parse(&details) != Access::default() {
                codes.push(details);
            } else {
                let description = text(x, "description");
                if !description.is_empty() {
                    words.push(description);
                }
            }
        }
        let accessibility = words.join(" ");
        let access = match Access::parse(&codes.join(" ")) {
            a if a != Access::default() => a,
            _ => Access::from_words(&accessibility),
        };
        out.push(LocationRecord {
            id: uuid_at(loc, "id", v, &format!("{at}/id"))?,
            organization_id: organisation,
            name: text(loc, "name"),
            address_1: text(&address, "address_1"),
            postal_code,
            city: text(&address, "city"),
            latitude: lat,
            longitude: lon,
            accessibility,
            access: access.codes(),
            transportation: text(loc, "transportation"),
            extra: Value::Object(extra).to_string(),
        });
    }
    Ok(out)
}

/// Weekly slots, and closed periods (a schedule with `valid_from`, `valid_to` and notes
/// "gesloten", as our export writes them); other schedules are kept as they came.
type Schedules = (Vec<ScheduleRecord>, Vec<ClosureRecord>);

fn schedules(v: &Value, extra: &mut Map<String, Value>) -> Result<Schedules, Problem> {
    let mut out = Vec::new();
    let mut closures = Vec::new();
    let mut kept = Vec::new();
    let list = v
        .get("schedules")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (n, s) in list.iter().enumerate() {
        let freq = text(s, "freq").to_uppercase();
        let byday = text(s, "byday");
        let (opens, closes) = (text(s, "opens_at"), text(s, "closes_at"));
        let day = |field: &str| NaiveDate::parse_from_str(&text(s, field), "%Y-%m-%d").ok();
        if let ("gesloten", Some(starts_on), Some(ends_on)) = (
            text(s, "notes").as_str(),
            day("valid_from"),
            day("valid_to"),
        ) {
            if byday.is_empty() && starts_on <= ends_on {
                closures.push(ClosureRecord {
                    starts_on,
                    ends_on,
                    description: text(s, "description"),
                });
                continue;
            }
        }
        if byday.is_empty() || opens.is_empty() {
            kept.push(s.clone());
            continue;
        }
        let unknown_day = byday.split(',').any(|d| {
            let d = d.trim().to_uppercase();
            !DAYS.iter().any(|name| d.ends_with(name))
        });
        if unknown_day {
            return Err(problem(
                v,
                &format!("/schedules/{n}/byday"),
                "onbekende dag",
            ));
        }
        let dtstart = day("dtstart");
        let interval = s.get("interval").and_then(Value::as_u64);
        // Weekly, every few weeks, or the n-th weekday of the month (by the rrule crate);
        // other patterns (a day of the month, yearly) are kept as they came.
        let Some(slots) = app::schedule::slots_from_hsds(&freq, interval, &byday, dtstart) else {
            kept.push(s.clone());
            continue;
        };
        let opens_at = clock(&opens).ok_or_else(|| {
            problem(
                v,
                &format!("/schedules/{n}/opens_at"),
                "geen geldige tijd (UU:MM)",
            )
        })?;
        let closes_at = clock(&closes).ok_or_else(|| {
            problem(
                v,
                &format!("/schedules/{n}/closes_at"),
                "geen geldige tijd (UU:MM)",
            )
        })?;
        for slot in slots {
            out.push(ScheduleRecord {
                weekday: slot.weekday,
                opens_at: opens_at.clone(),
                closes_at: closes_at.clone(),
                description: text(s, "description"),
                dtstart: dtstart.filter(|_| !slot.rule.is_empty()),
                rule: slot.rule,
            });
        }
    }
    if !kept.is_empty() {
        extra.insert("schedules".into(), Value::Array(kept));
    }
    Ok((out, closures))
}

/// Maps one HSDS service; the caller has validated it against the schema.
/// Maps one HSDS service; its taxonomy terms go through `walk`, and what was decided is noted
/// in `report`. Terms that were only translated (not already ours) are also kept as they came,
/// so an export gives the source's terms back.
pub fn map_service(
    v: &Value,
    walk: &Crosswalk,
    report: &mut CrosswalkReport,
) -> Result<Mapped, Problem> {
    let id = uuid_at(v, "id", v, "/id")?;
    let organisation = organisation(v)?;
    let locations = locations(v, organisation.id)?;
    let mut extra: Map<String, Value> = serde_json::from_str(&keep(v, &MAPPED)).unwrap_or_default();
    let mut terms: Vec<(String, String)> = Vec::new();
    let mut flags: Vec<(String, Option<String>)> = Vec::new();
    let mut other_attributes = Vec::new();
    for a in v
        .get("attributes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let Some(term) = a.get("taxonomy_term") else {
            other_attributes.push(a);
            continue;
        };
        let mapped = walk.map(term);
        report.note(term, mapped.as_ref());
        match mapped {
            Some(((t, c), how)) => {
                if t == "kenmerk" {
                    flags.push((
                        c,
                        a.get("value").and_then(Value::as_str).map(str::to_string),
                    ));
                } else if !terms.contains(&(t.clone(), c.clone())) {
                    terms.push((t, c));
                }
                if how != How::Same {
                    other_attributes.push(a);
                }
            }
            None => other_attributes.push(a),
        }
    }
    if !other_attributes.is_empty() {
        extra.insert("attributes".into(), Value::Array(other_attributes));
    }
    let flag = |code: &str| flags.iter().find(|(c, _)| c == code);
    let number = |code: &str| flag(code).and_then(|(_, v)| v.as_deref()?.parse::<i32>().ok());
    let status = text(v, "status");
    let (minimum_age, maximum_age) = (age(v, "minimum_age", v)?, age(v, "maximum_age", v)?);
    if let (Some(a), Some(b)) = (minimum_age, maximum_age) {
        if a > b {
            return Err(problem(
                v,
                "/minimum_age",
                "minimum_age is groter dan maximum_age",
            ));
        }
    }
    let all_terms: Vec<(String, String)> = terms
        .iter()
        .cloned()
        .chain(
            flags
                .iter()
                .map(|(c, _)| ("kenmerk".to_string(), c.clone())),
        )
        .collect();
    if is_vacancy(v, &all_terms) {
        let need = NeedRecord {
            id,
            organization_id: organisation.id,
            service_id: None,
            location_id: locations.first().map(|l| l.id),
            kind: "vrijwilliger".into(),
            title: text(v, "name"),
            description: text(v, "description"),
            minimum_age,
            maximum_age,
            time_commitment: text(v, "application_process"),
            people_wanted: number("rol-plekken").filter(|n| *n > 0),
            talents: terms
                .iter()
                .filter(|(t, _)| t == "talent")
                .map(|(_, c)| c.clone())
                .collect(),
            ..role_details(&flags)
        };
        return Ok(Mapped {
            organisation,
            locations,
            service: None,
            need: Some(need),
        });
    }
    let (schedules, closures) = schedules(v, &mut extra)?;
    let costs: Vec<CostRecord> = v
        .get("cost_options")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|c| CostRecord {
                    option: text(c, "option"),
                    amount: c.get("amount").and_then(Value::as_f64),
                    amount_description: text(c, "amount_description"),
                })
                .collect()
        })
        .unwrap_or_default();
    let fees = text(v, "fees_description");
    let is_free = flag("gratis").is_some()
        || (costs.iter().all(|c| c.amount.unwrap_or(0.0) <= 0.0)
            && (fees.is_empty()
                || ["gratis", "free", "kosteloos"]
                    .iter()
                    .any(|w| fees.to_lowercase().contains(w))));
    let kind = terms
        .iter()
        .find(|(t, _)| t == "soort")
        .map(|(_, c)| c.clone())
        .unwrap_or_else(|| "voorziening".into());
    let contact = v
        .get("contacts")
        .and_then(|c| c.get(0))
        .cloned()
        .unwrap_or(Value::Null);
    let phone = v
        .get("phones")
        .and_then(|p| p.get(0))
        .or_else(|| contact.get("phones").and_then(|p| p.get(0)))
        .map(|p| text(p, "number"))
        .filter(|s| !s.is_empty());
    let languages: Vec<String> = v
        .get("languages")
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|x| opt_text(x, "code").or_else(|| opt_text(x, "name")))
                .collect()
        })
        .unwrap_or_default();
    let mut seen = HashSet::new();
    let languages = languages
        .into_iter()
        .filter(|l| seen.insert(l.clone()))
        .collect();
    let service = ServiceRecord {
        id,
        organization_id: organisation.id,
        name: text(v, "name"),
        description: text(v, "description"),
        kind,
        status: if ["active", "inactive", "defunct", "temporarily closed"]
            .contains(&status.as_str())
        {
            status
        } else {
            "active".into()
        },
        minimum_age,
        maximum_age,
        is_free,
        fees_description: fees,
        no_referral_needed: flag("geen-indicatie").is_some(),
        keeps_benefit: flag("behoud-uitkering").is_some(),
        eligibility_description: text(v, "eligibility_description"),
        contact_name: opt_text(&contact, "name"),
        email: opt_text(v, "email"),
        phone,
        url: opt_text(v, "url").as_deref().and_then(app::safe::safe_url),
        capacity: number("capaciteit"),
        waiting_list: number("wachtlijst").unwrap_or(0),
        last_verified_on: opt_text(v, "assured_date")
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        source: "hsds".into(),
        location_ids: locations.iter().map(|l| l.id).collect(),
        terms: terms
            .into_iter()
            .filter(|(t, _)| t != "soort")
            // Walk-in offers: our own flag, or a register that says so in plain words.
            .chain(
                (flag(app::db::WALK_IN).is_some() || says_walk_in(&text(v, "application_process")))
                    .then(|| ("kenmerk".to_string(), app::db::WALK_IN.to_string())),
            )
            .collect(),
        languages,
        schedules,
        closures,
        costs,
        extra: Value::Object(extra).to_string(),
    };
    Ok(Mapped {
        organisation,
        locations,
        service: Some(service),
        need: None,
    })
}

/// Collects mapped records into a dataset (organisations and locations once each).
pub fn dataset(mapped: Vec<Mapped>) -> Dataset {
    let mut data = Dataset::default();
    let mut orgs = HashSet::new();
    let mut locs = HashSet::new();
    for m in mapped {
        if orgs.insert(m.organisation.id) {
            data.organisations.push(m.organisation);
        }
        for l in m.locations {
            if locs.insert(l.id) {
                data.locations.push(l);
            }
        }
        data.services.extend(m.service);
        data.needs.extend(m.need);
    }
    data
}

/// Whether an `application_process` says people just walk in ("vrije inloop", "aanmelden is
/// niet nodig", "je kunt zo binnenlopen", "drop in"). A register that says nothing keeps the
/// sign-up its organisation may offer.
fn says_walk_in(text: &str) -> bool {
    let text = text.to_lowercase();
    [
        "binnenlopen",
        "binnen lopen",
        "inloop",
        "aanmelden is niet nodig",
        "aanmelden niet nodig",
        "zonder aanmelding",
        "zonder aanmelden",
        "geen aanmelding nodig",
        "walk in",
        "walk-in",
        "drop in",
        "drop-in",
        "no need to register",
        "no registration",
    ]
    .iter()
    .any(|words| text.contains(words))
}

/// What a role asks and gives, from the valued `kenmerk:rol-*` attributes our export writes.
/// Texts are capped like the editor caps them; what cannot be read is left out.
fn role_details(flags: &[(String, Option<String>)]) -> NeedRecord {
    let value = |code: &str| {
        flags
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, v)| v.as_deref().unwrap_or("").trim().to_string())
    };
    let text = |code: &str| {
        value(code)
            .map(|v| v.chars().take(1000).collect::<String>())
            .unwrap_or_default()
    };
    let (compensation, allowance_euros) = match value("rol-vergoeding").as_deref() {
        None | Some("") => (Compensation::Geen, None),
        Some("onkosten") => (Compensation::Onkosten, None),
        Some(other) => (
            Compensation::Vergoeding,
            other
                .parse::<i32>()
                .ok()
                .filter(|e| (0..=10_000).contains(e)),
        ),
    };
    let (contact_name, contact_role) = match text("rol-contact").split_once(',') {
        Some((name, role)) => (name.trim().to_string(), role.trim().to_string()),
        None => (text("rol-contact"), String::new()),
    };
    NeedRecord {
        tasks: text("rol-taken"),
        not_tasks: text("rol-niet-taken"),
        training: text("rol-training"),
        support: text("rol-begeleiding"),
        compensation,
        allowance_euros,
        benefit_cleared: value("rol-uitkering-besproken").is_some(),
        days: app::db::days_from_text(&text("rol-dagen")),
        hours_per_week: value("rol-uren")
            .and_then(|h| h.parse::<i32>().ok())
            .filter(|h| (0..=80).contains(h)),
        contact_name: contact_name.chars().take(100).collect(),
        contact_role: contact_role.chars().take(100).collect(),
        ..NeedRecord::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_for_walking_in_mark_an_offer_as_walk_in() {
        for yes in [
            "Vrije inloop, elke dinsdag",
            "Aanmelden is niet nodig.",
            "Je kunt zo binnenlopen",
            "Drop-in",
        ] {
            assert!(says_walk_in(yes), "{yes}");
        }
        for no in ["Aanmelden via de website", "Bel voor een afspraak", ""] {
            assert!(!says_walk_in(no), "{no}");
        }
    }

    #[test]
    fn times_are_read_with_or_without_seconds() {
        assert_eq!(clock("10:00:00").as_deref(), Some("10:00"));
        assert_eq!(clock("9:30").as_deref(), Some("09:30"));
        assert_eq!(clock("25:00"), None);
        assert_eq!(clock("tien uur"), None);
    }

    #[test]
    fn the_shipped_schema_accepts_the_hsds_example_service() {
        let example: Value =
            serde_json::from_str(include_str!("../../../data/hsds-3.0/service.schema.json"))
                .unwrap();
        assert!(example.get("properties").is_some());
        let service = serde_json::json!({ "id": "ac148810-d857-441c-9679-408f346de14b", "name": "x", "status": "active" });
        assert!(validate(&service).is_empty(), "{:?}", validate(&service));
        let bad = serde_json::json!({ "id": "nope", "name": "x", "status": "active" });
        assert!(!validate(&bad).is_empty());
    }
}
