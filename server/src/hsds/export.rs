//! Our records as HSDS 3.0 objects (compiled shape, as the API returns them).

use std::collections::HashMap;

use app::db::{Dataset, LocationRecord, NeedRecord, OrganisationRecord, ServiceRecord, TermRecord};
use app::domain::Compensation;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::child_id;

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Everything needed to write HSDS objects: the records, the taxonomy, and indexes by id.
pub struct Catalogue<'a> {
    data: &'a Dataset,
    terms: HashMap<(&'a str, &'a str), &'a TermRecord>,
    modified: &'a HashMap<Uuid, DateTime<Utc>>,
    organisations: HashMap<Uuid, &'a OrganisationRecord>,
    locations: HashMap<Uuid, &'a LocationRecord>,
    /// The program (coalition) each offer is delivered under.
    program_of: HashMap<Uuid, Uuid>,
    /// Program objects by id, for the offers that carry theirs in full.
    programs: HashMap<Uuid, Value>,
}

fn extra(text: &str) -> Map<String, Value> {
    serde_json::from_str::<Map<String, Value>>(text).unwrap_or_default()
}

/// Puts `value` under `key` unless it is null/empty.
fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = value.is_null() || value.as_str().is_some_and(str::is_empty);
    if !empty {
        map.insert(key.to_string(), value);
    } else {
        map.remove(key);
    }
}

