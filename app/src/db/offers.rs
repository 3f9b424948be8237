//! Reading offers: for the search index, for result cards and for the detail page.

use std::collections::HashMap;

use chrono::NaiveDate;
use index::{Geocoder, OfferDoc};
use uuid::Uuid;

use super::dataset::CostRecord;
use super::sql::age_byte;
use super::sql::{fetch_by_ids, id_filter, own_filter, placeholders, Scope, Stretch};
use super::{on_pool, Db};
use crate::{Error, Result};

#[derive(sqlx::FromRow)]
struct DocRow {
    service_id: Uuid,
    location_id: Option<Uuid>,
    name: String,
    organisation: String,
    description: String,
    kind: String,
    status: String,
    is_free: bool,
    no_referral_needed: bool,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    wijk_code: Option<String>,
    gemeente_code: Option<String>,
    city: Option<String>,
    last_verified_on: Option<NaiveDate>,
    review_status: String,
    access: Option<String>,
}

#[derive(sqlx::FromRow)]
struct TermRow {
    service_id: Uuid,
    taxonomy: String,
    code: String,
    name: String,
}

async fn service_terms(db: &Db, only: Uuid) -> Result<Vec<TermRow>> {
    let sql = "SELECT st.service_id, t.taxonomy, t.code, t.name FROM service_terms st \
               JOIN taxonomy_terms t ON t.id = st.term_id WHERE st.service_id = $1 \
               ORDER BY t.taxonomy, t.name";
    Ok(on_pool!(db, p => sqlx::query_as::<_, TermRow>(sql).bind(only).fetch_all(p).await?))
}

/// One search document per offer at each of its locations (or one without a location), and
/// one per volunteer role; all, or only the given ids (for incremental updates; an id without
/// rows has no docs).
pub async fn index_documents(db: &Db, only: Option<&[Uuid]>) -> Result<Vec<OfferDoc>> {
    let mut docs = offer_documents(db, only.into()).await?;
    docs.extend(super::roles::role_documents(db, only.into()).await?);
    Ok(docs)
}

/// What a page of a streamed rebuild reads: offers first, then volunteer roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentSource {
    Offers,
    Roles,
}

/// Where a streamed rebuild of one [`DocumentSource`] is: pages follow the order its table
/// stores rows in (see [`Stretch`]), about `rows` rows per page.
#[derive(Debug, Clone)]
pub struct RebuildPages {
    source: DocumentSource,
    /// The next rowid (SQLite) or block (PostgreSQL) to read.
    next: i64,
    /// Past the last one, when the rebuild started: rows written later are in the change
    /// log after the position the rebuild read first, and the follower adds them.
    end: i64,
    step: i64,
}

impl DocumentSource {
    fn table(self) -> &'static str {
        match self {
            DocumentSource::Offers => "services",
            DocumentSource::Roles => "needs",
        }
    }
}

/// The pages of a streamed rebuild of `source`, about `rows` rows each.
pub async fn rebuild_pages(db: &Db, source: DocumentSource, rows: u32) -> Result<RebuildPages> {
    let table = source.table();
    let rows = i64::from(rows.max(1));
    let (end, step) = match db {
        Db::Sqlite(p) => {
            let sql = format!("SELECT COALESCE(MAX(rowid), 0) + 1 FROM {table}");
            (sqlx::query_scalar(&sql).fetch_one(p).await?, rows)
        }
        Db::Postgres(p) => {
            let sql = format!(
                "SELECT pg_relation_size('{table}') / current_setting('block_size')::bigint, \
                 (SELECT COUNT(*) FROM {table})"
            );
            let (blocks, count): (i64, i64) = sqlx::query_as(&sql).fetch_one(p).await?;
            // As many blocks as hold about `rows` rows; at least one.
            let step = ((rows * blocks + count.max(1) - 1) / count.max(1)).max(1);
            (blocks + 1, step)
        }
    };
    Ok(RebuildPages {
        source,
        next: 0,
        end,
        step,
    })
}

