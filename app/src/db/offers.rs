//! Reading offers: for the search index, for result cards and for the detail page.

use std::collections::HashMap;

use chrono::NaiveDate;
use index::{Geocoder, OfferDoc, SearchHit};
use uuid::Uuid;

use super::sql::{fetch_by_ids, id_filter, placeholders};
use super::words::{age_byte, date_in_words, language_name, summary_of};
use super::{on_pool, Db};
use crate::i18n::Lang;
use crate::model::{
    ages_in_words, kind_label, next_time, LocationLine, OfferDetail, OfferSummary, PlaceOnMap,
    WeeklySlot,
};
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
    let mut docs = offer_documents(db, only).await?;
    docs.extend(super::roles::role_documents(db, only).await?);
    Ok(docs)
}

async fn offer_documents(db: &Db, only: Option<&[Uuid]>) -> Result<Vec<OfferDoc>> {
    if only.is_some_and(|ids| ids.is_empty()) {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT s.id AS service_id, l.id AS location_id, s.name, o.name AS organisation, \
         s.description, s.kind, s.status, s.is_free, s.no_referral_needed, s.minimum_age, \
         s.maximum_age, l.latitude, l.longitude, l.wijk_code, l.gemeente_code, l.city, \
         s.last_verified_on, o.review_status \
         FROM services s JOIN organizations o ON o.id = s.organization_id \
         LEFT JOIN service_at_locations sal ON sal.service_id = s.id \
         LEFT JOIN locations l ON l.id = sal.location_id {}",
        id_filter("s.id", only)
    );
    let rows = fetch_by_ids!(db, DocRow, sql, only);
    let terms_sql = format!(
        "SELECT st.service_id, t.taxonomy, t.code, t.name FROM service_terms st \
         JOIN taxonomy_terms t ON t.id = st.term_id {} ORDER BY t.taxonomy, t.name",
        id_filter("st.service_id", only)
    );
    let mut terms: HashMap<Uuid, Vec<TermRow>> = HashMap::new();
    for t in fetch_by_ids!(db, TermRow, terms_sql, only) {
        terms.entry(t.service_id).or_default().push(t);
    }
    let days_sql = format!(
        "SELECT DISTINCT service_id, weekday FROM schedules {}",
        id_filter("service_id", only)
    );
    let mut days: HashMap<Uuid, Vec<u8>> = HashMap::new();
    for (id, day) in fetch_by_ids!(db, (Uuid, i32), days_sql, only) {
        days.entry(id).or_default().push(day as u8);
    }
    let languages_sql = format!(
        "SELECT service_id, code FROM service_languages {}",
        id_filter("service_id", only)
    );
    let mut languages: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (id, code) in fetch_by_ids!(db, (Uuid, String), languages_sql, only) {
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

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: Uuid,
    name: String,
    organisation_id: Uuid,
    organisation: String,
    kind: String,
    description: String,
    is_free: bool,
    minimum_age: Option<i32>,
    maximum_age: Option<i32>,
}

#[derive(sqlx::FromRow)]
struct LocationRow {
    service_id: Uuid,
    id: Uuid,
    name: String,
    address_1: String,
    city: String,
    postal_code: String,
    gemeente_code: Option<String>,
    wijk_code: Option<String>,
    accessibility: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
}

#[derive(sqlx::FromRow)]
struct SlotRow {
    service_id: Uuid,
    weekday: i32,
    opens_at: String,
    closes_at: String,
    rrule: String,
    dtstart: Option<NaiveDate>,
}

impl SlotRow {
    /// The slot for a page, its next time worked out from its rule when it has one.
    fn to_slot(&self, today: NaiveDate, lang: Lang) -> WeeklySlot {
        let weekly = WeeklySlot::weekly(self.weekday as u8, &self.opens_at, &self.closes_at);
        let Some(r) = crate::schedule::recurrence(&self.rrule) else {
            return weekly;
        };
        let next = crate::schedule::next_on(&self.rrule, self.dtstart, today).and_then(|date| {
            let days = crate::schedule::days_until(today, date)?;
            Some((days, crate::schedule::day_and_month(date, lang)))
        });
        WeeklySlot {
            nth: r.nth,
            interval: r.interval,
            next,
            ..weekly
        }
    }
}

/// Result cards for search hits, in the order of the hits. Hits whose offer is gone are skipped.
pub async fn offer_summaries(db: &Db, hits: &[SearchHit], lang: Lang) -> Result<Vec<OfferSummary>> {
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = hits.iter().map(|h| h.offer_id).collect();
    let list = placeholders(ids.len());
    let sql = format!(
        "SELECT s.id, s.name, o.id AS organisation_id, o.name AS organisation, s.kind, \
         s.description, s.is_free, s.minimum_age, s.maximum_age \
         FROM services s JOIN organizations o ON o.id = s.organization_id WHERE s.id IN ({list})"
    );
    let rows: Vec<SummaryRow> = on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, SummaryRow>(&sql);
        for id in &ids { q = q.bind(id); }
        q.fetch_all(p).await?
    });
    let locations = locations_of(db, &ids).await?;
    let slots = slots_of(db, &ids).await?;
    let by_id: HashMap<Uuid, SummaryRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    let role_hits: Vec<&SearchHit> = hits
        .iter()
        .filter(|h| !by_id.contains_key(&h.offer_id))
        .collect();
    let mut roles = super::roles::role_summaries(db, &role_hits, lang).await?;
    let geocoder = Geocoder::embedded();
    let (today, today_date) = today_in_the_netherlands();
    Ok(hits
        .iter()
        .filter_map(|hit| {
            let id = &hit.offer_id;
            let Some(row) = by_id.get(id) else {
                return roles.remove(id);
            };
            let location = locations
                .iter()
                .find(|l| l.service_id == *id && Some(l.id) == hit.location_id)
                .or_else(|| locations.iter().find(|l| l.service_id == *id));
            let own: Vec<WeeklySlot> = slots
                .iter()
                .filter(|s| s.service_id == *id)
                .map(|s| s.to_slot(today_date, lang))
                .collect();
            let when = own.first().map(|s| s.in_words(lang));
            let next = next_time(&own, today, lang);
            Some(OfferSummary {
                id: *id,
                name: row.name.clone(),
                organisation: row.organisation.clone(),
                kind_label: kind_label(&row.kind, lang),
                summary: summary_of(&row.description),
                address: location
                    .map(|l| join_address(&l.address_1, &l.city))
                    .unwrap_or_default(),
                wijk: location
                    .and_then(|l| l.wijk_code.as_deref())
                    .and_then(|w| geocoder.wijk_name(w)),
                distance_km: hit.distance_km,
                free: row.is_free,
                when,
                next,
                kind: row.kind.clone(),
                organisation_id: row.organisation_id,
                min_age: row.minimum_age,
                max_age: row.maximum_age,
                location: location.map(|l| PlaceOnMap {
                    lat: l.latitude,
                    lon: l.longitude,
                    address: join_address(&l.address_1, &l.city),
                    postcode: l.postal_code.clone(),
                    wijk: l.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
                    gemeente: l.gemeente_code.clone(),
                }),
                score: hit.score,
            })
        })
        .collect())
}

