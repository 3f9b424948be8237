//! Offers and roles as people read them: result cards and public pages, worded in the reader's
//! language from the records `db` returns (the database knows no language).

use std::collections::HashMap;

use chrono::NaiveDate;
use index::{Geocoder, SearchHit, ROLE_KIND};
use uuid::Uuid;

use crate::db::{self, CostRecord, PlaceRecord, RoleRecord, SlotRecord};
use crate::domain::Compensation;
use crate::i18n::{fill, Lang};
use crate::model::{
    ages_in_words, kind_label, next_time, LocationLine, OfferDetail, OfferSummary, PlaceOnMap,
    RoleFacts, RoleLink, WeeklySlot,
};
use crate::words::{date_in_words, language_name, summary_of};
use crate::{AppState, Error, Result};

/// Today's ISO weekday and date in the Netherlands (UTC+1; the hour of summer time is not
/// worth a time-zone database here).
pub(crate) fn today_in_the_netherlands() -> (u8, NaiveDate) {
    use chrono::Datelike;
    let now = chrono::Utc::now() + chrono::Duration::hours(1);
    (now.weekday().number_from_monday() as u8, now.date_naive())
}

pub(crate) fn join_address(street: &str, city: &str) -> String {
    [street, city]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A slot for a page, its next time worked out from its rule when it has one.
pub(crate) fn slot(s: &SlotRecord, today: NaiveDate, lang: Lang) -> WeeklySlot {
    let weekly = WeeklySlot::weekly(s.weekday as u8, &s.opens_at, &s.closes_at);
    let Some(r) = crate::schedule::recurrence(&s.rrule) else {
        return weekly;
    };
    let next = crate::schedule::next_on(&s.rrule, s.dtstart, today).and_then(|date| {
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

fn place_on_map(l: &PlaceRecord, geocoder: &Geocoder) -> PlaceOnMap {
    PlaceOnMap {
        lat: l.latitude,
        lon: l.longitude,
        address: join_address(&l.address_1, &l.city),
        postcode: l.postal_code.clone(),
        wijk: l.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
        gemeente: l.gemeente_code.clone(),
    }
}

/// Result cards for search hits, in the order of the hits, offers and roles alike. Hits whose
/// offer or role is gone are skipped.
pub async fn summaries(
    state: &AppState,
    hits: &[SearchHit],
    lang: Lang,
) -> Result<Vec<OfferSummary>> {
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    let db = &state.db;
    let ids: Vec<Uuid> = hits.iter().map(|h| h.offer_id).collect();
    let by_id: HashMap<Uuid, db::CardRecord> = db::card_records(db, &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let places = db::places_of(db, &ids).await?;
    let slots = db::slots_of(db, &ids).await?;
    let role_ids: Vec<Uuid> = ids
        .iter()
        .copied()
        .filter(|id| !by_id.contains_key(id))
        .collect();
    let roles: HashMap<Uuid, RoleRecord> = db::role_records(db, &role_ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let geocoder = Geocoder::embedded();
    let (today, today_date) = today_in_the_netherlands();
    Ok(hits
        .iter()
        .filter_map(|hit| {
            let id = &hit.offer_id;
            let Some(row) = by_id.get(id) else {
                return roles.get(id).map(|r| role_card(r, hit, lang, geocoder));
            };
            let place = places
                .iter()
                .find(|l| l.service_id == *id && Some(l.id) == hit.location_id)
                .or_else(|| places.iter().find(|l| l.service_id == *id));
            let own: Vec<WeeklySlot> = slots
                .iter()
                .filter(|s| s.service_id == *id)
                .map(|s| slot(s, today_date, lang))
                .collect();
            Some(OfferSummary {
                id: *id,
                name: row.name.clone(),
                organisation: row.organisation.clone(),
                kind_label: kind_label(&row.kind, lang),
                summary: summary_of(&row.description),
                address: place
                    .map(|l| join_address(&l.address_1, &l.city))
                    .unwrap_or_default(),
                wijk: place
                    .and_then(|l| l.wijk_code.as_deref())
                    .and_then(|w| geocoder.wijk_name(w)),
                distance_km: hit.distance_km,
                free: row.is_free,
                when: own.first().map(|s| s.in_words(lang)),
                next: next_time(&own, today, lang),
                kind: row.kind.clone(),
                organisation_id: row.organisation_id,
                min_age: row.minimum_age,
                max_age: row.maximum_age,
                location: place.map(|l| place_on_map(l, geocoder)),
                score: hit.score,
            })
        })
        .collect())
}

/// A role as a result card: its time commitment where an offer shows its schedule.
fn role_card(r: &RoleRecord, hit: &SearchHit, lang: Lang, geocoder: &Geocoder) -> OfferSummary {
    let address = join_address(
        r.address_1.as_deref().unwrap_or_default(),
        r.city.as_deref().unwrap_or_default(),
    );
    let wijk = r.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w));
    OfferSummary {
        id: r.id,
        name: r.title.clone(),
        organisation: r.organisation.clone(),
        kind_label: kind_label(ROLE_KIND, lang),
        summary: summary_of(&r.description),
        address: address.clone(),
        wijk: wijk.clone(),
        distance_km: hit.distance_km,
        free: false,
        when: Some(r.time_commitment.clone()).filter(|s| !s.is_empty()),
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
        score: hit.score,
    }
}

pub(crate) fn cost_in_words(c: CostRecord) -> String {
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

/// "21 december 2026 t/m 3 januari 2027 (kerstvakantie)".
pub(crate) fn closure_in_words(from: NaiveDate, to: NaiveDate, why: &str, lang: Lang) -> String {
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
}

/// The open roles of an organisation to link to, without `except` (the page itself).
pub(crate) async fn roles_of(
    state: &AppState,
    organisation: Uuid,
    except: Uuid,
) -> Result<Vec<RoleLink>> {
    Ok(db::open_roles_of(&state.db, organisation)
        .await?
        .into_iter()
        .filter(|(id, _, _)| *id != except)
        .map(|(id, title, time)| RoleLink { id, title, time })
        .collect())
}

/// How a place can be reached, in words: the structured facts first ("gelijkvloers · lift"),
/// then what the organisation wrote.
pub fn access_line(codes: &str, words: &str, lang: Lang) -> String {
    use index::matching::{Access, StepFree};
    let t = lang.texts();
    let a = Access::parse(codes);
    let step = match a.step_free {
        StepFree::Unknown => None,
        StepFree::Yes => Some(t.acc_step_free),
        StepFree::Partly => Some(t.acc_step_partly),
        StepFree::No => Some(t.acc_steps),
    };
    [
        step,
        a.lift.then_some(t.acc_lift),
        a.toilet.then_some(t.acc_toilet),
        a.pick_up.then_some(t.acc_pick_up),
        a.near_transit.then_some(t.acc_transit),
        Some(words.trim()).filter(|w| !w.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The public page of an offer in `lang`; "not found" when it is not public.
pub async fn offer_page(state: &AppState, id: Uuid, lang: Lang) -> Result<OfferDetail> {
    let today = chrono::Utc::now().date_naive();
    let page = db::offer_page(&state.db, id, today).await?;
    let roles = roles_of(state, page.offer.organisation_id, id).await?;
    Ok(detail_of(id, page, roles, lang))
}

/// The page of offer `id` from its records (stored, or a draft in the editor's preview).
pub(crate) fn detail_of(
    id: Uuid,
    page: db::OfferPage,
    roles: Vec<RoleLink>,
    lang: Lang,
) -> OfferDetail {
    let today = chrono::Utc::now().date_naive();
    let row = page.offer;
    let names = |taxonomy: &str| {
        page.terms
            .iter()
            .filter(|(t, _)| t == taxonomy)
            .map(|(_, name)| name.clone())
            .collect::<Vec<_>>()
    };
    let geocoder = Geocoder::embedded();
    let locations = page
        .places
        .into_iter()
        .map(|l| LocationLine {
            id: Some(l.id),
            address: join_address(&l.address_1, &l.city),
            wijk: l.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
            name: l.name,
            accessibility: access_line(&l.access, &l.accessibility, lang),
            lat: l.latitude,
            lon: l.longitude,
        })
        .collect();
    let (_, nl_today) = today_in_the_netherlands();
    let schedule = page.slots.iter().map(|s| slot(s, nl_today, lang)).collect();
    let closed = page
        .closures
        .iter()
        .map(|(from, to, why)| closure_in_words(*from, *to, why, lang))
        .collect();
    let mut costs: Vec<String> = page.costs.into_iter().map(cost_in_words).collect();
    if !row.fees_description.is_empty() {
        costs.push(row.fees_description.clone());
    }
    OfferDetail {
        id,
        roles,
        role_facts: None,
        kind_label: kind_label(&row.kind, lang),
        leefgebieden: names("leefgebied"),
        doelgroepen: names("doelgroep"),
        ages: ages_in_words(row.minimum_age, row.maximum_age, lang),
        schedule,
        closed,
        free: row.is_free,
        costs,
        no_referral_needed: row.no_referral_needed,
        keeps_benefit: row.keeps_benefit,
        languages: page
            .languages
            .iter()
            .map(|c| language_name(c, lang))
            .collect(),
        locations,
        last_verified: row.last_verified_on.map(|d| date_in_words(d, lang)),
        active: row.status == "active",
        overdue: db::freshness(row.last_verified_on, today) != db::Freshness::Fresh,
        role: false,
        name: row.name,
        description: row.description,
        organisation: row.organisation,
        organisation_id: Some(row.organisation_id),
        eligibility: row.eligibility_description,
        contact_name: row.contact_name,
        phone: row.phone,
        email: row.email,
        url: row.url,
        waiting_list: row.waiting_list,
        walk_in: page.walk_in,
        takes_signups: page.has_accounts && !page.walk_in && row.status == "active",
    }
}

/// The public page of an open role (or other need) in `lang`; "not found" otherwise.
pub async fn role_page(state: &AppState, id: Uuid, lang: Lang) -> Result<OfferDetail> {
    let (r, talents) = db::role_page(&state.db, id).await?;
    let geocoder = Geocoder::embedded();
    let locations = r
        .location_id
        .map(|id| LocationLine {
            id: Some(id),
            name: r.location_name.clone().unwrap_or_default(),
            address: join_address(
                r.address_1.as_deref().unwrap_or_default(),
                r.city.as_deref().unwrap_or_default(),
            ),
            wijk: r.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
            accessibility: r.accessibility.clone().unwrap_or_default(),
            lat: r.latitude,
            lon: r.longitude,
        })
        .into_iter()
        .collect();
    let roles = roles_of(state, r.organisation_id, id).await?;
    let role_facts = Some(role_facts(&r, lang));
    Ok(OfferDetail {
        id,
        roles,
        role_facts,
        name: r.title,
        description: r.description,
        organisation: r.organisation,
        organisation_id: Some(r.organisation_id),
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
        walk_in: false,
        // A role has its own "ik help mee" form, not a sign-up.
        takes_signups: false,
        last_verified: r.org_verified.map(|d| date_in_words(d, lang)),
        active: true,
        overdue: false,
        role: true,
    })
}

/// What a role asks and gives, in `lang`.
pub fn role_facts(r: &db::RoleRecord, lang: Lang) -> RoleFacts {
    let t = lang.texts();
    let compensation = Compensation::parse(&r.compensation).unwrap_or_default();
    let pays = compensation == Compensation::Vergoeding;
    let days = db::days_from_text(&r.days);
    RoleFacts {
        tasks: r.tasks.clone(),
        not_tasks: r.not_tasks.clone(),
        training: r.training.clone(),
        support: r.support.clone(),
        compensation: match (compensation, r.allowance_euros) {
            (Compensation::Vergoeding, Some(euros)) => {
                fill(t.role_allowance_amount, &[&euros.to_string()])
            }
            (c, _) => t.compensation(c).to_string(),
        },
        // An allowance can touch a benefit: say whether that was settled, never hide the role.
        benefit: pays.then(|| {
            if r.benefit_cleared {
                t.role_benefit_cleared
            } else {
                t.role_benefit_ask
            }
            .to_string()
        }),
        days: (!days.is_empty()).then(|| crate::explain::days_in_words(&days, lang)),
        hours: r
            .hours_per_week
            .filter(|h| *h > 0)
            .map(|h| fill(t.role_hours, &[&h.to_string()])),
        open_places: r
            .people_wanted
            .map(|wanted| (wanted - r.people_started).max(0)),
        filled: r.is_filled(),
        contact: (!r.contact_name.is_empty()).then(|| {
            if r.contact_role.is_empty() {
                r.contact_name.clone()
            } else {
                format!("{}, {}", r.contact_name, r.contact_role)
            }
        }),
        for_offer: match (r.offer_id, &r.offer_name) {
            (Some(id), Some(name)) => Some((id, name.clone(), r.offer_waiting_list.unwrap_or(0))),
            _ => None,
        },
    }
}

/// The page of an offer, or of a role (they share `/aanbod/{id}` and the link on result
/// cards); `None` when neither is public.
pub async fn page(state: &AppState, id: Uuid, lang: Lang) -> Result<Option<OfferDetail>> {
    let found = match offer_page(state, id, lang).await {
        Err(Error::NotFound) => role_page(state, id, lang).await,
        other => other,
    };
    super::unless_not_found(found)
}
