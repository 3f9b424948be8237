//! [`Dataset`]: organisations with their locations, offers and needs, saved in one transaction.
//!
//! Saving is an upsert by id, so loading the same data twice updates instead of duplicating.
//! The demo data and (later) the HSDS import both go through [`save_dataset`].

use chrono::{NaiveDate, Utc};
use index::{Geocoder, LatLon, Postcode};
use uuid::Uuid;

use super::talents::TalentEntryRecord;
use super::taxonomy::term_id;
use super::{bulk, on_pool, on_tx, outbox, Db, Tx};
use crate::domain::Compensation;
use crate::{Error, Result};

/// A batch of data to save.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Organisations.
    pub organisations: Vec<OrganisationRecord>,
    /// Their locations.
    pub locations: Vec<LocationRecord>,
    /// Their offers.
    pub services: Vec<ServiceRecord>,
    /// What they ask.
    pub needs: Vec<NeedRecord>,
    /// Open "ik kan iets" entries (demo data; residents add theirs one by one).
    pub talent_entries: Vec<TalentEntryRecord>,
}

/// An organisation (HSDS organization).
#[derive(Debug, Clone, Default)]
pub struct OrganisationRecord {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub email: Option<String>,
    pub website: Option<String>,
    pub phone: Option<String>,
    pub last_verified_on: Option<NaiveDate>,
    pub source: String,
    /// HSDS fields without a column of ours, as a JSON object ("" means none).
    pub extra: String,
    /// What kind of coalition partner it can be (`index::matching::PartnerKind` code), or "".
    /// An empty value never clears a kind set before (HSDS does not carry it).
    pub partner_kind: String,
}

/// A place (HSDS location + address). Areas and PC4 are derived when saved.
#[derive(Debug, Clone, Default)]
pub struct LocationRecord {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub address_1: String,
    pub postal_code: String,
    pub city: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub accessibility: String,
    pub transportation: String,
    /// Structured access codes (`index::matching::Access::codes`); empty when unknown.
    pub access: String,
    /// HSDS fields without a column of ours, as a JSON object ("" means none).
    pub extra: String,
}

/// A time slot: every week on `weekday`, or as `rule` says (see [`crate::schedule`]).
#[derive(Debug, Clone, Default)]
pub struct ScheduleRecord {
    /// ISO weekday, 1 = maandag.
    pub weekday: u8,
    pub opens_at: String,
    pub closes_at: String,
    pub description: String,
    /// An RFC 5545 rule when the slot is not every week; empty when it is.
    pub rule: String,
    /// The first time, for rules whose phase matters (every other week).
    pub dtstart: Option<NaiveDate>,
}

/// A period an offer does not take place (holidays), both days included.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosureRecord {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub description: String,
}

/// One way of paying.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CostRecord {
    pub option: String,
    pub amount: Option<f64>,
    pub amount_description: String,
}

/// An offer (HSDS service) with its links.
#[derive(Debug, Clone, Default)]
pub struct ServiceRecord {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub description: String,
    /// buurthuis, vereniging, initiatief or voorziening.
    pub kind: String,
    /// active, inactive, defunct or "temporarily closed".
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
    pub capacity: Option<i32>,
    pub waiting_list: i32,
    pub last_verified_on: Option<NaiveDate>,
    pub source: String,
    pub location_ids: Vec<Uuid>,
    /// (taxonomy, code) pairs, e.g. ("leefgebied", "meedoen").
    pub terms: Vec<(String, String)>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub schedules: Vec<ScheduleRecord>,
    /// Holidays and other periods without the offer.
    pub closures: Vec<ClosureRecord>,
    pub costs: Vec<CostRecord>,
    /// HSDS fields without a column of ours, as a JSON object ("" means none).
    pub extra: String,
}