/// Today's ISO weekday and date in the Netherlands (UTC+1; the hour of summer time is not
/// worth a time-zone database here).
fn today_in_the_netherlands() -> (u8, NaiveDate) {
    use chrono::Datelike;
    let now = chrono::Utc::now() + chrono::Duration::hours(1);
    (now.weekday().number_from_monday() as u8, now.date_naive())
}

fn join_address(street: &str, city: &str) -> String {
    [street, city]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn locations_of(db: &Db, ids: &[Uuid]) -> Result<Vec<LocationRow>> {
    let sql = format!(
        "SELECT sal.service_id, l.id, l.name, l.address_1, l.city, l.postal_code, l.gemeente_code, \
         l.wijk_code, l.accessibility, \
         l.latitude, l.longitude FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id \
         WHERE sal.service_id IN ({}) ORDER BY l.name",
        placeholders(ids.len())
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, LocationRow>(&sql);
        for id in ids { q = q.bind(id); }
        q.fetch_all(p).await?
    }))
}

async fn slots_of(db: &Db, ids: &[Uuid]) -> Result<Vec<SlotRow>> {
    let sql = format!(
        "SELECT service_id, weekday, opens_at, closes_at, rrule, dtstart FROM schedules \
         WHERE service_id IN ({}) ORDER BY weekday, opens_at",
        placeholders(ids.len())
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, SlotRow>(&sql);
        for id in ids { q = q.bind(id); }
        q.fetch_all(p).await?
    }))
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    name: String,
    description: String,
    organisation: String,
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
    waiting_list: i32,
    last_verified_on: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct CostRow {
    option: String,
    amount: Option<f64>,
    amount_description: String,
}