/// The documents of the next page (each offer with all its locations), `None` after the
/// last. Memory holds one page instead of every document.
pub async fn index_documents_page(
    db: &Db,
    pages: &mut RebuildPages,
) -> Result<Option<Vec<OfferDoc>>> {
    if pages.next >= pages.end {
        return Ok(None);
    }
    let (from, to) = (pages.next, pages.next + pages.step);
    pages.next = to;
    let (condition, from, to) = match db {
        Db::Sqlite(_) => (
            "{t}.rowid >= CAST($1 AS INTEGER) AND {t}.rowid < CAST($2 AS INTEGER)",
            from.to_string(),
            to.to_string(),
        ),
        Db::Postgres(_) => (
            "{t}.ctid >= $1::tid AND {t}.ctid < $2::tid",
            format!("({from},0)"),
            format!("({to},0)"),
        ),
    };
    let stretch = Stretch {
        table: pages.source.table(),
        condition,
        from,
        to,
    };
    let docs = match pages.source {
        DocumentSource::Offers => offer_documents(db, Scope::Stored(&stretch)).await?,
        DocumentSource::Roles => super::roles::role_documents(db, Scope::Stored(&stretch)).await?,
    };
    Ok(Some(docs))
}

async fn offer_documents(db: &Db, only: Scope<'_>) -> Result<Vec<OfferDoc>> {
    if only.is_empty() {
        return Ok(Vec::new());
    }
    // The organisation is looked up per offer (every offer has one): as a join, PostgreSQL
    // hashed all million organisations for every page of a rebuild (137 ms a page, against
    // 60 ms this way).
    let sql = format!(
        "SELECT s.id AS service_id, l.id AS location_id, s.name, \
         (SELECT o.name FROM organizations o WHERE o.id = s.organization_id) AS organisation, \
         s.description, s.kind, s.status, s.is_free, s.no_referral_needed, s.minimum_age, \
         s.maximum_age, l.latitude, l.longitude, l.wijk_code, l.gemeente_code, l.city, \
         s.last_verified_on, \
         (SELECT o.review_status FROM organizations o WHERE o.id = s.organization_id) AS review_status, \
         l.access \
         FROM services s \
         LEFT JOIN service_at_locations sal ON sal.service_id = s.id \
         LEFT JOIN locations l ON l.id = sal.location_id {}",
        own_filter("s", only)
    );
    let terms_sql = format!(
        "SELECT st.service_id, t.taxonomy, t.code, t.name FROM service_terms st \
         JOIN taxonomy_terms t ON t.id = st.term_id {} ORDER BY t.taxonomy, t.name",
        id_filter("st.service_id", only)
    );
    let days_sql = format!(
        "SELECT DISTINCT service_id, weekday FROM schedules {}",
        id_filter("service_id", only)
    );
    let languages_sql = format!(
        "SELECT service_id, code FROM service_languages {} ORDER BY code",
        id_filter("service_id", only)
    );
    // The four reads at once, each on a connection of its own: a rebuild from PostgreSQL
    // otherwise waits for one round trip after another (about half of its time).
    let (rows, term_rows, day_rows, language_rows) = tokio::try_join!(
        async { Ok::<_, crate::Error>(fetch_by_ids!(db, DocRow, sql, only)) },
        async { Ok::<_, crate::Error>(fetch_by_ids!(db, TermRow, terms_sql, only)) },
        async { Ok::<_, crate::Error>(fetch_by_ids!(db, (Uuid, i32), days_sql, only)) },
        async { Ok::<_, crate::Error>(fetch_by_ids!(db, (Uuid, String), languages_sql, only)) },
    )?;
    let mut terms: HashMap<Uuid, Vec<TermRow>> = HashMap::new();
    for t in term_rows {
        terms.entry(t.service_id).or_default().push(t);
    }
    let mut days: HashMap<Uuid, Vec<u8>> = HashMap::new();
    for (id, day) in day_rows {
        days.entry(id).or_default().push(day as u8);
    }
    let mut languages: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (id, code) in language_rows {
        languages.entry(id).or_default().push(code);
    }
    let geocoder = Geocoder::embedded();
    let today = chrono::Utc::now().date_naive();
    Ok(rows
        .into_iter()
        .map(|r| {
            let own = terms
                .get(&r.service_id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            // Read only when a taxonomy has no terms, and then once for both.
            let named = std::cell::OnceCell::new();
            let codes = |taxonomy: &str| {
                derived_if_none(own, taxonomy, || {
                    named.get_or_init(|| {
                        index::Concepts::shipped().read(&format!("{} {}", r.name, r.description))
                    })
                })
            };
            let (leefgebieden, doelgroepen) = (codes("leefgebied"), codes("doelgroep"));
            let mut keywords: Vec<String> = own.iter().map(|t| t.name.clone()).collect();
            keywords.extend(r.city.clone());
            keywords.extend(r.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)));
            let mut own_days = days.get(&r.service_id).cloned().unwrap_or_default();
            own_days.sort_unstable();
            OfferDoc {
                offer_id: r.service_id,
                location_id: r.location_id,
                name: r.name,
                organisation: r.organisation,
                description: r.description,
                kind: r.kind,
                leefgebieden,
                doelgroepen,
                keywords,
                lat: r.latitude,
                lon: r.longitude,
                wijk_code: r.wijk_code,
                gemeente_code: r.gemeente_code,
                min_age: age_byte(r.minimum_age),
                max_age: age_byte(r.maximum_age),
                days: own_days,
                languages: languages.get(&r.service_id).cloned().unwrap_or_default(),
                free: r.is_free,
                step_free: r.access.as_deref().is_some_and(|a| {
                    index::matching::Access::parse(a).step_free == index::matching::StepFree::Yes
                }),
                no_referral_needed: r.no_referral_needed,
                status: search_status(&r.status, &r.review_status, r.last_verified_on, today),
            }
        })
        .collect())
}