impl ServiceRecord {
    /// Puts locations, schedules and costs in one canonical order (independent of the
    /// database's collation), so that child ids are stable.
    pub fn normalise(&mut self) {
        self.location_ids.sort();
        self.location_ids.dedup();
        self.schedules.sort_by(|a, b| {
            (a.weekday, &a.opens_at, &a.closes_at, &a.description).cmp(&(
                b.weekday,
                &b.opens_at,
                &b.closes_at,
                &b.description,
            ))
        });
        self.closures.sort_by_key(|c| (c.starts_on, c.ends_on));
        self.costs.sort_by(|a, b| {
            (&a.option, a.amount.map(f64::to_bits), &a.amount_description).cmp(&(
                &b.option,
                b.amount.map(f64::to_bits),
                &b.amount_description,
            ))
        });
    }
}

/// What an organisation asks (volunteer role, trainers, space, ...).
#[derive(Debug, Clone, Default)]
pub struct NeedRecord {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub service_id: Option<Uuid>,
    pub location_id: Option<Uuid>,
    /// vrijwilliger, trainer, ruimte, financiering or deelnemers.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub minimum_age: Option<i32>,
    pub maximum_age: Option<i32>,
    pub time_commitment: String,
    pub people_wanted: Option<i32>,
    /// Talent codes that fit.
    pub talents: Vec<String>,
    /// What you do, in a few lines.
    pub tasks: String,
    /// What you do not do (so nobody is asked to do a professional's work).
    pub not_tasks: String,
    /// The training or course offered.
    pub training: String,
    /// Support and backup: who you can call.
    pub support: String,
    /// What it pays.
    pub compensation: Compensation,
    /// The allowance in euros a month, for [`Compensation::Vergoeding`].
    pub allowance_euros: Option<i32>,
    /// The allowance was cleared with the benefit agency ("met behoud van uitkering").
    pub benefit_cleared: bool,
    /// ISO weekdays it happens on.
    pub days: Vec<u8>,
    /// Hours a week.
    pub hours_per_week: Option<i32>,
    /// The contact person's first name.
    pub contact_name: String,
    /// Their role ("jeugdcoördinator").
    pub contact_role: String,
}

/// ISO weekdays as stored ("1,3").
pub fn days_text(days: &[u8]) -> String {
    days.iter().map(u8::to_string).collect::<Vec<_>>().join(",")
}

/// Stored weekdays read back; anything that is no ISO weekday is left out.
pub fn days_from_text(text: &str) -> Vec<u8> {
    let mut days: Vec<u8> = text
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .filter(|d| (1..=7).contains(d))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

fn extra_json(extra: &str) -> &str {
    if extra.trim().is_empty() {
        "{}"
    } else {
        extra
    }
}

/// Saves everything in one transaction: all of it lands, or none of it.
pub async fn save_dataset(db: &Db, data: &Dataset) -> Result<()> {
    save(db, data, None).await
}

/// How far an import of one source got: its first `records` records are saved.
#[derive(Debug, Clone, Copy)]
pub struct ImportCheckpoint<'a> {
    /// The source's fingerprint (file and options), see `server::hsds::run`.
    pub source: &'a str,
    /// Records read from the start of the source whose batches are committed.
    pub records: u64,
}

/// [`save_dataset`] for one batch of an import: the checkpoint is saved in the same
/// transaction, so after a crash the import goes on exactly after the last committed batch.
pub async fn save_import_batch(
    db: &Db,
    data: &Dataset,
    checkpoint: ImportCheckpoint<'_>,
) -> Result<()> {
    save(db, data, Some(checkpoint)).await
}

/// The records of `source` an earlier, unfinished import committed (None: start at the top).
pub async fn import_checkpoint(db: &Db, source: &str) -> Result<Option<u64>> {
    let sql = "SELECT records FROM import_progress WHERE source = $1";
    let records: Option<i64> =
        on_pool!(db, p => sqlx::query_scalar(sql).bind(source).fetch_optional(p).await?);
    Ok(records.map(|r| r.max(0) as u64))
}

/// Forgets the checkpoint of a finished import.
pub async fn finish_import(db: &Db, source: &str) -> Result<()> {
    let sql = "DELETE FROM import_progress WHERE source = $1";
    on_pool!(db, p => sqlx::query(sql).bind(source).execute(p).await.map(drop)?);
    Ok(())
}

