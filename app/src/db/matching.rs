//! The matching catalog read from the database, and the anonymous "ik kan iets" entries.

use std::collections::HashMap;

use chrono::Utc;
use index::matching::{
    Access, Catalog, CatalogChanges, CatalogNeed, CatalogOffer, CatalogOrganisation, PartnerKind,
    PlaceFacts, RolePay, TalentEntry,
};
use index::LatLon;
use uuid::Uuid;

use super::sql::{fetch_by_ids, placeholders};
use super::taxonomy::term_codes;
use super::Db;
use crate::domain::Compensation;
use crate::Result;

#[derive(sqlx::FromRow)]
struct OfferRow {
    id: Uuid,
    name: String,
    description: String,
    kind: String,
    status: String,
    is_free: bool,
    no_referral_needed: bool,
    keeps_benefit: bool,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
    waiting_list: i32,
    organisation_id: Uuid,
    organisation: String,
}

#[derive(sqlx::FromRow)]
struct NeedRow {
    id: Uuid,
    title: String,
    kind: String,
    organization_id: Uuid,
    organisation: String,
    service_id: Option<Uuid>,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
    people_wanted: Option<i32>,
    time_commitment: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    gemeente_code: Option<String>,
    wijk_code: Option<String>,
    access: String,
    waiting_list: Option<i32>,
    days: String,
    compensation: String,
    benefit_cleared: bool,
    training: String,
    support: String,
}

fn place(lat: Option<f64>, lon: Option<f64>) -> Option<LatLon> {
    LatLon::parse(lat?, lon?).ok()
}

fn age(years: Option<i32>) -> Option<u8> {
    years.and_then(|y| u8::try_from(y).ok())
}

/// Talent codes an activity is about, from its words ("Voetballen voor kinderen" → voetbal,
/// kinderen): a word that starts with the code.
pub fn topics_of(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    term_codes("talent")
        .into_iter()
        .filter(|code| words.iter().any(|w| w.starts_with(code)))
        .map(String::from)
        .collect()
}

/// Everything the matching engine needs, read fresh from the database.
pub async fn load_catalog(db: &Db) -> Result<Catalog> {
    let rows = read_rows(db, None).await?;
    // A million offers take seconds of text work: off the async workers, on every core.
    Ok(tokio::task::spawn_blocking(move || assemble(rows)).await?)
}

/// Ids read again per round of [`load_catalog_changes`] (each is bound twice or more).
const CHANGES_PER_READ: usize = 500;

/// What the catalog holds now of the offers, roles, "ik kan iets" entries and organisations
/// with these ids (the change log names them all alike), with the open roles of those offers
/// and the organisations behind them: what [`Catalog::updated`] needs to follow the log.
pub async fn load_catalog_changes(db: &Db, ids: &[Uuid]) -> Result<CatalogChanges> {
    let mut changes = CatalogChanges {
        ids: ids.to_vec(),
        ..CatalogChanges::default()
    };
    for chunk in ids.chunks(CHANGES_PER_READ) {
        let rows = read_rows(db, Some(chunk)).await?;
        let part = tokio::task::spawn_blocking(move || assemble(rows)).await?;
        changes.offers.extend(part.offers);
        changes.needs.extend(part.needs);
        // An organisation read in two rounds is put in twice: the second replaces the first.
        changes.organisations.extend(part.organisations);
        changes.talent_entries.extend(part.talent_entries);
    }
    Ok(changes)
}