/// Everything about one offer, for its page.
pub async fn offer_detail(db: &Db, id: Uuid, lang: Lang) -> Result<OfferDetail> {
    // Offers of organisations that are not approved have no public page.
    let sql = format!(
        "SELECT s.name, s.description, o.name AS organisation, s.kind, s.status, s.minimum_age, \
         s.maximum_age, s.is_free, s.fees_description, s.no_referral_needed, s.keeps_benefit, \
         s.eligibility_description, s.contact_name, s.email, s.phone, s.url, s.waiting_list, \
         s.last_verified_on FROM services s JOIN organizations o ON o.id = s.organization_id \
         WHERE s.id = $1 AND {}",
        super::PUBLISHED
    );
    let row =
        on_pool!(db, p => sqlx::query_as::<_, DetailRow>(&sql).bind(id).fetch_optional(p).await?)
            .ok_or(Error::NotFound)?;
    // Stopped offers have no public page either.
    if row.status == "defunct" {
        return Err(Error::NotFound);
    }
    let terms = service_terms(db, id).await?;
    let names = |taxonomy: &str| {
        terms
            .iter()
            .filter(|t| t.taxonomy == taxonomy)
            .map(|t| t.name.clone())
            .collect::<Vec<_>>()
    };
    let languages_sql = "SELECT code FROM service_languages WHERE service_id = $1 ORDER BY code";
    let languages: Vec<String> =
        on_pool!(db, p => sqlx::query_scalar(languages_sql).bind(id).fetch_all(p).await?);
    let costs_sql =
        "SELECT option, amount, amount_description FROM cost_options WHERE service_id = $1";
    let costs: Vec<CostRow> =
        on_pool!(db, p => sqlx::query_as(costs_sql).bind(id).fetch_all(p).await?);
    let geocoder = Geocoder::embedded();
    let locations = locations_of(db, &[id])
        .await?
        .into_iter()
        .map(|l| LocationLine {
            name: l.name,
            address: join_address(&l.address_1, &l.city),
            wijk: l.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
            accessibility: l.accessibility,
            lat: l.latitude,
            lon: l.longitude,
        })
        .collect();
    let schedule = slots_of(db, &[id])
        .await?
        .into_iter()
        .map(|s| s.to_slot(today_in_the_netherlands().1, lang))
        .collect();
    // Closed periods that have not ended yet: "gesloten van 21 december 2026 tot en met ...".
    let today = chrono::Utc::now().date_naive();
    let closures_sql = "SELECT starts_on, ends_on, description FROM service_closures \
        WHERE service_id = $1 AND ends_on >= $2 ORDER BY starts_on";
    let closures: Vec<(NaiveDate, NaiveDate, String)> = on_pool!(db, p => sqlx::query_as(closures_sql)
        .bind(id).bind(today).fetch_all(p).await?);
    let closed = closures
        .into_iter()
        .map(|(from, to, why)| {
            let period = if from == to {
                date_in_words(from, lang)
            } else {
                let until = match lang {
                    Lang::Nl => "t/m",
                    Lang::En => "to",
                };
                format!(
                    "{} {until} {}",
                    date_in_words(from, lang),
                    date_in_words(to, lang)
                )
            };
            if why.is_empty() {
                period
            } else {
                format!("{period} ({why})")
            }
        })
        .collect();
    let mut cost_lines: Vec<String> = costs.into_iter().map(cost_in_words).collect();
    if !row.fees_description.is_empty() {
        cost_lines.push(row.fees_description.clone());
    }
    Ok(OfferDetail {
        id,
        name: row.name,
        description: row.description,
        organisation: row.organisation,
        kind_label: kind_label(&row.kind, lang),
        leefgebieden: names("leefgebied"),
        doelgroepen: names("doelgroep"),
        ages: ages_in_words(row.minimum_age, row.maximum_age, lang),
        schedule,
        closed,
        free: row.is_free,
        costs: cost_lines,
        no_referral_needed: row.no_referral_needed,
        keeps_benefit: row.keeps_benefit,
        eligibility: row.eligibility_description,
        languages: languages.iter().map(|c| language_name(c, lang)).collect(),
        locations,
        contact_name: row.contact_name,
        phone: row.phone,
        email: row.email,
        url: row.url,
        waiting_list: row.waiting_list,
        last_verified: row.last_verified_on.map(|d| date_in_words(d, lang)),
        active: row.status == "active",
        overdue: freshness(row.last_verified_on, chrono::Utc::now().date_naive())
            != Freshness::Fresh,
        role: false,
    })
}

fn cost_in_words(c: CostRow) -> String {
    let amount = c.amount.map(|a| format!("€ {:.2}", a).replace('.', ","));
    [
        Some(c.option),
        amount,
        Some(c.amount_description).filter(|d| !d.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(": ")
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