async fn save(db: &Db, data: &Dataset, checkpoint: Option<ImportCheckpoint<'_>>) -> Result<()> {
    let services = bulk::last_of_each(&data.services, |s| s.id);
    if let Some(s) = services.iter().find(|s| {
        !matches!(
            s.kind.as_str(),
            "buurthuis" | "vereniging" | "initiatief" | "voorziening"
        )
    }) {
        return Err(Error::Invalid(format!(
            "Onbekende soort aanbod: {}",
            s.kind
        )));
    }
    let mut tx = db.begin().await?;
    upsert_organisations(&mut tx, &data.organisations).await?;
    upsert_locations(&mut tx, &data.locations).await?;
    upsert_services(&mut tx, &services).await?;
    replace_service_links(&mut tx, &services).await?;
    for n in &data.needs {
        upsert_need(&mut tx, n).await?;
    }
    for e in &data.talent_entries {
        super::talents::upsert_talent_entry(&mut tx, e).await?;
    }
    // Same transaction: the index hears of exactly what was committed, each offer once.
    let changed: Vec<Uuid> = data
        .services
        .iter()
        .map(|s| s.id)
        .chain(data.needs.iter().map(|n| n.id))
        .collect();
    let organisations: Vec<Uuid> = data.organisations.iter().map(|o| o.id).collect();
    let locations: Vec<Uuid> = data.locations.iter().map(|l| l.id).collect();
    outbox::log_batch(&mut tx, &changed, &organisations, &locations).await?;
    if let Some(c) = checkpoint {
        let sql = "INSERT INTO import_progress (source, records, updated_at) VALUES ($1, $2, $3) \
            ON CONFLICT (source) DO UPDATE SET records = excluded.records, updated_at = excluded.updated_at";
        let records = i64::try_from(c.records).unwrap_or(i64::MAX);
        on_tx!(&mut tx, t => sqlx::query(sql).bind(c.source).bind(records).bind(Utc::now())
            .execute(t).await.map(drop)?);
    }
    tx.commit().await
}

async fn upsert_organisations(tx: &mut Tx, all: &[OrganisationRecord]) -> Result<()> {
    let now = Utc::now();
    let rows = bulk::last_of_each(all, |o| o.id);
    for chunk in rows.chunks(bulk::ROWS) {
        let sql = bulk::insert_sql(
            tx.placeholder(),
            "INSERT INTO organizations (id, name, description, email, website, phone, \
             last_verified_on, source, created_at, updated_at, hsds_extra, partner_kind)",
            12,
            chunk.len(),
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, \
             email = excluded.email, website = excluded.website, phone = excluded.phone, \
             last_verified_on = excluded.last_verified_on, source = excluded.source, \
             updated_at = excluded.updated_at, hsds_extra = excluded.hsds_extra, \
             partner_kind = CASE WHEN excluded.partner_kind = '' THEN organizations.partner_kind \
             ELSE excluded.partner_kind END",
        );
        on_tx!(tx, t => {
            let mut q = sqlx::query(&sql);
            for o in chunk {
                q = q.bind(o.id).bind(&o.name).bind(&o.description).bind(&o.email)
                    .bind(o.website.as_deref().and_then(crate::safe::safe_url))
                    .bind(&o.phone).bind(o.last_verified_on).bind(&o.source).bind(now).bind(now)
                    .bind(extra_json(&o.extra)).bind(&o.partner_kind);
            }
            q.execute(t).await.map(drop)?
        });
    }
    Ok(())
}

/// Coordinates from the record, else from the postcode; areas from the coordinates.
fn place_location(l: &LocationRecord) -> Result<(Option<LatLon>, Option<String>)> {
    let geocoder = Geocoder::embedded();
    let postcode = match l.postal_code.trim() {
        "" => None,
        text => Some(Postcode::parse(text)?),
    };
    let at = match (l.latitude, l.longitude, &postcode) {
        (Some(lat), Some(lon), _) => Some(LatLon::parse(lat, lon)?),
        (_, _, Some(p)) => geocoder.postcode(p).ok().map(|place| place.lat_lon()),
        _ => None,
    };
    Ok((at, postcode.map(|p| p.pc4())))
}

