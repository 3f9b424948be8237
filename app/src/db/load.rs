//! Reading whole records back (for HSDS export and the HSDS API): the mirror of `dataset.rs`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::dataset::{
    days_from_text, ClosureRecord, CostRecord, Dataset, LocationRecord, NeedRecord,
    OrganisationRecord, ScheduleRecord, ServiceRecord,
};
use super::sql::{fetch_by_ids, id_filter, placeholders};
use super::{on_pool, Db};
use crate::domain::Compensation;
use crate::Result;

/// A taxonomy term as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TermRecord {
    /// Its id.
    pub id: Uuid,
    /// Taxonomy name ("leefgebied", or an imported taxonomy).
    pub taxonomy: String,
    /// Code within the taxonomy.
    pub code: String,
    /// Name people read.
    pub name: String,
    /// Longer description.
    pub description: String,
}

/// Saves imported taxonomy terms (upsert by id).
pub async fn save_terms(db: &Db, terms: &[TermRecord]) -> Result<()> {
    let sql = "INSERT INTO taxonomy_terms (id, taxonomy, code, name, description) VALUES ($1, $2, $3, $4, $5) \
               ON CONFLICT (id) DO UPDATE SET taxonomy = excluded.taxonomy, code = excluded.code, \
               name = excluded.name, description = excluded.description";
    on_pool!(db, p => {
        let mut tx = p.begin().await?;
        for t in terms {
            sqlx::query(sql).bind(t.id).bind(&t.taxonomy).bind(&t.code).bind(&t.name).bind(&t.description)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

/// Every taxonomy term, sorted by taxonomy and name.
pub async fn load_terms(db: &Db) -> Result<Vec<TermRecord>> {
    let sql = "SELECT id, taxonomy, code, name, description FROM taxonomy_terms ORDER BY taxonomy, name, id";
    Ok(on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?))
}

/// Ids of services linked to a taxonomy term, or to any term of a taxonomy.
pub async fn service_ids_with_term(
    db: &Db,
    term: Option<Uuid>,
    taxonomy: Option<&str>,
) -> Result<Vec<Uuid>> {
    // Needs are exported as services too: their talents count as their terms.
    let sql = "SELECT st.service_id FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id \
               WHERE ($1 IS NULL OR t.id = $1) AND ($2 IS NULL OR t.taxonomy = $2) \
               UNION SELECT nt.need_id FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id \
               WHERE ($1 IS NULL OR t.id = $1) AND ($2 IS NULL OR t.taxonomy = $2)";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(term).bind(taxonomy).fetch_all(p).await?))
}

/// When each service last changed.
pub async fn service_modified(db: &Db, ids: &[Uuid]) -> Result<HashMap<Uuid, DateTime<Utc>>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT id, updated_at FROM services WHERE id IN ({})",
        placeholders(ids.len())
    );
    let rows: Vec<(Uuid, DateTime<Utc>)> = on_pool!(db, p => {
        let mut q = sqlx::query_as(&sql);
        for id in ids { q = q.bind(id); }
        q.fetch_all(p).await?
    });
    Ok(rows.into_iter().collect())
}

#[derive(sqlx::FromRow)]
struct ServiceRow {
    id: Uuid,
    organization_id: Uuid,
    name: String,
    description: String,
    kind: String,
    status: String,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
    is_free: bool,
    fees_description: String,
    no_referral_needed: bool,
    keeps_benefit: bool,
    eligibility_description: String,
    contact_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    url: Option<String>,
    capacity: Option<i32>,
    waiting_list: i32,
    last_verified_on: Option<NaiveDate>,
    source: String,
    hsds_extra: String,
}

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: Uuid,
    name: String,
    description: String,
    email: Option<String>,
    website: Option<String>,
    phone: Option<String>,
    last_verified_on: Option<NaiveDate>,
    source: String,
    hsds_extra: String,
    partner_kind: String,
}

#[derive(sqlx::FromRow)]
struct LocationRow {
    id: Uuid,
    organization_id: Uuid,
    name: String,
    address_1: String,
    postal_code: String,
    city: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    accessibility: String,
    transportation: String,
    hsds_extra: String,
    access: String,
}

/// Groups child rows by their first column (the owner's id), keeping their order.
fn group<T>(rows: Vec<(Uuid, T)>) -> HashMap<Uuid, Vec<T>> {
    let mut map: HashMap<Uuid, Vec<T>> = HashMap::new();
    for (owner, row) in rows {
        map.entry(owner).or_default().push(row);
    }
    map
}

/// Organisations by id, ordered by name.
pub async fn load_organisations(db: &Db, ids: &[Uuid]) -> Result<Vec<OrganisationRecord>> {
    organisations_in(db, Some(ids)).await
}

