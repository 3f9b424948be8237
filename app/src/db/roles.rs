//! Volunteer roles (the `needs` an organisation asks people for) where residents look: search
//! documents, result cards and a public page. Needs for space, money or participants are for
//! partners and coalitions, not for residents' search.

use std::collections::HashMap;

use chrono::NaiveDate;
use index::{Geocoder, OfferDoc, SearchHit};
use uuid::Uuid;

use super::sql::{fetch_by_ids, id_filter};
use super::{on_pool, Db};
use crate::i18n::Lang;
use crate::model::{
    ages_in_words, kind_label, LocationLine, OfferDetail, OfferSummary, PlaceOnMap,
};
use crate::{Error, Result};

pub use index::ROLE_KIND;
/// Need kinds that are roles a resident can take.
const ROLE_NEEDS: &str = "('vrijwilliger', 'trainer')";

/// The place a role is shown at: its own location, else the first of its offer, else the
/// first of its organisation. One SQL expression so documents, cards and the page agree.
const ROLE_PLACE: &str = "COALESCE(n.location_id, \
    (SELECT sal.location_id FROM service_at_locations sal WHERE sal.service_id = n.service_id \
     ORDER BY sal.location_id LIMIT 1), \
    (SELECT l2.id FROM locations l2 WHERE l2.organization_id = n.organization_id \
     ORDER BY l2.name, l2.id LIMIT 1))";

#[derive(sqlx::FromRow)]
struct RoleRow {
    id: Uuid,
    organisation_id: Uuid,
    title: String,
    description: String,
    time_commitment: String,
    status: String,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
    organisation: String,
    review_status: String,
    org_email: Option<String>,
    org_phone: Option<String>,
    org_website: Option<String>,
    org_verified: Option<NaiveDate>,
    location_id: Option<Uuid>,
    location_name: Option<String>,
    address_1: Option<String>,
    city: Option<String>,
    postal_code: Option<String>,
    accessibility: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    wijk_code: Option<String>,
    gemeente_code: Option<String>,
}

fn select(filter: &str) -> String {
    format!(
        "SELECT n.id, o.id AS organisation_id, n.title, n.description, n.time_commitment, n.status, \
         n.minimum_age, n.maximum_age, o.name AS organisation, o.review_status, o.email AS org_email, \
         o.phone AS org_phone, o.website AS org_website, o.last_verified_on AS org_verified, \
         l.id AS location_id, l.name AS location_name, l.address_1, l.city, l.postal_code, \
         l.accessibility, l.latitude, l.longitude, l.wijk_code, l.gemeente_code \
         FROM needs n JOIN organizations o ON o.id = n.organization_id \
         LEFT JOIN locations l ON l.id = {ROLE_PLACE} {filter}"
    )
}

/// Roles (all, or the given ones); with `any_kind`, every need, for the page a suggestion
/// links to.
async fn roles(db: &Db, only: Option<&[Uuid]>, any_kind: bool) -> Result<Vec<RoleRow>> {
    let kinds = if any_kind {
        String::new()
    } else {
        format!("n.kind IN {ROLE_NEEDS}")
    };
    let filter = match (only, kinds.is_empty()) {
        (Some(_), true) => id_filter("n.id", only),
        (Some(_), false) => format!("{} AND {kinds}", id_filter("n.id", only)),
        (None, true) => String::new(),
        (None, false) => format!("WHERE {kinds}"),
    };
    Ok(fetch_by_ids!(db, RoleRow, select(&filter), only))
}

/// Talent names per role, for the words a role is found by.
async fn talent_names(db: &Db, only: Option<&[Uuid]>) -> Result<HashMap<Uuid, Vec<String>>> {
    let sql = format!(
        "SELECT nt.need_id, t.name FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id {} \
         ORDER BY t.name",
        id_filter("nt.need_id", only)
    );
    let mut out: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (id, name) in fetch_by_ids!(db, (Uuid, String), sql, only) {
        out.entry(id).or_default().push(name);
    }
    Ok(out)
}

/// The status a role has in search: open roles of approved organisations are active.
fn search_status(status: &str, review: &str) -> String {
    match (review, status) {
        ("approved", "open") => "active".into(),
        ("approved", other) => other.into(),
        (review, _) => format!("review:{review}"),
    }
}

/// One search document per role (all, or the given ones; ids that are no role give none).
pub async fn role_documents(db: &Db, only: Option<&[Uuid]>) -> Result<Vec<OfferDoc>> {
    if only.is_some_and(|ids| ids.is_empty()) {
        return Ok(Vec::new());
    }
    let mut talents = talent_names(db, only).await?;
    let geocoder = Geocoder::embedded();
    Ok(roles(db, only, false)
        .await?
        .into_iter()
        .map(|r| {
            // The words people use for this kind of work find every role, whatever its title.
            let mut keywords = vec!["vrijwilligerswerk".to_string(), "vrijwilliger".to_string()];
            keywords.extend(talents.remove(&r.id).unwrap_or_default());
            keywords.extend(r.city.clone());
            keywords.extend(r.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)));
            let description = [r.description.as_str(), r.time_commitment.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            // Roles carry no leefgebied or audience of their own: those their text names, so
            // "ouderen helpen met hun telefoon" finds the role that teaches older people.
            let named = index::Concepts::shipped().read(&format!("{} {description}", r.title));
            OfferDoc {
                offer_id: r.id,
                location_id: r.location_id,
                name: r.title,
                organisation: r.organisation,
                description,
                kind: ROLE_KIND.into(),
                leefgebieden: named.codes("leefgebied"),
                doelgroepen: named.codes("doelgroep"),
                keywords,
                lat: r.latitude,
                lon: r.longitude,
                wijk_code: r.wijk_code,
                gemeente_code: r.gemeente_code,
                min_age: super::words::age_byte(r.minimum_age),
                max_age: super::words::age_byte(r.maximum_age),
                days: Vec::new(),
                languages: Vec::new(),
                free: false,
                no_referral_needed: true,
                status: search_status(&r.status, &r.review_status),
            }
        })
        .collect())
}