async fn upsert_locations(tx: &mut Tx, all: &[LocationRecord]) -> Result<()> {
    let now = Utc::now();
    let rows = bulk::last_of_each(all, |l| l.id);
    // Placed first: a bad postcode refuses the batch before anything is written.
    let placed = rows
        .iter()
        .map(|l| {
            let (at, pc4) = place_location(l)?;
            let areas = at
                .map(|at| Geocoder::embedded().areas(at))
                .unwrap_or_default();
            Ok((*l, at, pc4, areas))
        })
        .collect::<Result<Vec<_>>>()?;
    for chunk in placed.chunks(bulk::ROWS) {
        let sql = bulk::insert_sql(
            tx.placeholder(),
            "INSERT INTO locations (id, organization_id, name, address_1, postal_code, pc4, city, \
             latitude, longitude, gemeente_code, wijk_code, buurt_code, accessibility, \
             transportation, created_at, updated_at, hsds_extra, access)",
            18,
            chunk.len(),
            "ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, \
             name = excluded.name, address_1 = excluded.address_1, \
             postal_code = excluded.postal_code, pc4 = excluded.pc4, city = excluded.city, \
             latitude = excluded.latitude, longitude = excluded.longitude, \
             gemeente_code = excluded.gemeente_code, wijk_code = excluded.wijk_code, \
             buurt_code = excluded.buurt_code, accessibility = excluded.accessibility, \
             transportation = excluded.transportation, updated_at = excluded.updated_at, \
             hsds_extra = excluded.hsds_extra, access = excluded.access",
        );
        on_tx!(tx, t => {
            let mut q = sqlx::query(&sql);
            for (l, at, pc4, areas) in chunk {
                q = q.bind(l.id).bind(l.organization_id).bind(&l.name).bind(&l.address_1)
                    .bind(&l.postal_code).bind(pc4).bind(&l.city)
                    .bind(at.map(|a| a.lat())).bind(at.map(|a| a.lon()))
                    .bind(&areas.gemeente_code).bind(&areas.wijk_code).bind(&areas.buurt_code)
                    .bind(&l.accessibility).bind(&l.transportation).bind(now).bind(now)
                    .bind(extra_json(&l.extra)).bind(&l.access);
            }
            q.execute(t).await.map(drop)?
        });
    }
    Ok(())
}

async fn upsert_services(tx: &mut Tx, rows: &[&ServiceRecord]) -> Result<()> {
    let now = Utc::now();
    for chunk in rows.chunks(bulk::ROWS) {
        let sql = bulk::insert_sql(
            tx.placeholder(),
            "INSERT INTO services (id, organization_id, name, description, kind, status, \
             minimum_age, maximum_age, is_free, fees_description, no_referral_needed, \
             keeps_benefit, eligibility_description, contact_name, email, phone, url, capacity, \
             waiting_list, last_verified_on, source, created_at, updated_at, hsds_extra)",
            24,
            chunk.len(),
            "ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, \
             name = excluded.name, description = excluded.description, kind = excluded.kind, \
             status = excluded.status, minimum_age = excluded.minimum_age, \
             maximum_age = excluded.maximum_age, is_free = excluded.is_free, \
             fees_description = excluded.fees_description, \
             no_referral_needed = excluded.no_referral_needed, \
             keeps_benefit = excluded.keeps_benefit, \
             eligibility_description = excluded.eligibility_description, \
             contact_name = excluded.contact_name, email = excluded.email, \
             phone = excluded.phone, url = excluded.url, capacity = excluded.capacity, \
             waiting_list = excluded.waiting_list, last_verified_on = excluded.last_verified_on, \
             source = excluded.source, updated_at = excluded.updated_at, \
             hsds_extra = excluded.hsds_extra",
        );
        on_tx!(tx, t => {
            let mut q = sqlx::query(&sql);
            for s in chunk {
                q = q.bind(s.id).bind(s.organization_id).bind(&s.name).bind(&s.description)
                    .bind(&s.kind).bind(&s.status).bind(s.minimum_age).bind(s.maximum_age)
                    .bind(s.is_free).bind(&s.fees_description).bind(s.no_referral_needed)
                    .bind(s.keeps_benefit).bind(&s.eligibility_description).bind(&s.contact_name)
                    .bind(&s.email).bind(&s.phone)
                    .bind(s.url.as_deref().and_then(crate::safe::safe_url))
                    .bind(s.capacity).bind(s.waiting_list).bind(s.last_verified_on)
                    .bind(&s.source).bind(now).bind(now).bind(extra_json(&s.extra));
            }
            q.execute(t).await.map(drop)?
        });
    }
    Ok(())
}

