//! Volunteer roles (the `needs` an organisation asks people for) where residents look: search
//! documents, result cards and a public page. Needs for space, money or participants are for
//! partners and coalitions, not for residents' search.

use std::collections::HashMap;

use chrono::NaiveDate;
use index::{Geocoder, OfferDoc};
use uuid::Uuid;

use super::sql::{fetch_by_ids, id_filter, own_filter, Scope};
use super::{on_pool, Db};
use crate::{Error, Result};

pub use index::ROLE_KIND;
/// Need kinds that are roles a resident can take.
pub(super) const ROLE_NEEDS: &str = "('vrijwilliger', 'trainer')";

/// The place a role is shown at: its own location, else the first of its offer, else the
/// first of its organisation. One SQL expression so documents, cards and the page agree.
const ROLE_PLACE: &str = "COALESCE(n.location_id, \
    (SELECT sal.location_id FROM service_at_locations sal WHERE sal.service_id = n.service_id \
     ORDER BY sal.location_id LIMIT 1), \
    (SELECT l2.id FROM locations l2 WHERE l2.organization_id = n.organization_id \
     ORDER BY l2.name, l2.id LIMIT 1))";

/// A role (a need) with its organisation and the place it is shown at.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RoleRecord {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub title: String,
    pub description: String,
    pub time_commitment: String,
    pub status: String,
    pub minimum_age: Option<i32>,
    pub maximum_age: Option<i32>,
    pub organisation: String,
    pub review_status: String,
    pub org_email: Option<String>,
    pub org_phone: Option<String>,
    pub org_website: Option<String>,
    pub org_verified: Option<NaiveDate>,
    pub location_id: Option<Uuid>,
    pub location_name: Option<String>,
    pub address_1: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub accessibility: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub wijk_code: Option<String>,
    pub gemeente_code: Option<String>,
    pub tasks: String,
    pub not_tasks: String,
    pub training: String,
    pub support: String,
    pub compensation: String,
    pub allowance_euros: Option<i32>,
    pub benefit_cleared: bool,
    pub days: String,
    pub hours_per_week: Option<i32>,
    pub contact_name: String,
    pub contact_role: String,
    pub people_wanted: Option<i32>,
    pub people_started: i32,
    /// The offer it is for, and its waiting list.
    pub offer_id: Option<Uuid>,
    pub offer_name: Option<String>,
    pub offer_waiting_list: Option<i32>,
}

impl RoleRecord {
    /// All wanted places are taken: the role takes no more answers.
    pub fn is_filled(&self) -> bool {
        self.people_wanted
            .is_some_and(|wanted| self.people_started >= wanted)
    }
}

fn select(filter: &str) -> String {
    format!(
        "SELECT n.id, o.id AS organisation_id, n.title, n.description, n.time_commitment, n.status, \
         n.minimum_age, n.maximum_age, o.name AS organisation, o.review_status, o.email AS org_email, \
         o.phone AS org_phone, o.website AS org_website, o.last_verified_on AS org_verified, \
         l.id AS location_id, l.name AS location_name, l.address_1, l.city, l.postal_code, \
         l.accessibility, l.latitude, l.longitude, l.wijk_code, l.gemeente_code, \
         n.tasks, n.not_tasks, n.training, n.support, n.compensation, n.allowance_euros, \
         n.benefit_cleared, n.days, n.hours_per_week, n.contact_name, n.contact_role, \
         n.people_wanted, n.people_started, s.id AS offer_id, s.name AS offer_name, \
         s.waiting_list AS offer_waiting_list \
         FROM needs n JOIN organizations o ON o.id = n.organization_id \
         LEFT JOIN locations l ON l.id = {ROLE_PLACE} \
         LEFT JOIN services s ON s.id = n.service_id {filter}"
    )
}

/// Roles (all, or the given ones); with `any_kind`, every need, for the page a suggestion
/// links to.
async fn roles(db: &Db, only: Scope<'_>, any_kind: bool) -> Result<Vec<RoleRecord>> {
    let kinds = if any_kind {
        String::new()
    } else {
        format!("n.kind IN {ROLE_NEEDS}")
    };
    let filter = match (only, kinds.is_empty()) {
        (Scope::All, true) => String::new(),
        (Scope::All, false) => format!("WHERE {kinds}"),
        (_, true) => own_filter("n", only),
        (_, false) => format!("{} AND {kinds}", own_filter("n", only)),
    };
    Ok(fetch_by_ids!(db, RoleRecord, select(&filter), only))
}

/// Talent names per role, for the words a role is found by.
async fn talent_names(db: &Db, only: Scope<'_>) -> Result<HashMap<Uuid, Vec<String>>> {
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
fn search_status(status: &str, review: &str, filled: bool) -> String {
    match (review, status) {
        ("approved", "open") if filled => "filled".into(),
        ("approved", "open") => "active".into(),
        ("approved", other) => other.into(),
        (review, _) => format!("review:{review}"),
    }
}

/// One search document per role (all, or the given ones; ids that are no role give none).
pub(crate) async fn role_documents(db: &Db, only: Scope<'_>) -> Result<Vec<OfferDoc>> {
    if only.is_empty() {
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
            let description = [
                r.description.as_str(),
                r.tasks.as_str(),
                r.time_commitment.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
            // Roles carry no leefgebied or audience of their own: those their text names, so
            // "ouderen helpen met hun telefoon" finds the role that teaches older people.
            let named = index::Concepts::shipped().read(&format!("{} {description}", r.title));
            let status = search_status(&r.status, &r.review_status, r.is_filled());
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
                min_age: super::sql::age_byte(r.minimum_age),
                max_age: super::sql::age_byte(r.maximum_age),
                days: super::days_from_text(&r.days),
                languages: Vec::new(),
                free: false,
                step_free: false,
                no_referral_needed: true,
                status,
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

/// The records of these roles (any order; ids that are no role are left out).
pub async fn role_records(db: &Db, ids: &[Uuid]) -> Result<Vec<RoleRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    roles(db, Scope::Ids(ids), false).await
}

/// One open need (of any kind) of an approved organisation with its talent names, for its
/// public page; "not found" otherwise.
pub async fn role_page(db: &Db, id: Uuid) -> Result<(RoleRecord, Vec<String>)> {
    let r = roles(db, Scope::Ids(&[id]), true)
        .await?
        .into_iter()
        .next()
        .filter(|r| r.review_status == "approved" && r.status == "open")
        .ok_or(Error::NotFound)?;
    let talents = talent_names(db, Scope::Ids(&[id]))
        .await?
        .remove(&id)
        .unwrap_or_default();
    Ok((r, talents))
}

/// The open volunteer roles of an approved organisation, by title: (id, title, time asked).
pub async fn open_roles_of(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, String, String)>> {
    let sql = format!(
        "SELECT n.id, n.title, n.time_commitment FROM needs n \
         JOIN organizations o ON o.id = n.organization_id \
         WHERE n.organization_id = $1 AND n.status = 'open' AND n.kind IN {ROLE_NEEDS} AND {} \
         ORDER BY n.title, n.id",
        super::PUBLISHED
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(organisation).fetch_all(p).await?))
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