/// The rows of the catalog: all, or (with `only`) those of these ids as [`load_catalog_changes`]
/// describes. The ids are `$1..$n` ([`fetch_by_ids!`] binds them; an empty list binds the nil
/// uuid) and may be used more than once in a statement.
async fn read_rows(db: &Db, only: Option<&[Uuid]>) -> Result<Rows> {
    let list = only.map(|ids| placeholders(ids.len().max(1)));
    // `WHERE`/`AND` clauses for a list, or nothing.
    let when = |clause: &str| -> String {
        list.as_ref()
            .map(|list| clause.replace("{ids}", list))
            .unwrap_or_default()
    };
    let sql = format!(
        "SELECT s.id, s.name, s.description, s.kind, s.status, s.is_free, s.no_referral_needed, \
        s.keeps_benefit, s.minimum_age, s.maximum_age, s.waiting_list, o.id AS organisation_id, \
        o.name AS organisation FROM services s JOIN organizations o ON o.id = s.organization_id {}",
        when("WHERE s.id IN ({ids})")
    );
    let offers = fetch_by_ids!(db, OfferRow, sql, only);
    let sql = format!(
        "SELECT sal.service_id, l.latitude, l.longitude, l.gemeente_code, l.wijk_code, \
        l.access FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id {}",
        when("WHERE sal.service_id IN ({ids})")
    );
    let places = fetch_by_ids!(db, PlaceRow, sql, only);
    let sql = format!(
        "SELECT st.service_id, t.taxonomy, t.code FROM service_terms st \
        JOIN taxonomy_terms t ON t.id = st.term_id {}",
        when("WHERE st.service_id IN ({ids})")
    );
    let terms = fetch_by_ids!(db, (Uuid, String, String), sql, only);
    let sql = format!(
        "SELECT DISTINCT service_id, weekday FROM schedules {}",
        when("WHERE service_id IN ({ids})")
    );
    let days = fetch_by_ids!(db, (Uuid, i32), sql, only);
    let sql = format!(
        "SELECT service_id, code FROM service_languages {}",
        when("WHERE service_id IN ({ids})")
    );
    let languages = fetch_by_ids!(db, (Uuid, String), sql, only);
    // Open places: those wanted minus those who started. With ids: the roles named and the
    // roles of the offers named (they carry the offer's waiting list).
    let sql = format!("SELECT n.id, n.title, n.kind, n.organization_id, o.name AS organisation, n.service_id, \
        n.minimum_age, n.maximum_age, \
        CASE WHEN n.people_wanted IS NULL THEN NULL ELSE n.people_wanted - n.people_started END AS people_wanted, \
        n.time_commitment, l.latitude, l.longitude, \
        l.gemeente_code, l.wijk_code, COALESCE(l.access, '') AS access, s.waiting_list, n.days, n.compensation, n.benefit_cleared, n.training, n.support \
        FROM needs n JOIN organizations o ON o.id = n.organization_id \
        LEFT JOIN locations l ON l.id = n.location_id LEFT JOIN services s ON s.id = n.service_id \
        WHERE n.status = 'open' AND (n.people_wanted IS NULL OR n.people_started < n.people_wanted) {} \
        ORDER BY n.id", when("AND (n.id IN ({ids}) OR n.service_id IN ({ids}))"));
    let need_rows = fetch_by_ids!(db, NeedRow, sql, only);
    let sql = format!(
        "SELECT nt.need_id, t.code FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id {}",
        when("WHERE nt.need_id IN (SELECT n.id FROM needs n WHERE n.id IN ({ids}) OR n.service_id IN ({ids}))")
    );
    let need_talents = fetch_by_ids!(db, (Uuid, String), sql, only);
    // Every organisation: one without a partner kind of its own (an imported register) gets
    // the one its name names ("Buurtteam Jeugd Nieuwegein", "Jongerenwerk Zeist").
    let sql = format!(
        "SELECT o.id, o.name, o.partner_kind, l.latitude, l.longitude, l.gemeente_code \
        FROM organizations o LEFT JOIN locations l ON l.organization_id = o.id {} \
        ORDER BY o.id, l.id",
        when(
            "WHERE o.id IN ({ids}) OR o.id IN (SELECT organization_id FROM services WHERE id IN ({ids}) \
            UNION SELECT organization_id FROM needs WHERE id IN ({ids}) OR service_id IN ({ids}))"
        )
    );
    let org_rows = fetch_by_ids!(db, OrgRow, sql, only);
    let today = Utc::now().date_naive();
    // The date comes after the ids.
    let at = only.map_or(1, |ids| ids.len().max(1) + 1);
    let sql = format!(
        "SELECT id, talents, age, latitude, longitude FROM talent_entries WHERE expires_on >= ${at} {}",
        when("AND id IN ({ids})")
    );
    let entries = fetch_by_ids!(db, EntryRow, sql, only, today);
    Ok(Rows {
        offers,
        places,
        terms,
        days,
        languages,
        need_rows,
        need_talents,
        org_rows,
        entries,
    })
}