/// The codes of `taxonomy` an offer has; when it has none (a register with other terms, or
/// none at all), those its own name and description name. Derived codes are never stored: the
/// offer keeps the terms it came with, and a better concept list improves it on the next start.
fn derived_if_none<'a>(
    own: &[TermRow],
    taxonomy: &str,
    named: impl FnOnce() -> &'a index::Named<'static>,
) -> Vec<String> {
    let codes: Vec<String> = own
        .iter()
        .filter(|t| t.taxonomy == taxonomy)
        .map(|t| t.code.clone())
        .collect();
    if codes.is_empty() {
        named().codes(taxonomy)
    } else {
        codes
    }
}

/// A listing is marked after this many months without a check, and hidden after [`HIDE_MONTHS`].
pub const MARK_MONTHS: u32 = 6;
/// See [`MARK_MONTHS`].
pub const HIDE_MONTHS: u32 = 9;

/// How fresh a listing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Checked recently (or never tracked, as with some imports).
    Fresh,
    /// Over six months: shown with a note, the provider is reminded.
    Overdue,
    /// Over nine months: hidden from search until someone confirms it.
    Hidden,
}

/// The freshness of a listing last checked on `verified`.
pub fn freshness(verified: Option<NaiveDate>, today: NaiveDate) -> Freshness {
    let Some(verified) = verified else {
        return Freshness::Fresh;
    };
    let months_ago = |m| today.checked_sub_months(chrono::Months::new(m));
    if months_ago(HIDE_MONTHS).is_some_and(|limit| verified < limit) {
        Freshness::Hidden
    } else if months_ago(MARK_MONTHS).is_some_and(|limit| verified < limit) {
        Freshness::Overdue
    } else {
        Freshness::Fresh
    }
}

