//! Reading whole records back (for HSDS export and the HSDS API): the mirror of `dataset.rs`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::dataset::{
    CostRecord, Dataset, LocationRecord, NeedRecord, OrganisationRecord, ScheduleRecord,
    ServiceRecord,
};
use super::{on_pool, Db};
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

/// Service ids in a stable order (by name, then id), optionally of one organisation or changed
/// after a moment; for paging.
pub async fn service_ids(
    db: &Db,
    organisation: Option<Uuid>,
    modified_after: Option<DateTime<Utc>>,
) -> Result<Vec<Uuid>> {
    let sql = "SELECT id FROM services WHERE ($1 IS NULL OR organization_id = $1) \
               AND ($2 IS NULL OR updated_at >= $2) ORDER BY name, id";
    Ok(
        on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).bind(modified_after).fetch_all(p).await?),
    )
}

/// Ids of services linked to a taxonomy term, or to any term of a taxonomy.
pub async fn service_ids_with_term(
    db: &Db,
    term: Option<Uuid>,
    taxonomy: Option<&str>,
) -> Result<Vec<Uuid>> {
    let sql = "SELECT DISTINCT st.service_id FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id \
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

fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn filter(column: &str, ids: Option<&[Uuid]>) -> String {
    ids.map(|ids| format!("WHERE {column} IN ({})", placeholders(ids.len().max(1))))
        .unwrap_or_default()
}

macro_rules! rows {
    ($db:expr, $ty:ty, $sql:expr, $ids:expr) => {{
        let sql: String = $sql;
        let rows: Vec<$ty> = on_pool!($db, p => {
            let mut q = sqlx::query_as(&sql);
            match $ids {
                Some(ids) if ids.is_empty() => q = q.bind(Uuid::nil()),
                Some(ids) => { for id in ids { q = q.bind(*id); } }
                None => {}
            }
            q.fetch_all(p).await?
        });
        rows
    }};
}

type ServiceRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    Option<i32>,
    Option<i32>,
    bool,
    String,
    bool,
    bool,
    String,
);
type ServiceRow2 = (
    Uuid,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i32>,
    i32,
    Option<NaiveDate>,
    String,
    String,
);