/// Organisations by id (`None`: all), ordered by name.
async fn organisations_in(db: &Db, scope: Option<&[Uuid]>) -> Result<Vec<OrganisationRecord>> {
    let orgs: Vec<OrganisationRow> = fetch_by_ids!(
        db,
        OrganisationRow,
        format!(
        "SELECT id, name, description, email, website, phone, last_verified_on, source, hsds_extra, \
         partner_kind FROM organizations {} ORDER BY name, id", id_filter("id", scope)),
        scope
    );
    Ok(orgs.into_iter().map(OrganisationRow::into_record).collect())
}

impl OrganisationRow {
    fn into_record(self) -> OrganisationRecord {
        OrganisationRecord {
            id: self.id,
            name: self.name,
            description: self.description,
            email: self.email,
            website: self.website,
            phone: self.phone,
            last_verified_on: self.last_verified_on,
            source: self.source,
            extra: self.hsds_extra,
            partner_kind: self.partner_kind,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ScheduleRow {
    service_id: Uuid,
    weekday: i32,
    opens_at: String,
    closes_at: String,
    description: String,
    rrule: String,
    dtstart: Option<NaiveDate>,
}

/// The services and open needs (all, or the given ones) with their organisations, locations
/// and links.
pub async fn load_dataset(db: &Db, only: Option<&[Uuid]>) -> Result<Dataset> {
    let services: Vec<ServiceRow> = fetch_by_ids!(db, ServiceRow, format!(
        "SELECT id, organization_id, name, description, kind, status, minimum_age, maximum_age, is_free, \
         fees_description, no_referral_needed, keeps_benefit, eligibility_description, contact_name, email, \
         phone, url, capacity, waiting_list, last_verified_on, source, hsds_extra FROM services {} ORDER BY name, id",
        id_filter("id", only)), only);
    let ids: Vec<Uuid> = services.iter().map(|r| r.id).collect();
    let scoped = only.map(|_| ids.as_slice());
    let mut links = group(fetch_by_ids!(
        db,
        (Uuid, Uuid),
        format!(
            "SELECT service_id, location_id FROM service_at_locations {}",
            id_filter("service_id", scoped)
        ),
        scoped
    ));
    let mut terms = group(fetch_by_ids!(db, (Uuid, String, String), format!(
        "SELECT st.service_id, t.taxonomy, t.code FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id {} \
         ORDER BY t.taxonomy, t.code", id_filter("st.service_id", scoped)), scoped)
        .into_iter().map(|(id, t, c)| (id, (t, c))).collect());
    let mut languages = group(fetch_by_ids!(
        db,
        (Uuid, String),
        format!(
            "SELECT service_id, code FROM service_languages {} ORDER BY code",
            id_filter("service_id", scoped)
        ),
        scoped
    ));
    let mut schedules = group(
        fetch_by_ids!(
            db,
            ScheduleRow,
            format!(
                "SELECT service_id, weekday, opens_at, closes_at, description, rrule, dtstart FROM schedules {}",
                id_filter("service_id", scoped)
            ),
            scoped
        )
        .into_iter()
        .map(|r| {
            (
                r.service_id,
                ScheduleRecord {
                    weekday: r.weekday as u8,
                    opens_at: r.opens_at,
                    closes_at: r.closes_at,
                    description: r.description,
                    rule: r.rrule,
                    dtstart: r.dtstart,
                },
            )
        })
        .collect(),
    );
    let mut closures = group(
        fetch_by_ids!(
            db,
            (Uuid, NaiveDate, NaiveDate, String),
            format!(
                "SELECT service_id, starts_on, ends_on, description FROM service_closures {}",
                id_filter("service_id", scoped)
            ),
            scoped
        )
        .into_iter()
        .map(|(id, starts_on, ends_on, description)| {
            (
                id,
                ClosureRecord {
                    starts_on,
                    ends_on,
                    description,
                },
            )
        })
        .collect(),
    );
    let mut costs = group(
        fetch_by_ids!(
            db,
            (Uuid, String, Option<f64>, String),
            format!(
                "SELECT service_id, option, amount, amount_description FROM cost_options {}",
                id_filter("service_id", scoped)
            ),
            scoped
        )
        .into_iter()
        .map(|(id, option, amount, amount_description)| {
            (
                id,
                CostRecord {
                    option,
                    amount,
                    amount_description,
                },
            )
        })
        .collect(),
    );

    let mut data = Dataset {
        needs: load_needs(db, only).await?,
        ..Dataset::default()
    };
    let mut org_ids: Vec<Uuid> = data.needs.iter().map(|n| n.organization_id).collect();
    let mut location_ids: Vec<Uuid> = data.needs.iter().filter_map(|n| n.location_id).collect();
    for r in services {
        if !org_ids.contains(&r.organization_id) {
            org_ids.push(r.organization_id);
        }
        let own_links = links.remove(&r.id).unwrap_or_default();
        location_ids.extend(&own_links);
        let mut service = ServiceRecord {
            id: r.id,
            organization_id: r.organization_id,
            name: r.name,
            description: r.description,
            kind: r.kind,
            status: r.status,
            minimum_age: r.minimum_age,
            maximum_age: r.maximum_age,
            is_free: r.is_free,
            fees_description: r.fees_description,
            no_referral_needed: r.no_referral_needed,
            keeps_benefit: r.keeps_benefit,
            eligibility_description: r.eligibility_description,
            contact_name: r.contact_name,
            email: r.email,
            phone: r.phone,
            url: r.url,
            capacity: r.capacity,
            waiting_list: r.waiting_list,
            last_verified_on: r.last_verified_on,
            source: r.source,
            location_ids: own_links,
            terms: terms.remove(&r.id).unwrap_or_default(),
            languages: languages.remove(&r.id).unwrap_or_default(),
            schedules: schedules.remove(&r.id).unwrap_or_default(),
            closures: closures.remove(&r.id).unwrap_or_default(),
            costs: costs.remove(&r.id).unwrap_or_default(),
            extra: r.hsds_extra,
        };
        service.normalise();
        data.services.push(service);
    }
    org_ids.sort();
    org_ids.dedup();
    data.organisations = organisations_in(db, only.map(|_| org_ids.as_slice())).await?;
    location_ids.sort();
    location_ids.dedup();
    let loc_scope = only.map(|_| location_ids.as_slice());
    let locations: Vec<LocationRow> = fetch_by_ids!(db, LocationRow, format!(
        "SELECT id, organization_id, name, address_1, postal_code, city, latitude, longitude, accessibility, \
         transportation, hsds_extra, access FROM locations {} ORDER BY name, id", id_filter("id", loc_scope)), loc_scope);
    data.locations = locations
        .into_iter()
        .map(|l| LocationRecord {
            id: l.id,
            organization_id: l.organization_id,
            name: l.name,
            address_1: l.address_1,
            postal_code: l.postal_code,
            city: l.city,
            latitude: l.latitude,
            longitude: l.longitude,
            accessibility: l.accessibility,
            transportation: l.transportation,
            access: l.access,
            extra: l.hsds_extra,
        })
        .collect();
    Ok(data)
}

/// A stored need with its columns as read; [`NeedRow::record`] adds its talents.
#[derive(sqlx::FromRow)]
pub(super) struct NeedRow {
    id: Uuid,
    organization_id: Uuid,
    service_id: Option<Uuid>,
    location_id: Option<Uuid>,
    kind: String,
    title: String,
    description: String,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
    time_commitment: String,
    people_wanted: Option<i32>,
    tasks: String,
    not_tasks: String,
    training: String,
    support: String,
    compensation: String,
    allowance_euros: Option<i32>,
    benefit_cleared: bool,
    days: String,
    hours_per_week: Option<i32>,
    contact_name: String,
    contact_role: String,
    pub(super) status: String,
}

/// The columns of [`NeedRow`], for `SELECT {NEED_COLUMNS} FROM needs`.
pub(super) const NEED_COLUMNS: &str = "id, organization_id, service_id, location_id, kind, title, \
    description, minimum_age, maximum_age, time_commitment, people_wanted, tasks, not_tasks, \
    training, support, compensation, allowance_euros, benefit_cleared, days, hours_per_week, \
    contact_name, contact_role, status";

impl NeedRow {
    pub(super) fn record(self, talents: Vec<String>) -> NeedRecord {
        NeedRecord {
            id: self.id,
            organization_id: self.organization_id,
            service_id: self.service_id,
            location_id: self.location_id,
            kind: self.kind,
            title: self.title,
            description: self.description,
            minimum_age: self.minimum_age,
            maximum_age: self.maximum_age,
            time_commitment: self.time_commitment,
            people_wanted: self.people_wanted,
            talents,
            tasks: self.tasks,
            not_tasks: self.not_tasks,
            training: self.training,
            support: self.support,
            compensation: Compensation::parse(&self.compensation).unwrap_or_default(),
            allowance_euros: self.allowance_euros,
            benefit_cleared: self.benefit_cleared,
            days: days_from_text(&self.days),
            hours_per_week: self.hours_per_week,
            contact_name: self.contact_name,
            contact_role: self.contact_role,
        }
    }
}

async fn load_needs(db: &Db, only: Option<&[Uuid]>) -> Result<Vec<NeedRecord>> {
    let filter = match only {
        Some(_) => format!("{} AND status = 'open'", id_filter("id", only)),
        None => "WHERE status = 'open'".into(),
    };
    let needs: Vec<NeedRow> = fetch_by_ids!(
        db,
        NeedRow,
        format!("SELECT {NEED_COLUMNS} FROM needs {filter} ORDER BY title, id"),
        only
    );
    let talents: Vec<(Uuid, String)> = fetch_by_ids!(db, (Uuid, String), format!(
        "SELECT nt.need_id, t.code FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id {} ORDER BY t.code",
        id_filter("nt.need_id", only)), only);
    let mut by_need: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (need, code) in talents {
        by_need.entry(need).or_default().push(code);
    }
    Ok(needs
        .into_iter()
        .map(|n| {
            let talents = by_need.remove(&n.id).unwrap_or_default();
            n.record(talents)
        })
        .collect())
}