/// The status the search index gets: not active while the organisation awaits approval or is
/// archived, or while the listing is long overdue.
fn search_status(
    status: &str,
    review: &str,
    verified: Option<NaiveDate>,
    today: NaiveDate,
) -> String {
    if review != "approved" {
        return format!("review:{review}");
    }
    if freshness(verified, today) == Freshness::Hidden {
        return "overdue".into();
    }
    status.to_string()
}

/// How many documents [`index_documents`] returns.
pub async fn index_documents_count(db: &Db) -> Result<u64> {
    let sql = "SELECT COUNT(*) FROM services s LEFT JOIN service_at_locations sal ON sal.service_id = s.id";
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(sql).fetch_one(p).await?);
    Ok(n.max(0) as u64 + super::roles::role_documents_count(db).await?)
}

/// An offer as a result card needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CardRecord {
    pub id: Uuid,
    pub name: String,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub kind: String,
    pub description: String,
    pub is_free: bool,
    pub minimum_age: Option<i32>,
    pub maximum_age: Option<i32>,
}

/// A place where an offer takes place.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlaceRecord {
    pub service_id: Uuid,
    pub id: Uuid,
    pub name: String,
    pub address_1: String,
    pub city: String,
    pub postal_code: String,
    pub gemeente_code: Option<String>,
    pub wijk_code: Option<String>,
    pub accessibility: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Structured access codes.
    pub access: String,
}

/// One time slot of an offer's schedule (weekly, or by its rule).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SlotRecord {
    pub service_id: Uuid,
    pub weekday: i32,
    pub opens_at: String,
    pub closes_at: String,
    pub rrule: String,
    pub dtstart: Option<NaiveDate>,
}

/// The card records of these offers (any order; unknown ids are left out).
pub async fn card_records(db: &Db, ids: &[Uuid]) -> Result<Vec<CardRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT s.id, s.name, o.id AS organisation_id, o.name AS organisation, s.kind, \
         s.description, s.is_free, s.minimum_age, s.maximum_age \
         FROM services s JOIN organizations o ON o.id = s.organization_id WHERE s.id IN ({})",
        placeholders(ids.len())
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, CardRecord>(&sql);
        for id in ids { q = q.bind(id); }
        q.fetch_all(p).await?
    }))
}

/// The columns of a [`PlaceRecord`] besides `service_id`, from `locations l`.
const PLACE_COLUMNS: &str = "l.id, l.name, l.address_1, l.city, l.postal_code, l.gemeente_code, \
    l.wijk_code, l.accessibility, l.latitude, l.longitude, l.access";

/// The places of these offers, by name.
pub async fn places_of(db: &Db, ids: &[Uuid]) -> Result<Vec<PlaceRecord>> {
    let sql = format!(
        "SELECT sal.service_id, {PLACE_COLUMNS} FROM service_at_locations sal \
         JOIN locations l ON l.id = sal.location_id WHERE sal.service_id IN ({}) ORDER BY l.name",
        placeholders(ids.len())
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, PlaceRecord>(&sql);
        for id in ids { q = q.bind(id); }
        q.fetch_all(p).await?
    }))
}

/// The schedule slots of these offers, Monday first.
pub async fn slots_of(db: &Db, ids: &[Uuid]) -> Result<Vec<SlotRecord>> {
    let sql = format!(
        "SELECT service_id, weekday, opens_at, closes_at, rrule, dtstart FROM schedules \
         WHERE service_id IN ({}) ORDER BY weekday, opens_at",
        placeholders(ids.len())
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, SlotRecord>(&sql);
        for id in ids { q = q.bind(id); }
        q.fetch_all(p).await?
    }))
}

