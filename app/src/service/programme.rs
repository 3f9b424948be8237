//! Public organisation and location pages: the week programme of everything at that place as
//! a grid, closures, the roles they look for, the free hours of a space, the contact and the
//! last check. One page people can print for the notice board.

use uuid::Uuid;

use super::cards::{closure_in_words, join_address, roles_of, slot, today_in_the_netherlands};
use crate::db;
use crate::i18n::Lang;
use crate::model::{weekday_name, DayProgramme, LocationLine, PlacePage, ProgrammeItem};
use crate::words::date_in_words;
use crate::{AppState, Result};

/// Which page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `/organisatie/{id}`: everything of one organisation.
    Organisation(Uuid),
    /// `/locatie/{id}`: everything at one place.
    Location(Uuid),
}

/// The hours a space is looked at for free time: a buurthuis day.
const DAY_STARTS: u16 = 9 * 60;
const DAY_ENDS: u16 = 22 * 60;
/// Shorter gaps are not worth offering to anyone.
const SHORTEST_FREE: u16 = 60;

/// "14:30" as minutes after midnight.
fn minutes(time: &str) -> Option<u16> {
    let (h, m) = time.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.get(..2).unwrap_or(m).parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The free stretches of one day between [`DAY_STARTS`] and [`DAY_ENDS`], given what is
/// planned (every slot counts, also a monthly one: a space is not offered on a day it might
/// be in use).
pub fn free_stretches(busy: &[(u16, u16)]) -> Vec<(u16, u16)> {
    let mut busy: Vec<(u16, u16)> = busy.iter().copied().filter(|(a, b)| a < b).collect();
    busy.sort_unstable();
    let mut free = Vec::new();
    let mut from = DAY_STARTS;
    for (start, end) in busy {
        if start > from {
            free.push((from, start.min(DAY_ENDS)));
        }
        from = from.max(end);
    }
    if from < DAY_ENDS {
        free.push((from, DAY_ENDS));
    }
    free.retain(|(a, b)| b > a && b - a >= SHORTEST_FREE);
    free
}

/// The page of an organisation or a location in `lang`; `None` when it is not public.
pub async fn page(state: &AppState, place: Place, lang: Lang) -> Result<Option<PlacePage>> {
    let (organisation_id, location) = match place {
        Place::Organisation(id) => (id, None),
        Place::Location(id) => match db::location_page(&state.db, id).await? {
            Some(l) => (l.organisation_id, Some(l)),
            None => return Ok(None),
        },
    };
    let Some(org) = db::organisation_page(&state.db, organisation_id).await? else {
        return Ok(None);
    };
    let offers = db::offers_at(
        &state.db,
        location.as_ref().map(|l| l.id),
        location.is_none().then_some(org.id),
    )
    .await?;
    let ids: Vec<Uuid> = offers.iter().map(|(id, _)| *id).collect();
    let name_of = |id: Uuid| {
        offers
            .iter()
            .find(|(o, _)| *o == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let (_, today) = today_in_the_netherlands();
    let slots = if ids.is_empty() {
        Vec::new()
    } else {
        db::slots_of(&state.db, &ids).await?
    };
    let week = (1..=7u8)
        .map(|day| DayProgramme {
            day: weekday_name(day, lang).to_string(),
            items: slots
                .iter()
                .filter(|s| s.weekday == i32::from(day))
                .map(|s| {
                    let when = slot(s, today, lang);
                    ProgrammeItem {
                        time: format!("{}–{}", when.opens_at, when.closes_at),
                        name: name_of(s.service_id),
                        href: format!("/aanbod/{}", s.service_id),
                        note: (!when.every_week()).then(|| when.in_words(lang)),
                    }
                })
                .collect(),
        })
        .collect();
    let free_hours = match location {
        None => Vec::new(),
        Some(_) => (1..=7u8)
            .map(|day| {
                let busy: Vec<(u16, u16)> = slots
                    .iter()
                    .filter(|s| s.weekday == i32::from(day))
                    .filter_map(|s| Some((minutes(&s.opens_at)?, minutes(&s.closes_at)?)))
                    .collect();
                let free = free_stretches(&busy)
                    .into_iter()
                    .map(|(a, b)| format!("{}–{}", clock(a), clock(b)))
                    .collect();
                (weekday_name(day, lang).to_string(), free)
            })
            .collect(),
    };
    let closed = db::closures_of(&state.db, &ids, today)
        .await?
        .into_iter()
        .map(|(id, from, to, why)| {
            format!(
                "{}: {}",
                name_of(id),
                closure_in_words(from, to, &why, lang)
            )
        })
        .collect();
    let geocoder = index::Geocoder::embedded();
    let location_line = location.as_ref().map(|l| LocationLine {
        id: Some(l.id),
        name: l.name.clone(),
        address: join_address(&l.address_1, &l.city),
        wijk: l.wijk_code.as_deref().and_then(|w| geocoder.wijk_name(w)),
        accessibility: l.accessibility.clone(),
        lat: l.latitude,
        lon: l.longitude,
    });
    let locations = match location {
        Some(_) => Vec::new(),
        None => db::locations_named(&state.db, org.id).await?,
    };
    Ok(Some(PlacePage {
        organisation_id: org.id,
        name: location
            .as_ref()
            .map_or_else(|| org.name.clone(), |l| l.name.clone()),
        organisation: org.name,
        description: if location.is_some() {
            String::new()
        } else {
            org.description
        },
        location: location_line,
        locations,
        week,
        free_hours,
        closed,
        roles: roles_of(state, org.id, Uuid::nil()).await?,
        phone: org.phone,
        email: org.email,
        url: org.website,
        last_verified: org.last_verified_on.map(|d| date_in_words(d, lang)),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_is_free_between_what_is_planned_and_short_gaps_do_not_count() {
        let busy = [
            (14 * 60, 16 * 60),
            (10 * 60, 11 * 60),
            (16 * 60 + 30, 17 * 60),
        ];
        assert_eq!(
            free_stretches(&busy),
            vec![(9 * 60, 10 * 60), (11 * 60, 14 * 60), (17 * 60, 22 * 60)]
        );
        assert_eq!(free_stretches(&[]), vec![(DAY_STARTS, DAY_ENDS)]);
        assert_eq!(free_stretches(&[(8 * 60, 23 * 60)]), vec![]);
        assert_eq!(minutes("9:05"), Some(545));
        assert_eq!(minutes("25:00"), None);
    }
}