/// A child row of an offer, as it is inserted.
enum Child<'a> {
    Location(Uuid, Uuid, Uuid),
    Term(Uuid, Uuid),
    Language(Uuid, &'a str),
    Schedule(Uuid, Uuid, Option<Uuid>, ScheduleRecord),
    Closure(Uuid, Uuid, ClosureRecord),
    Cost(Uuid, Uuid, CostRecord),
}

/// Child rows are replaced as a whole: what the record no longer lists is gone.
async fn replace_service_links(tx: &mut Tx, rows: &[&ServiceRecord]) -> Result<()> {
    const TABLES: [&str; 6] = [
        "service_at_locations",
        "service_terms",
        "service_languages",
        "schedules",
        "service_closures",
        "cost_options",
    ];
    for chunk in rows.chunks(bulk::ROWS) {
        for table in TABLES {
            let sql = bulk::in_sql(
                tx.placeholder(),
                &format!("DELETE FROM {table} WHERE service_id IN"),
                chunk.len(),
                "",
            );
            on_tx!(tx, t => {
                let mut q = sqlx::query(&sql);
                for s in chunk {
                    q = q.bind(s.id);
                }
                q.execute(t).await.map(drop)?
            });
        }
    }
    // Child ids follow the canonical order `load_dataset` gives back, so export → import →
    // export gives the same ids.
    let mut children: [Vec<Child>; 6] = Default::default();
    for s in rows {
        let child_id = |kind: &str, n: usize| Uuid::new_v5(&s.id, format!("{kind}:{n}").as_bytes());
        let mut canonical = (*s).clone();
        canonical.normalise();
        for (n, location) in canonical.location_ids.iter().enumerate() {
            children[0].push(Child::Location(child_id("sal", n), s.id, *location));
        }
        for (taxonomy, code) in &s.terms {
            children[1].push(Child::Term(s.id, term_id(taxonomy, code)));
        }
        for code in &s.languages {
            children[2].push(Child::Language(s.id, code));
        }
        let first_location = s.location_ids.first().copied();
        for (n, slot) in canonical.schedules.into_iter().enumerate() {
            children[3].push(Child::Schedule(
                child_id("schedule", n),
                s.id,
                first_location,
                slot,
            ));
        }
        for (n, closure) in canonical.closures.into_iter().enumerate() {
            children[4].push(Child::Closure(child_id("closure", n), s.id, closure));
        }
        for (n, cost) in canonical.costs.into_iter().enumerate() {
            children[5].push(Child::Cost(child_id("cost", n), s.id, cost));
        }
    }
    let heads = [
        (
            "INSERT INTO service_at_locations (id, service_id, location_id)",
            3,
            "",
        ),
        (
            "INSERT INTO service_terms (service_id, term_id)",
            2,
            "ON CONFLICT DO NOTHING",
        ),
        (
            "INSERT INTO service_languages (service_id, code)",
            2,
            "ON CONFLICT DO NOTHING",
        ),
        (
            "INSERT INTO schedules (id, service_id, location_id, weekday, opens_at, closes_at, \
             description, rrule, dtstart)",
            9,
            "",
        ),
        (
            "INSERT INTO service_closures (id, service_id, starts_on, ends_on, description)",
            5,
            "",
        ),
        (
            "INSERT INTO cost_options (id, service_id, option, amount, currency, \
             amount_description)",
            6,
            "",
        ),
    ];
    for (rows, (head, columns, tail)) in children.iter().zip(heads) {
        for chunk in rows.chunks(bulk::ROWS) {
            let sql = bulk::insert_sql(tx.placeholder(), head, columns, chunk.len(), tail);
            on_tx!(tx, t => {
                let mut q = sqlx::query(&sql);
                for child in chunk {
                    q = match child {
                        Child::Location(id, service, location) => {
                            q.bind(id).bind(service).bind(location)
                        }
                        Child::Term(service, term) => q.bind(service).bind(term),
                        Child::Language(service, code) => q.bind(service).bind(*code),
                        Child::Schedule(id, service, location, slot) => q
                            .bind(id).bind(service).bind(location)
                            .bind(i32::from(slot.weekday)).bind(&slot.opens_at)
                            .bind(&slot.closes_at).bind(&slot.description).bind(&slot.rule)
                            .bind(slot.dtstart),
                        Child::Closure(id, service, c) => q
                            .bind(id).bind(service).bind(c.starts_on).bind(c.ends_on)
                            .bind(&c.description),
                        Child::Cost(id, service, c) => q
                            .bind(id).bind(service).bind(&c.option).bind(c.amount).bind("EUR")
                            .bind(&c.amount_description),
                    };
                }
                q.execute(t).await.map(drop)?
            });
        }
    }
    Ok(())
}