/// An offer as its public page needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PageRecord {
    pub name: String,
    pub description: String,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub kind: String,
    pub status: String,
    pub minimum_age: Option<i32>,
    pub maximum_age: Option<i32>,
    pub is_free: bool,
    pub fees_description: String,
    pub no_referral_needed: bool,
    pub keeps_benefit: bool,
    pub eligibility_description: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub waiting_list: i32,
    pub last_verified_on: Option<NaiveDate>,
}

/// Everything stored about one public offer for its page, in records.
#[derive(Debug, Clone)]
pub struct OfferPage {
    pub offer: PageRecord,
    /// (taxonomy, name) of its terms.
    pub terms: Vec<(String, String)>,
    /// Language codes.
    pub languages: Vec<String>,
    pub costs: Vec<CostRecord>,
    pub places: Vec<PlaceRecord>,
    pub slots: Vec<SlotRecord>,
    /// Closed periods that have not ended on `today`: (from, to, why).
    pub closures: Vec<(NaiveDate, NaiveDate, String)>,
    /// People can just walk in (`kenmerk:vrije-inloop`): no sign-up.
    pub walk_in: bool,
    /// Someone of the organisation has an account here, so a sign-up is read.
    pub has_accounts: bool,
}

/// Everything about one public offer, for its page; "not found" when it is not public (its
/// organisation is not approved, or it has stopped). Closures are those not ended on `today`.
pub async fn offer_page(db: &Db, id: Uuid, today: NaiveDate) -> Result<OfferPage> {
    // Offers of organisations that are not approved have no public page.
    let sql = format!(
        "SELECT s.name, s.description, o.id AS organisation_id, o.name AS organisation, s.kind, \
         s.status, s.minimum_age, \
         s.maximum_age, s.is_free, s.fees_description, s.no_referral_needed, s.keeps_benefit, \
         s.eligibility_description, s.contact_name, s.email, s.phone, s.url, s.waiting_list, \
         s.last_verified_on FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE s.id = $1 AND {}",
        super::PUBLISHED
    );
    let offer =
        on_pool!(db, p => sqlx::query_as::<_, PageRecord>(&sql).bind(id).fetch_optional(p).await?)
            .ok_or(Error::NotFound)?;
    // Stopped offers have no public page either.
    if offer.status == "defunct" {
        return Err(Error::NotFound);
    }
    let term_rows = service_terms(db, id).await?;
    let walk_in = term_rows
        .iter()
        .any(|t| t.taxonomy == "kenmerk" && t.code == WALK_IN);
    let terms = term_rows
        .into_iter()
        .map(|t| (t.taxonomy, t.name))
        .collect();
    let has_accounts = organisation_has_accounts(db, offer.organisation_id).await?;
    let languages_sql = "SELECT code FROM service_languages WHERE service_id = $1 ORDER BY code";
    let languages: Vec<String> =
        on_pool!(db, p => sqlx::query_scalar(languages_sql).bind(id).fetch_all(p).await?);
    let costs_sql =
        "SELECT option, amount, amount_description FROM cost_options WHERE service_id = $1";
    let costs: Vec<CostRecord> =
        on_pool!(db, p => sqlx::query_as(costs_sql).bind(id).fetch_all(p).await?);
    let closures_sql = "SELECT starts_on, ends_on, description FROM service_closures \
        WHERE service_id = $1 AND ends_on >= $2 ORDER BY starts_on";
    let closures: Vec<(NaiveDate, NaiveDate, String)> = on_pool!(db, p => sqlx::query_as(closures_sql)
        .bind(id).bind(today).fetch_all(p).await?);
    Ok(OfferPage {
        offer,
        terms,
        languages,
        costs,
        places: places_of(db, &[id]).await?,
        slots: slots_of(db, &[id]).await?,
        closures,
        walk_in,
        has_accounts,
    })
}

