//! Places: the locations of an organisation, where its offers take place. A postcode is
//! checked against the embedded postcode data, which also gives the wijk and gemeente.

use index::matching::{Access, StepFree};
use index::{Geocoder, Postcode};
use uuid::Uuid;

use super::{allow, audit, may_manage, Saved, MANAGE};
use crate::auth::Me;
use crate::db::{self, LocationRecord};
use crate::manage::{AreaView, LocationForm};
use crate::{AppState, Error, Result};

/// Where a postcode is ("wijk Noordwest, buurt ..., gemeente Utrecht") and its centre, from
/// the embedded CBS areas; `None` for a postcode we do not know.
pub fn area(postcode: &str) -> Option<AreaView> {
    let postcode = Postcode::parse(postcode.trim()).ok()?;
    let geocoder = Geocoder::embedded();
    let at = geocoder.postcode(&postcode).ok()?.lat_lon();
    let areas = geocoder.areas(at);
    let parts: Vec<String> = [
        areas.wijk_naam.map(|w| format!("wijk {w}")),
        areas.buurt_naam.map(|b| format!("buurt {b}")),
        areas.gemeente_naam.map(|g| format!("gemeente {g}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(AreaView {
        label: parts.join(", "),
        lat: at.lat(),
        lon: at.lon(),
    })
}

/// The editor of a location `me` may manage (`locatie` = "nieuw": an empty one for
/// `organisatie`); `None` when unknown.
pub async fn form(
    state: &AppState,
    me: &Me,
    locatie: &str,
    organisatie: &str,
) -> Result<Option<LocationForm>> {
    allow(me, MANAGE)?;
    let form = if locatie.trim() == "nieuw" {
        let Ok(org) = organisatie.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        LocationForm {
            organisatie: org.to_string(),
            ..Default::default()
        }
    } else {
        let Ok(id) = locatie.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let Some(l) = db::location(&state.db, id).await? else {
            return Ok(None);
        };
        LocationForm {
            locatie: l.id.to_string(),
            organisatie: l.organization_id.to_string(),
            naam: l.name,
            adres: l.address_1,
            postcode: l.postal_code,
            plaats: l.city,
            toegankelijk: l.accessibility,
            bereikbaar: l.transportation,
            ..access_fields(&Access::parse(&l.access))
        }
    };
    let org: Uuid = form.organisatie.parse().map_err(|_| Error::NotFound)?;
    if !may_manage(state, me, org).await? {
        return Err(Error::Forbidden);
    }
    Ok(Some(form))
}

/// The form's access fields for what is stored.
fn access_fields(a: &Access) -> LocationForm {
    let yes = |on: bool| if on { "ja".to_string() } else { String::new() };
    LocationForm {
        gelijkvloers: a.step_free.word().into(),
        lift: yes(a.lift),
        toilet: yes(a.toilet),
        ophalen: yes(a.pick_up),
        ov: yes(a.near_transit),
        ..Default::default()
    }
}

/// What the form says about access.
fn access_of(f: &LocationForm) -> Access {
    Access {
        step_free: StepFree::from_word(&f.gelijkvloers),
        lift: f.lift == "ja",
        toilet: f.toilet == "ja",
        pick_up: f.ophalen == "ja",
        near_transit: f.ov == "ja",
    }
}

fn problem(f: &LocationForm) -> Option<&'static str> {
    let long = |v: &str, max: usize| v.chars().count() > max;
    Some(if f.naam.trim().chars().count() < 2 || long(&f.naam, 150) {
        "naam"
    } else if f.adres.trim().is_empty() || long(&f.adres, 200) {
        "adres"
    } else if area(&f.postcode).is_none() {
        "postcode"
    } else if f.plaats.trim().is_empty() || long(&f.plaats, 100) {
        "plaats"
    } else if long(&f.toegankelijk, 500) {
        "toegankelijk"
    } else if long(&f.bereikbaar, 500) {
        "bereikbaar"
    } else if !matches!(f.gelijkvloers.as_str(), "" | "ja" | "deels" | "nee") {
        "gelijkvloers"
    } else {
        return None;
    })
}

/// Saves a location (new when `form.locatie` is empty) and returns its id.
pub async fn save(state: &AppState, me: &Me, form: &LocationForm) -> Result<Saved<Uuid>> {
    allow(me, MANAGE)?;
    let existing = match form.locatie.trim() {
        "" => None,
        id => Some(id.parse::<Uuid>().map_err(|_| Error::NotFound)?),
    };
    let organisation = match existing {
        Some(id) => {
            db::location(&state.db, id)
                .await?
                .ok_or(Error::NotFound)?
                .organization_id
        }
        None => form
            .organisatie
            .trim()
            .parse()
            .map_err(|_| Error::NotFound)?,
    };
    if !may_manage(state, me, organisation).await? {
        return Err(Error::Forbidden);
    }
    if let Some(field) = problem(form) {
        return Ok(Saved::Invalid(field));
    }
    let postcode = index::Postcode::parse(form.postcode.trim())
        .map(|p| p.to_string())
        .unwrap_or_default();
    let id = existing.unwrap_or_else(Uuid::new_v4);
    db::save_location(
        &state.db,
        LocationRecord {
            id,
            organization_id: organisation,
            name: form.naam.trim().into(),
            address_1: form.adres.trim().into(),
            postal_code: postcode,
            city: form.plaats.trim().into(),
            accessibility: form.toegankelijk.trim().into(),
            transportation: form.bereikbaar.trim().into(),
            access: access_of(form).codes(),
            ..Default::default()
        },
    )
    .await?;
    let action = if existing.is_some() {
        "location_changed"
    } else {
        "location_created"
    };
    audit(state, me, action, "location", id, form.naam.trim()).await?;
    Ok(Saved::Done(id))
}