async fn upsert_need(tx: &mut Tx, n: &NeedRecord) -> Result<()> {
    let now = Utc::now();
    let sql = "INSERT INTO needs (id, organization_id, service_id, location_id, kind, title, \
        description, minimum_age, maximum_age, time_commitment, people_wanted, status, created_at, updated_at, \
        tasks, not_tasks, training, support, compensation, allowance_euros, benefit_cleared, days, \
        hours_per_week, contact_name, contact_role) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $12, \
        $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) \
        ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, \
        service_id = excluded.service_id, location_id = excluded.location_id, kind = excluded.kind, \
        title = excluded.title, description = excluded.description, \
        minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age, \
        time_commitment = excluded.time_commitment, people_wanted = excluded.people_wanted, \
        updated_at = excluded.updated_at, tasks = excluded.tasks, not_tasks = excluded.not_tasks, \
        training = excluded.training, support = excluded.support, \
        compensation = excluded.compensation, allowance_euros = excluded.allowance_euros, \
        benefit_cleared = excluded.benefit_cleared, days = excluded.days, \
        hours_per_week = excluded.hours_per_week, contact_name = excluded.contact_name, \
        contact_role = excluded.contact_role";
    on_tx!(tx, t => sqlx::query(sql)
        .bind(n.id).bind(n.organization_id).bind(n.service_id).bind(n.location_id).bind(&n.kind)
        .bind(&n.title).bind(&n.description).bind(n.minimum_age).bind(n.maximum_age)
        .bind(&n.time_commitment).bind(n.people_wanted).bind(now)
        .bind(&n.tasks).bind(&n.not_tasks).bind(&n.training).bind(&n.support)
        .bind(n.compensation.code()).bind(n.allowance_euros).bind(n.benefit_cleared)
        .bind(days_text(&n.days)).bind(n.hours_per_week).bind(&n.contact_name).bind(&n.contact_role)
        .execute(t).await.map(drop)?);
    on_tx!(tx, t => sqlx::query("DELETE FROM need_talents WHERE need_id = $1").bind(n.id).execute(t).await.map(drop)?);
    for code in &n.talents {
        let sql =
            "INSERT INTO need_talents (need_id, term_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
        on_tx!(tx, t => sqlx::query(sql).bind(n.id).bind(term_id("talent", code)).execute(t).await.map(drop)?);
    }
    Ok(())
}