/// What [`load_catalog`] read, before it becomes a catalog.
struct Rows {
    offers: Vec<OfferRow>,
    places: Vec<PlaceRow>,
    terms: Vec<(Uuid, String, String)>,
    days: Vec<(Uuid, i32)>,
    languages: Vec<(Uuid, String)>,
    need_rows: Vec<NeedRow>,
    need_talents: Vec<(Uuid, String)>,
    org_rows: Vec<OrgRow>,
    entries: Vec<EntryRow>,
}

type EntryRow = (Uuid, String, Option<i32>, f64, f64);

type PlaceRow = (
    Uuid,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<String>,
    String,
);

type OrgRow = (
    Uuid,
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<String>,
);

/// `f` over `items`, split over the machine's cores.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let size = items.len().div_ceil(threads).max(4096);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(size)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The catalog from what was read: offers with their places, terms, days and languages; open
/// roles; partners; "ik kan iets" entries.
fn assemble(rows: Rows) -> Catalog {
    let mut by_offer: HashMap<Uuid, CatalogOffer> = HashMap::with_capacity(rows.offers.len());
    let text_of: Vec<String> = rows
        .offers
        .iter()
        .map(|o| format!("{} {}", o.name, o.description))
        .collect();
    let topics = par_map(&text_of, |text| topics_of(text));
    let mut texts: HashMap<Uuid, String> = HashMap::with_capacity(rows.offers.len());
    for ((o, text), topics) in rows.offers.into_iter().zip(text_of).zip(topics) {
        texts.insert(o.id, text);
        by_offer.insert(
            o.id,
            CatalogOffer {
                id: o.id,
                name: o.name,
                organisation_id: o.organisation_id,
                organisation: o.organisation,
                kind: o.kind,
                leefgebieden: vec![],
                groups: vec![],
                topics,
                places: vec![],
                place_facts: vec![],
                gemeente: None,
                min_age: age(o.minimum_age),
                max_age: age(o.maximum_age),
                days: vec![],
                languages: vec![],
                free: o.is_free,
                no_referral_needed: o.no_referral_needed,
                keeps_benefit: o.keeps_benefit,
                volunteering: false,
                active: o.status == "active",
                waiting_list: o.waiting_list.max(0) as u32,
            },
        );
    }
    for (id, lat, lon, gemeente, wijk, access) in rows.places {
        if let Some(o) = by_offer.get_mut(&id) {
            // `place_facts` stays parallel to `places`: only places with coordinates count.
            if let Some(at) = place(lat, lon) {
                o.places.push(at);
                o.place_facts.push(PlaceFacts {
                    access: Access::parse(&access),
                    wijk,
                });
            }
            if o.gemeente.is_none() {
                o.gemeente = gemeente;
            }
        }
    }
    for (id, taxonomy, code) in rows.terms {
        let Some(o) = by_offer.get_mut(&id) else {
            continue;
        };
        match taxonomy.as_str() {
            "leefgebied" => o.leefgebieden.push(code),
            "doelgroep" => o.groups.push(code),
            "kenmerk" if code == "vrijwilligerswerk" => o.volunteering = true,
            "kenmerk" if code == "geen-indicatie" => o.no_referral_needed = true,
            "kenmerk" if code == "behoud-uitkering" => o.keeps_benefit = true,
            "talent" if !o.topics.contains(&code) => o.topics.push(code),
            _ => {}
        }
    }
    for (id, day) in rows.days {
        if let (Some(o), Ok(day)) = (by_offer.get_mut(&id), u8::try_from(day)) {
            o.days.push(day);
        }
    }
    for (id, code) in rows.languages {
        if let Some(o) = by_offer.get_mut(&id) {
            o.languages.push(code);
        }
    }
    let mut offers: Vec<CatalogOffer> = by_offer.into_values().collect();
    let concepts = index::Concepts::shipped();
    // No usable terms (a register with its own taxonomy, or none): what its own text says,
    // the same derivation as in search, so that matching works on any data.
    let named = par_map(&offers, |o| {
        (o.leefgebieden.is_empty() || o.groups.is_empty()).then(|| {
            let text = texts.get(&o.id).map(String::as_str).unwrap_or_default();
            let named = concepts.read(text);
            (named.codes("leefgebied"), named.codes("doelgroep"))
        })
    });
    for (o, named) in offers.iter_mut().zip(named) {
        o.days.sort_unstable();
        o.days.dedup();
        // In one order whatever order the database gave them in (it differs between reading
        // everything and reading a few offers back by id).
        o.leefgebieden.sort_unstable();
        o.groups.sort_unstable();
        o.topics.sort_unstable();
        o.languages.sort_unstable();
        if let Some((leefgebieden, groups)) = named {
            if o.leefgebieden.is_empty() {
                o.leefgebieden = leefgebieden;
            }
            if o.groups.is_empty() {
                o.groups = groups;
            }
        }
    }
    // A stable order, so equal scores always come out the same way.
    offers.sort_by_key(|o| o.id);

    let mut talents_of: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (id, code) in rows.need_talents {
        talents_of.entry(id).or_default().push(code);
    }
    // A role whose places are all taken was not read: it is proposed to nobody.
    let needs = rows
        .need_rows
        .into_iter()
        .map(|n| CatalogNeed {
            talents: talents_of
                .remove(&n.id)
                .filter(|t| !t.is_empty())
                .map(|mut t| {
                    t.sort_unstable();
                    t
                })
                // A role that came without talents: the talents its title names.
                .unwrap_or_else(|| topics_of(&n.title)),
            id: n.id,
            title: n.title,
            kind: n.kind,
            organisation_id: n.organization_id,
            organisation: n.organisation,
            offer_id: n.service_id,
            min_age: age(n.minimum_age),
            max_age: age(n.maximum_age),
            at: place(n.latitude, n.longitude),
            place_facts: PlaceFacts {
                access: Access::parse(&n.access),
                wijk: n.wijk_code,
            },
            gemeente: n.gemeente_code,
            people_wanted: n.people_wanted.unwrap_or(0).max(0) as u32,
            waiting_list: n.waiting_list.unwrap_or(0).max(0) as u32,
            time_commitment: n.time_commitment,
            days: super::days_from_text(&n.days),
            pay: match Compensation::parse(&n.compensation).unwrap_or_default() {
                Compensation::Geen => RolePay::Nothing,
                Compensation::Onkosten => RolePay::Expenses,
                Compensation::Vergoeding => RolePay::Allowance {
                    cleared: n.benefit_cleared,
                },
            },
            training: !n.training.trim().is_empty(),
            support: !n.support.trim().is_empty(),
        })
        .collect();

    let mut org_rows = rows.org_rows;
    // The first location stands for the organisation.
    org_rows.dedup_by_key(|row| row.0);
    let partners = par_map(&org_rows, |(_, name, kind, ..)| {
        PartnerKind::parse(kind).or_else(|| {
            concepts
                .classify("partner", name)
                .first()
                .and_then(|code| PartnerKind::parse(code))
        })
    });
    let organisations: Vec<CatalogOrganisation> = org_rows
        .into_iter()
        .zip(partners)
        .filter(|(_, partner)| partner.is_some())
        .map(
            |((id, name, _, lat, lon, gemeente), partner)| CatalogOrganisation {
                id,
                name,
                partner,
                at: place(lat, lon),
                gemeente,
            },
        )
        .collect();

    let talent_entries = rows
        .entries
        .into_iter()
        .filter_map(|(id, talents, years, lat, lon)| {
            Some(TalentEntry {
                id,
                talents: talents.split(',').map(|t| t.trim().to_string()).collect(),
                age: age(years),
                at: LatLon::parse(lat, lon).ok()?,
            })
        })
        .collect();

    Catalog::new(offers, needs, organisations, talent_entries)
}

#[cfg(test)]
mod tests {
    use super::{par_map, topics_of};

    #[test]
    fn work_spread_over_the_cores_comes_back_in_order() {
        let items: Vec<u32> = (0..20_000).collect();
        let doubled = par_map(&items, |n| n * 2);
        assert_eq!(doubled.len(), items.len());
        assert!(doubled.iter().zip(&items).all(|(d, n)| *d == n * 2));
        assert!(par_map(&[] as &[u32], |n| *n).is_empty());
    }

    #[test]
    fn topics_come_from_words_that_start_with_a_talent() {
        assert_eq!(
            topics_of("Voetballen voor kinderen"),
            vec!["voetbal", "kinderen"]
        );
        assert!(topics_of("Samen eten: vrijwilligers koken").contains(&"koken".to_string()));
        assert!(topics_of("Spreekuur geldzaken").is_empty());
    }
}
