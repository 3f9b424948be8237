//! The matching catalog read from the database, and the anonymous "ik kan iets" entries.

use std::collections::HashMap;

use chrono::Utc;
use index::matching::{
    Access, Catalog, CatalogNeed, CatalogOffer, CatalogOrganisation, PartnerKind, PlaceFacts,
    RolePay, TalentEntry,
};
use index::LatLon;
use uuid::Uuid;

use super::taxonomy::term_codes;
use super::{on_pool, Db};
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
    let sql =
        "SELECT s.id, s.name, s.description, s.kind, s.status, s.is_free, s.no_referral_needed, \
        s.keeps_benefit, s.minimum_age, s.maximum_age, s.waiting_list, o.id AS organisation_id, \
        o.name AS organisation FROM services s JOIN organizations o ON o.id = s.organization_id";
    let offers: Vec<OfferRow> =
        on_pool!(db, p => sqlx::query_as::<_, OfferRow>(sql).fetch_all(p).await?);
    let sql = "SELECT sal.service_id, l.latitude, l.longitude, l.gemeente_code, l.wijk_code, \
        l.access FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id";
    type PlaceRow = (
        Uuid,
        Option<f64>,
        Option<f64>,
        Option<String>,
        Option<String>,
        String,
    );
    let places: Vec<PlaceRow> = on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?);
    let sql = "SELECT st.service_id, t.taxonomy, t.code FROM service_terms st \
        JOIN taxonomy_terms t ON t.id = st.term_id";
    let terms: Vec<(Uuid, String, String)> =
        on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?);
    let days: Vec<(Uuid, i32)> = on_pool!(db, p => sqlx::query_as(
        "SELECT DISTINCT service_id, weekday FROM schedules").fetch_all(p).await?);
    let languages: Vec<(Uuid, String)> = on_pool!(db, p => sqlx::query_as(
        "SELECT service_id, code FROM service_languages").fetch_all(p).await?);

    let mut by_offer: HashMap<Uuid, CatalogOffer> = HashMap::with_capacity(offers.len());
    let mut texts: HashMap<Uuid, String> = HashMap::with_capacity(offers.len());
    for o in offers {
        let text = format!("{} {}", o.name, o.description);
        let topics = topics_of(&text);
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
    for (id, lat, lon, gemeente, wijk, access) in places {
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
    for (id, taxonomy, code) in terms {
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
    for (id, day) in days {
        if let (Some(o), Ok(day)) = (by_offer.get_mut(&id), u8::try_from(day)) {
            o.days.push(day);
        }
    }
    for (id, code) in languages {
        if let Some(o) = by_offer.get_mut(&id) {
            o.languages.push(code);
        }
    }
    let mut offers: Vec<CatalogOffer> = by_offer.into_values().collect();
    let concepts = index::Concepts::shipped();
    for o in &mut offers {
        o.days.sort_unstable();
        o.days.dedup();
        // No usable terms (a register with its own taxonomy, or none): what its own text says,
        // the same derivation as in search, so that matching works on any data.
        let text = texts.get(&o.id).map(String::as_str).unwrap_or_default();
        if o.leefgebieden.is_empty() || o.groups.is_empty() {
            let named = concepts.read(text);
            if o.leefgebieden.is_empty() {
                o.leefgebieden = named.codes("leefgebied");
            }
            if o.groups.is_empty() {
                o.groups = named.codes("doelgroep");
            }
        }
    }
    // A stable order, so equal scores always come out the same way.
    offers.sort_by_key(|o| o.id);

    // Open places: those wanted minus those who started; a role whose places are all taken
    // is proposed to nobody.
    let sql = "SELECT n.id, n.title, n.kind, n.organization_id, o.name AS organisation, n.service_id, \
        n.minimum_age, n.maximum_age, \
        CASE WHEN n.people_wanted IS NULL THEN NULL ELSE n.people_wanted - n.people_started END AS people_wanted, \
        n.time_commitment, l.latitude, l.longitude, \
        l.gemeente_code, l.wijk_code, COALESCE(l.access, '') AS access, s.waiting_list, n.days, n.compensation, n.benefit_cleared, n.training, n.support \
        FROM needs n JOIN organizations o ON o.id = n.organization_id \
        LEFT JOIN locations l ON l.id = n.location_id LEFT JOIN services s ON s.id = n.service_id \
        WHERE n.status = 'open' AND (n.people_wanted IS NULL OR n.people_started < n.people_wanted) \
        ORDER BY n.id";
    let need_rows: Vec<NeedRow> =
        on_pool!(db, p => sqlx::query_as::<_, NeedRow>(sql).fetch_all(p).await?);
    let sql =
        "SELECT nt.need_id, t.code FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id";
    let need_talents: Vec<(Uuid, String)> =
        on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?);
    let needs = need_rows
        .into_iter()
        .map(|n| CatalogNeed {
            talents: Some(
                need_talents
                    .iter()
                    .filter(|(id, _)| *id == n.id)
                    .map(|(_, code)| code.clone())
                    .collect::<Vec<_>>(),
            )
            .filter(|t| !t.is_empty())
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

    // Every organisation: one without a partner kind of its own (an imported register) gets
    // the one its name names ("Buurtteam Jeugd Nieuwegein", "Jongerenwerk Zeist").
    let sql = "SELECT o.id, o.name, o.partner_kind, l.latitude, l.longitude, l.gemeente_code \
        FROM organizations o LEFT JOIN locations l ON l.organization_id = o.id \
        ORDER BY o.id, l.id";
    type OrgRow = (
        Uuid,
        String,
        String,
        Option<f64>,
        Option<f64>,
        Option<String>,
    );
    let org_rows: Vec<OrgRow> = on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?);
    let mut organisations: Vec<CatalogOrganisation> = Vec::new();
    for (id, name, kind, lat, lon, gemeente) in org_rows {
        // The first location stands for the organisation.
        if organisations.last().is_some_and(|o| o.id == id) {
            continue;
        }
        let partner = PartnerKind::parse(&kind).or_else(|| {
            concepts
                .classify("partner", &name)
                .first()
                .and_then(|code| PartnerKind::parse(code))
        });
        if partner.is_none() {
            continue;
        }
        organisations.push(CatalogOrganisation {
            id,
            name,
            partner,
            at: place(lat, lon),
            gemeente,
        });
    }

    let today = Utc::now().date_naive();
    let sql = "SELECT talents, age, latitude, longitude FROM talent_entries WHERE expires_on >= $1";
    let entries: Vec<(String, Option<i32>, f64, f64)> =
        on_pool!(db, p => sqlx::query_as(sql).bind(today).fetch_all(p).await?);
    let talent_entries = entries
        .into_iter()
        .filter_map(|(talents, years, lat, lon)| {
            Some(TalentEntry {
                talents: talents.split(',').map(|t| t.trim().to_string()).collect(),
                age: age(years),
                at: LatLon::parse(lat, lon).ok()?,
            })
        })
        .collect();

    Ok(Catalog::new(offers, needs, organisations, talent_entries))
}

#[cfg(test)]
mod tests {
    use super::topics_of;

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