/// The services (all, or the given ones) with their organisations, locations and links; needs
/// only when loading everything.
pub async fn load_dataset(db: &Db, only: Option<&[Uuid]>) -> Result<Dataset> {
    let services_a: Vec<ServiceRow> = rows!(db, ServiceRow, format!(
        "SELECT id, organization_id, name, description, kind, status, minimum_age, maximum_age, is_free, \
         fees_description, no_referral_needed, keeps_benefit, eligibility_description FROM services {} ORDER BY name, id",
        filter("id", only)), only);
    let services_b: Vec<ServiceRow2> = rows!(db, ServiceRow2, format!(
        "SELECT id, contact_name, email, phone, url, capacity, waiting_list, last_verified_on, source, hsds_extra \
         FROM services {}", filter("id", only)), only);
    let mut more: HashMap<Uuid, ServiceRow2> = services_b.into_iter().map(|r| (r.0, r)).collect();
    let ids: Vec<Uuid> = services_a.iter().map(|r| r.0).collect();
    let scoped = only.map(|_| ids.as_slice());
    let links: Vec<(Uuid, Uuid)> = rows!(
        db,
        (Uuid, Uuid),
        format!(
            "SELECT service_id, location_id FROM service_at_locations {} ORDER BY location_id",
            filter("service_id", scoped)
        ),
        scoped
    );
    let terms: Vec<(Uuid, String, String)> = rows!(db, (Uuid, String, String), format!(
        "SELECT st.service_id, t.taxonomy, t.code FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id {} \
         ORDER BY t.taxonomy, t.code", filter("st.service_id", scoped)), scoped);
    let languages: Vec<(Uuid, String)> = rows!(
        db,
        (Uuid, String),
        format!(
            "SELECT service_id, code FROM service_languages {} ORDER BY code",
            filter("service_id", scoped)
        ),
        scoped
    );
    let schedules: Vec<(Uuid, i32, String, String, String)> = rows!(
        db,
        (Uuid, i32, String, String, String),
        format!(
            "SELECT service_id, weekday, opens_at, closes_at, description FROM schedules {} \
         ORDER BY weekday, opens_at, closes_at, description",
            filter("service_id", scoped)
        ),
        scoped
    );
    let costs: Vec<(Uuid, String, Option<f64>, String)> = rows!(
        db,
        (Uuid, String, Option<f64>, String),
        format!(
            "SELECT service_id, option, amount, amount_description FROM cost_options {} \
         ORDER BY option, amount, amount_description",
            filter("service_id", scoped)
        ),
        scoped
    );

    let mut data = Dataset::default();
    let mut org_ids: Vec<Uuid> = Vec::new();
    for r in services_a {
        let (
            _,
            contact_name,
            email,
            phone,
            url,
            capacity,
            waiting_list,
            last_verified_on,
            source,
            extra,
        ) = more.remove(&r.0).unwrap_or((
            r.0,
            None,
            None,
            None,
            None,
            None,
            0,
            None,
            String::new(),
            String::new(),
        ));
        if !org_ids.contains(&r.1) {
            org_ids.push(r.1);
        }
        let id = r.0;
        data.services.push(ServiceRecord {
            id,
            organization_id: r.1,
            name: r.2,
            description: r.3,
            kind: r.4,
            status: r.5,
            minimum_age: r.6,
            maximum_age: r.7,
            is_free: r.8,
            fees_description: r.9,
            no_referral_needed: r.10,
            keeps_benefit: r.11,
            eligibility_description: r.12,
            contact_name,
            email,
            phone,
            url,
            capacity,
            waiting_list,
            last_verified_on,
            source,
            location_ids: links.iter().filter(|l| l.0 == id).map(|l| l.1).collect(),
            terms: terms
                .iter()
                .filter(|t| t.0 == id)
                .map(|t| (t.1.clone(), t.2.clone()))
                .collect(),
            languages: languages
                .iter()
                .filter(|l| l.0 == id)
                .map(|l| l.1.clone())
                .collect(),
            schedules: schedules
                .iter()
                .filter(|s| s.0 == id)
                .map(|s| ScheduleRecord {
                    weekday: s.1 as u8,
                    opens_at: s.2.clone(),
                    closes_at: s.3.clone(),
                    description: s.4.clone(),
                })
                .collect(),
            costs: costs
                .iter()
                .filter(|c| c.0 == id)
                .map(|c| CostRecord {
                    option: c.1.clone(),
                    amount: c.2,
                    amount_description: c.3.clone(),
                })
                .collect(),
            extra,
        });
        if let Some(last) = data.services.last_mut() {
            last.normalise();
        }
    }
    let org_scope = only.map(|_| org_ids.as_slice());
    type OrgRow = (
        Uuid,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<NaiveDate>,
        String,
        String,
    );
    let orgs: Vec<OrgRow> = rows!(db, OrgRow, format!(
        "SELECT id, name, description, email, website, phone, last_verified_on, source, hsds_extra FROM organizations {} ORDER BY name, id",
        filter("id", org_scope)), org_scope);
    data.organisations = orgs
        .into_iter()
        .map(|o| OrganisationRecord {
            id: o.0,
            name: o.1,
            description: o.2,
            email: o.3,
            website: o.4,
            phone: o.5,
            last_verified_on: o.6,
            source: o.7,
            extra: o.8,
        })
        .collect();
    let mut location_ids: Vec<Uuid> = links.iter().map(|l| l.1).collect();
    location_ids.sort();
    location_ids.dedup();
    let loc_scope = only.map(|_| location_ids.as_slice());
    type LocRow = (
        Uuid,
        Uuid,
        String,
        String,
        String,
        String,
        Option<f64>,
        Option<f64>,
        String,
        String,
        String,
    );
    let locations: Vec<LocRow> = rows!(db, LocRow, format!(
        "SELECT id, organization_id, name, address_1, postal_code, city, latitude, longitude, accessibility, \
         transportation, hsds_extra FROM locations {} ORDER BY name, id", filter("id", loc_scope)), loc_scope);
    data.locations = locations
        .into_iter()
        .map(|l| LocationRecord {
            id: l.0,
            organization_id: l.1,
            name: l.2,
            address_1: l.3,
            postal_code: l.4,
            city: l.5,
            latitude: l.6,
            longitude: l.7,
            accessibility: l.8,
            transportation: l.9,
            extra: l.10,
        })
        .collect();
    if only.is_none() {
        data.needs = load_needs(db).await?;
    }
    Ok(data)
}

async fn load_needs(db: &Db) -> Result<Vec<NeedRecord>> {
    type NeedRow = (
        Uuid,
        Uuid,
        Option<Uuid>,
        Option<Uuid>,
        String,
        String,
        String,
        Option<i32>,
        Option<i32>,
        String,
        Option<i32>,
    );
    let sql = "SELECT id, organization_id, service_id, location_id, kind, title, description, minimum_age, maximum_age, \
               time_commitment, people_wanted FROM needs WHERE status = 'open' ORDER BY title, id";
    let needs: Vec<NeedRow> = on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?);
    let talents_sql = "SELECT nt.need_id, t.code FROM need_talents nt JOIN taxonomy_terms t ON t.id = nt.term_id ORDER BY t.code";
    let talents: Vec<(Uuid, String)> =
        on_pool!(db, p => sqlx::query_as(talents_sql).fetch_all(p).await?);
    Ok(needs
        .into_iter()
        .map(|n| NeedRecord {
            id: n.0,
            organization_id: n.1,
            service_id: n.2,
            location_id: n.3,
            kind: n.4,
            title: n.5,
            description: n.6,
            minimum_age: n.7,
            maximum_age: n.8,
            time_commitment: n.9,
            people_wanted: n.10,
            talents: talents
                .iter()
                .filter(|t| t.0 == n.0)
                .map(|t| t.1.clone())
                .collect(),
        })
        .collect())
}