/// How many documents [`role_documents`] returns for all roles.
pub async fn role_documents_count(db: &Db) -> Result<u64> {
    let sql = format!("SELECT COUNT(*) FROM needs n WHERE n.kind IN {ROLE_NEEDS}");
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(&sql).fetch_one(p).await?);
    Ok(n.max(0) as u64)
}

/// Result cards for the hits that are roles, by id.
pub(super) async fn role_summaries(
    db: &Db,
    hits: &[&SearchHit],
    lang: Lang,
) -> Result<HashMap<Uuid, OfferSummary>> {
    let ids: Vec<Uuid> = hits.iter().map(|h| h.offer_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let geocoder = Geocoder::embedded();
    let distance: HashMap<Uuid, (Option<f64>, f64)> = hits
        .iter()
        .map(|h| (h.offer_id, (h.distance_km, h.score)))
        .collect();
    Ok(roles(db, Some(&ids), false)
        .await?
        .into_iter()
        .map(|r| {
            let (distance_km, score) = distance.get(&r.id).copied().unwrap_or((None, 0.0));
            let address = join(r.address_1.as_deref(), r.city.as_deref());
            let wijk = r.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w));
            let summary = OfferSummary {
                id: r.id,
                name: r.title,
                organisation: r.organisation,
                kind_label: kind_label(ROLE_KIND, lang),
                summary: super::words::summary_of(&r.description),
                address: address.clone(),
                wijk: wijk.clone(),
                distance_km,
                free: false,
                when: Some(r.time_commitment).filter(|s| !s.is_empty()),
                next: None,
                kind: ROLE_KIND.into(),
                organisation_id: r.organisation_id,
                min_age: r.minimum_age,
                max_age: r.maximum_age,
                location: r.location_id.map(|_| PlaceOnMap {
                    lat: r.latitude,
                    lon: r.longitude,
                    address,
                    postcode: r.postal_code.clone().unwrap_or_default(),
                    wijk,
                    gemeente: r.gemeente_code.clone(),
                }),
                score,
            };
            (r.id, summary)
        })
        .collect())
}

fn join(street: Option<&str>, city: Option<&str>) -> String {
    [street, city]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The public page of one open role (or other need) of an approved organisation.
pub async fn role_detail(db: &Db, id: Uuid, lang: Lang) -> Result<OfferDetail> {
    let r = roles(db, Some(&[id]), true)
        .await?
        .into_iter()
        .next()
        .filter(|r| r.review_status == "approved" && r.status == "open")
        .ok_or(Error::NotFound)?;
    let talents = talent_names(db, Some(&[id]))
        .await?
        .remove(&id)
        .unwrap_or_default();
    let geocoder = Geocoder::embedded();
    let locations = r
        .location_id
        .map(|_| LocationLine {
            name: r.location_name.clone().unwrap_or_default(),
            address: join(r.address_1.as_deref(), r.city.as_deref()),
            wijk: r.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
            accessibility: r.accessibility.clone().unwrap_or_default(),
            lat: r.latitude,
            lon: r.longitude,
        })
        .into_iter()
        .collect();
    Ok(OfferDetail {
        id,
        name: r.title,
        description: r.description,
        organisation: r.organisation,
        kind_label: kind_label(ROLE_KIND, lang),
        leefgebieden: talents,
        doelgroepen: Vec::new(),
        ages: ages_in_words(r.minimum_age, r.maximum_age, lang),
        schedule: Vec::new(),
        closed: Vec::new(),
        free: false,
        costs: Vec::new(),
        no_referral_needed: false,
        keeps_benefit: false,
        eligibility: r.time_commitment,
        languages: Vec::new(),
        locations,
        contact_name: None,
        phone: r.org_phone,
        email: r.org_email,
        url: r.org_website,
        waiting_list: 0,
        last_verified: r.org_verified.map(|d| super::words::date_in_words(d, lang)),
        active: true,
        overdue: false,
        role: true,
    })
}

/// Open needs of approved organisations (title, id), by title: what `/hsds/services` serves
/// beside the offers, so that an import and an export hold the same records.
pub async fn published_need_ids(
    db: &Db,
    organisation: Option<Uuid>,
    modified_after: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<Vec<(String, Uuid)>> {
    let sql = format!(
        "SELECT n.title, n.id FROM needs n JOIN organizations o ON o.id = n.organization_id \
         WHERE n.status = 'open' AND {} AND ($1 IS NULL OR n.organization_id = $1) \
         AND ($2 IS NULL OR n.updated_at >= $2) ORDER BY n.title, n.id",
        super::PUBLISHED
    );
    Ok(
        on_pool!(db, p => sqlx::query_as(&sql).bind(organisation).bind(modified_after).fetch_all(p).await?),
    )
}

/// True when this is an open need of an approved organisation.
pub async fn is_published_need(db: &Db, id: Uuid) -> Result<bool> {
    let sql = format!(
        "SELECT COUNT(*) FROM needs n JOIN organizations o ON o.id = n.organization_id \
         WHERE n.id = $1 AND n.status = 'open' AND {}",
        super::PUBLISHED
    );
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(&sql).bind(id).fetch_one(p).await?);
    Ok(n > 0)
}