impl<'a> Catalogue<'a> {
    /// Indexes the records once, so that writing n services stays linear.
    pub fn new(
        data: &'a Dataset,
        terms: &'a [TermRecord],
        modified: &'a HashMap<Uuid, DateTime<Utc>>,
    ) -> Catalogue<'a> {
        Catalogue {
            data,
            terms: terms
                .iter()
                .map(|t| ((t.taxonomy.as_str(), t.code.as_str()), t))
                .collect(),
            modified,
            organisations: data.organisations.iter().map(|o| (o.id, o)).collect(),
            locations: data.locations.iter().map(|l| (l.id, l)).collect(),
            program_of: HashMap::new(),
            programs: HashMap::new(),
        }
    }

    /// Offers name the program they are delivered under (`program_id`), and carry it whole
    /// when it is among `programs`.
    pub fn with_programs(
        mut self,
        program_of: HashMap<Uuid, Uuid>,
        programs: HashMap<Uuid, Value>,
    ) -> Catalogue<'a> {
        self.program_of = program_of;
        self.programs = programs;
        self
    }

    fn term(&self, taxonomy: &str, code: &str) -> Option<&TermRecord> {
        self.terms.get(&(taxonomy, code)).copied()
    }

    /// An HSDS taxonomy_term object.
    pub fn term_json(t: &TermRecord) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), json!(t.id));
        m.insert("code".into(), json!(t.code));
        m.insert("name".into(), json!(t.name));
        m.insert(
            "description".into(),
            json!(if t.description.is_empty() {
                &t.name
            } else {
                &t.description
            }),
        );
        m.insert("taxonomy".into(), json!(t.taxonomy));
        m.insert("taxonomy_id".into(), json!(taxonomy_id(&t.taxonomy)));
        Value::Object(m)
    }

    /// An HSDS organization object (without its services).
    pub fn organisation(o: &OrganisationRecord) -> Value {
        let mut m = extra(&o.extra);
        m.insert("id".into(), json!(o.id));
        m.insert("name".into(), json!(o.name));
        m.insert("description".into(), json!(o.description));
        put(&mut m, "email", json!(o.email));
        put(&mut m, "website", json!(o.website));
        Value::Object(m)
    }

    /// An HSDS location object with its address and accessibility.
    pub fn location(l: &LocationRecord) -> Value {
        let mut m = extra(&l.extra);
        m.insert("id".into(), json!(l.id));
        m.insert("location_type".into(), json!("physical"));
        m.insert("organization_id".into(), json!(l.organization_id));
        m.insert("name".into(), json!(l.name));
        put(&mut m, "transportation", json!(l.transportation));
        if l.latitude.is_some() {
            put(&mut m, "latitude", json!(l.latitude));
            put(&mut m, "longitude", json!(l.longitude));
        }
        if !l.address_1.is_empty() || !l.postal_code.is_empty() {
            m.insert(
                "addresses".into(),
                json!([{
                    "id": child_id(l.id, "address", 0),
                    "location_id": l.id,
                    "address_1": l.address_1,
                    "city": l.city,
                    "state_province": "",
                    "postal_code": l.postal_code,
                    "country": "NL",
                    "address_type": "physical",
                }]),
            );
        }
        // The organisation's words, then each structured fact as a record of its own with its
        // code in `details` (read back by our import; plain Dutch for everyone else).
        let mut access = Vec::new();
        if !l.accessibility.is_empty() {
            access.push(json!({ "id": child_id(l.id, "accessibility", 0), "location_id": l.id, "description": l.accessibility }));
        }
        for (n, code) in l.access.split_whitespace().enumerate() {
            let words = app::service::cards::access_line(code, "", app::i18n::Lang::Nl);
            access.push(json!({
                "id": child_id(l.id, "accessibility", n + 1),
                "location_id": l.id,
                "description": words,
                "details": code,
            }));
        }
        if !access.is_empty() {
            m.insert("accessibility".into(), Value::Array(access));
        }
        Value::Object(m)
    }

    fn attribute(
        &self,
        owner: Uuid,
        n: usize,
        taxonomy: &str,
        code: &str,
        value: Option<String>,
    ) -> Option<Value> {
        let term = self.term(taxonomy, code)?;
        let mut a = Map::new();
        a.insert("id".into(), json!(child_id(owner, "attribute", n)));
        a.insert("link_id".into(), json!(owner));
        a.insert("link_type".into(), json!("service"));
        a.insert("link_entity".into(), json!("service"));
        a.insert("taxonomy_term_id".into(), json!(term.id));
        a.insert("taxonomy_term".into(), Catalogue::term_json(term));
        if let Some(v) = value {
            a.insert("value".into(), json!(v));
        }
        Some(Value::Object(a))
    }

    fn attributes(&self, s: &ServiceRecord) -> Vec<Value> {
        let mut pairs: Vec<(String, String, Option<String>)> = s
            .terms
            .iter()
            .filter(|(t, _)| t != "kenmerk")
            .map(|(t, c)| (t.clone(), c.clone(), None))
            .collect();
        if !s.terms.iter().any(|(t, _)| t == "soort") {
            pairs.push(("soort".into(), s.kind.clone(), None));
        }
        let flags = [
            (s.no_referral_needed, "geen-indicatie", None),
            (s.keeps_benefit, "behoud-uitkering", None),
            (s.is_free, "gratis", None),
            (
                s.terms
                    .iter()
                    .any(|(t, c)| t == "kenmerk" && c == app::db::WALK_IN),
                app::db::WALK_IN,
                None,
            ),
            (
                s.waiting_list > 0,
                "wachtlijst",
                Some(s.waiting_list.to_string()),
            ),
            (
                s.capacity.is_some(),
                "capaciteit",
                s.capacity.map(|c| c.to_string()),
            ),
        ];
        for (on, code, value) in flags {
            if on {
                pairs.push(("kenmerk".into(), code.into(), value));
            }
        }
        let mut out: Vec<Value> = pairs
            .iter()
            .enumerate()
            .filter_map(|(n, (t, c, v))| self.attribute(s.id, n, t, c, v.clone()))
            .collect();
        // Attributes of other taxonomies that came in with an import.
        if let Some(Value::Array(kept)) = extra(&s.extra).get("attributes") {
            out.extend(kept.iter().cloned());
        }
        out
    }

    /// A full HSDS service object (compiled shape).
    pub fn service(&self, s: &ServiceRecord) -> Value {
        let mut m = extra(&s.extra);
        m.remove("attributes");
        // Schedules we could not map (not weekly) came in with an import: give them back.
        let kept_schedules = match m.remove("schedules") {
            Some(Value::Array(kept)) => kept,
            _ => Vec::new(),
        };
        m.insert("id".into(), json!(s.id));
        m.insert("organization_id".into(), json!(s.organization_id));
        m.insert("name".into(), json!(s.name));
        m.insert("description".into(), json!(s.description));
        m.insert("status".into(), json!(s.status));
        put(&mut m, "url", json!(s.url));
        put(&mut m, "email", json!(s.email));
        put(&mut m, "fees_description", json!(s.fees_description));
        put(
            &mut m,
            "eligibility_description",
            json!(s.eligibility_description),
        );
        put(&mut m, "minimum_age", json!(s.minimum_age));
        put(&mut m, "maximum_age", json!(s.maximum_age));
        put(
            &mut m,
            "assured_date",
            json!(s.last_verified_on.map(|d| d.to_string())),
        );
        if let Some(t) = self.modified.get(&s.id) {
            m.insert(
                "last_modified".into(),
                json!(t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
            );
        }
        if let Some(program) = self.program_of.get(&s.id) {
            m.insert("program_id".into(), json!(program));
            if let Some(p) = self.programs.get(program) {
                m.insert("program".into(), p.clone());
            }
        }
        if let Some(o) = self.organisations.get(&s.organization_id) {
            m.insert("organization".into(), Catalogue::organisation(o));
        }
        let sals: Vec<Value> = s
            .location_ids
            .iter()
            .enumerate()
            .filter_map(|(n, lid)| {
                let l = self.locations.get(lid)?;
                Some(json!({
                    "id": child_id(s.id, "sal", n),
                    "service_id": s.id,
                    "location_id": lid,
                    "location": Catalogue::location(l),
                }))
            })
            .collect();
        m.insert("service_at_locations".into(), json!(sals));
        let schedules: Vec<Value> = s
            .schedules
            .iter()
            .enumerate()
            .map(|(n, slot)| {
                let mut v = Map::new();
                v.insert("id".into(), json!(child_id(s.id, "schedule", n)));
                v.insert("service_id".into(), json!(s.id));
                match app::schedule::hsds_fields(&slot.rule) {
                    Some((freq, interval, byday)) => {
                        v.insert("freq".into(), json!(freq));
                        if interval > 1 {
                            v.insert("interval".into(), json!(interval));
                        }
                        v.insert("byday".into(), json!(byday));
                        if let Some(start) = slot.dtstart {
                            v.insert("dtstart".into(), json!(start.to_string()));
                        }
                    }
                    None => {
                        v.insert("freq".into(), json!("WEEKLY"));
                        v.insert(
                            "byday".into(),
                            json!(DAYS[(slot.weekday.clamp(1, 7) - 1) as usize]),
                        );
                    }
                }
                v.insert("opens_at".into(), json!(slot.opens_at));
                v.insert("closes_at".into(), json!(slot.closes_at));
                put(&mut v, "description", json!(slot.description));
                Value::Object(v)
            })
            .collect();
        let mut schedules = schedules;
        let first = s.schedules.len();
        schedules.extend(s.closures.iter().enumerate().map(|(n, c)| {
            let mut v = Map::new();
            v.insert("id".into(), json!(child_id(s.id, "schedule", first + n)));
            v.insert("service_id".into(), json!(s.id));
            v.insert("valid_from".into(), json!(c.starts_on.to_string()));
            v.insert("valid_to".into(), json!(c.ends_on.to_string()));
            v.insert("notes".into(), json!("gesloten"));
            put(&mut v, "description", json!(c.description));
            Value::Object(v)
        }));
        schedules.extend(kept_schedules);
        m.insert("schedules".into(), json!(schedules));
        let languages: Vec<Value> = s
            .languages
            .iter()
            .enumerate()
            .map(|(n, code)| json!({ "id": child_id(s.id, "language", n), "service_id": s.id, "code": code, "name": code }))
            .collect();
        m.insert("languages".into(), json!(languages));
        let costs: Vec<Value> = s
            .costs
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let mut v = Map::new();
                v.insert("id".into(), json!(child_id(s.id, "cost", n)));
                v.insert("service_id".into(), json!(s.id));
                v.insert("option".into(), json!(c.option));
                v.insert("currency".into(), json!("EUR"));
                put(&mut v, "amount", json!(c.amount));
                put(&mut v, "amount_description", json!(c.amount_description));
                Value::Object(v)
            })
            .collect();
        m.insert("cost_options".into(), json!(costs));
        if let Some(name) = &s.contact_name {
            m.insert(
                "contacts".into(),
                json!([{ "id": child_id(s.id, "contact", 0), "service_id": s.id, "name": name }]),
            );
        }
        if let Some(phone) = &s.phone {
            m.insert(
                "phones".into(),
                json!([{ "id": child_id(s.id, "phone", 0), "service_id": s.id, "number": phone }]),
            );
        }
        m.insert("attributes".into(), json!(self.attributes(s)));
        Value::Object(m)
    }

    /// An organisation need as an HSDS service marked `kenmerk:vrijwilligerswerk`.
    pub fn need(&self, n: &NeedRecord) -> Value {
        let mut pairs: Vec<(&str, &str, Option<String>)> =
            vec![("kenmerk", "vrijwilligerswerk", None)];
        pairs.extend(n.talents.iter().map(|t| ("talent", t.as_str(), None)));
        // What the role asks and gives travels as valued attributes (HSDS has no fields for it).
        let given = |text: &str| (!text.is_empty()).then(|| text.to_string());
        let compensation = match n.compensation {
            Compensation::Geen => None,
            Compensation::Onkosten => Some("onkosten".to_string()),
            Compensation::Vergoeding => Some(
                n.allowance_euros
                    .map_or("vergoeding".to_string(), |e| e.to_string()),
            ),
        };
        let contact = given(
            &[n.contact_name.as_str(), n.contact_role.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        );
        let valued = [
            ("rol-taken", given(&n.tasks)),
            ("rol-niet-taken", given(&n.not_tasks)),
            ("rol-training", given(&n.training)),
            ("rol-begeleiding", given(&n.support)),
            ("rol-vergoeding", compensation),
            (
                "rol-uitkering-besproken",
                n.benefit_cleared.then(String::new),
            ),
            ("rol-dagen", given(&app::db::days_text(&n.days))),
            ("rol-uren", n.hours_per_week.map(|h| h.to_string())),
            ("rol-contact", contact),
            ("rol-plekken", n.people_wanted.map(|p| p.to_string())),
        ];
        for (code, value) in valued {
            if let Some(value) = value {
                pairs.push(("kenmerk", code, given(&value)));
            }
        }
        let attributes: Vec<Value> = pairs
            .into_iter()
            .enumerate()
            .filter_map(|(i, (t, c, value))| self.attribute(n.id, i, t, c, value))
            .collect();
        let mut m = Map::new();
        m.insert("id".into(), json!(n.id));
        m.insert("organization_id".into(), json!(n.organization_id));
        m.insert("name".into(), json!(n.title));
        m.insert("description".into(), json!(n.description));
        m.insert("status".into(), json!("active"));
        put(&mut m, "minimum_age", json!(n.minimum_age));
        put(&mut m, "maximum_age", json!(n.maximum_age));
        put(&mut m, "application_process", json!(n.time_commitment));
        if let Some(o) = self.organisations.get(&n.organization_id) {
            m.insert("organization".into(), Catalogue::organisation(o));
        }
        let sal: Vec<Value> = n
            .location_id
            .and_then(|lid| self.locations.get(&lid))
            .map(|l| vec![json!({ "id": child_id(n.id, "sal", 0), "service_id": n.id, "location_id": l.id, "location": Catalogue::location(l) })])
            .unwrap_or_default();
        m.insert("service_at_locations".into(), json!(sal));
        m.insert("attributes".into(), json!(attributes));
        Value::Object(m)
    }

    /// Every service and need, as HSDS services.
    pub fn all_services(&self) -> Vec<Value> {
        let mut out: Vec<Value> = self.data.services.iter().map(|s| self.service(s)).collect();
        out.extend(self.data.needs.iter().map(|n| self.need(n)));
        out
    }
}

/// The stable id of a taxonomy (by its name).
pub fn taxonomy_id(name: &str) -> Uuid {
    Uuid::new_v5(
        &Uuid::from_u128(0x5a1c_7a40_0000_4000_8000_0000_0000_0003),
        name.as_bytes(),
    )
}

/// An HSDS service as the list endpoints show it: direct fields plus organization.
pub fn list_item(full: &Value) -> Value {
    let mut m = full.as_object().cloned().unwrap_or_default();
    m.retain(|k, v| !v.is_array() || k == "organization");
    Value::Object(m)
}