/// The page an offer that is not saved yet would get (the editor's "voorbeeld"): the same
/// records as [`offer_page`], from `s` and its organisation's stored name and places.
pub async fn draft_page(
    db: &Db,
    s: &super::dataset::ServiceRecord,
    today: NaiveDate,
) -> Result<OfferPage> {
    let sql = "SELECT name FROM organizations WHERE id = $1";
    let organisation: String = on_pool!(db, p => sqlx::query_scalar(sql)
        .bind(s.organization_id).fetch_optional(p).await?)
    .ok_or(Error::NotFound)?;
    let places = if s.location_ids.is_empty() {
        Vec::new()
    } else {
        // Not yet linked to the offer: the places by id, each under its own id.
        let sql = format!(
            "SELECT l.id AS service_id, {PLACE_COLUMNS} FROM locations l WHERE l.id IN ({}) \
             ORDER BY l.name",
            placeholders(s.location_ids.len())
        );
        on_pool!(db, p => {
            let mut q = sqlx::query_as::<_, PlaceRecord>(&sql);
            for id in &s.location_ids { q = q.bind(id); }
            q.fetch_all(p).await?
        })
    };
    let mut slots: Vec<SlotRecord> = s
        .schedules
        .iter()
        .map(|x| SlotRecord {
            service_id: s.id,
            weekday: i32::from(x.weekday),
            opens_at: x.opens_at.clone(),
            closes_at: x.closes_at.clone(),
            rrule: x.rule.clone(),
            dtstart: x.dtstart,
        })
        .collect();
    slots.sort_by(|a, b| (a.weekday, &a.opens_at).cmp(&(b.weekday, &b.opens_at)));
    Ok(OfferPage {
        offer: PageRecord {
            name: s.name.clone(),
            description: s.description.clone(),
            organisation_id: s.organization_id,
            organisation,
            kind: s.kind.clone(),
            status: s.status.clone(),
            minimum_age: s.minimum_age,
            maximum_age: s.maximum_age,
            is_free: s.is_free,
            fees_description: s.fees_description.clone(),
            no_referral_needed: s.no_referral_needed,
            keeps_benefit: s.keeps_benefit,
            eligibility_description: s.eligibility_description.clone(),
            contact_name: s.contact_name.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
            url: s.url.clone(),
            waiting_list: s.waiting_list,
            last_verified_on: s.last_verified_on,
        },
        terms: s
            .terms
            .iter()
            .map(|(t, c)| {
                let name = super::term_name(t, c).unwrap_or_else(|| c.clone());
                (t.clone(), name)
            })
            .collect(),
        languages: s.languages.clone(),
        costs: s.costs.clone(),
        places,
        slots,
        closures: s
            .closures
            .iter()
            .filter(|c| c.ends_on >= today)
            .map(|c| (c.starts_on, c.ends_on, c.description.clone()))
            .collect(),
        walk_in: s.terms.iter().any(|(t, c)| t == "kenmerk" && c == WALK_IN),
        has_accounts: organisation_has_accounts(db, s.organization_id).await?,
    })
}

/// The kenmerk of offers people just walk in to.
pub const WALK_IN: &str = "vrije-inloop";

/// Whether anyone can log in for an organisation (and so reads its sign-ups).
pub async fn organisation_has_accounts(db: &Db, organisation: Uuid) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM user_organizations WHERE organization_id = $1";
    let n: i64 = on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).fetch_one(p).await?);
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_are_marked_after_six_months_and_hidden_after_nine() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let ago = |days| Some(today - chrono::Days::new(days));
        assert_eq!(freshness(ago(30), today), Freshness::Fresh);
        assert_eq!(freshness(ago(200), today), Freshness::Overdue);
        assert_eq!(freshness(ago(300), today), Freshness::Hidden);
        assert_eq!(freshness(None, today), Freshness::Fresh);
        assert_eq!(
            search_status("active", "approved", ago(300), today),
            "overdue"
        );
        assert_eq!(
            search_status("active", "pending", ago(1), today),
            "review:pending"
        );
        assert_eq!(search_status("active", "approved", ago(1), today), "active");
    }
}
