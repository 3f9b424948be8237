//! Needs: what an organisation asks (volunteers, trainers, space), which talents fit, how
//! much time, which ages, how many people. Open needs become roles in search and in the
//! *bijdragen* lane.

use uuid::Uuid;

use super::{allow, audit, may_manage, optional_number as number, Saved, MANAGE};
use crate::auth::Me;
use crate::db::{self, NeedRecord};
use crate::domain::{Compensation, Weekday};
use crate::manage::{NeedEditor, NeedForm, NEED_KINDS};
use crate::{AppState, Error, Result};

fn text(n: Option<i32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The editor of a need `me` may manage (`vraag` = "nieuw": an empty one for `organisatie`);
/// `None` when unknown.
pub async fn form(
    state: &AppState,
    me: &Me,
    vraag: &str,
    organisatie: &str,
) -> Result<Option<NeedEditor>> {
    allow(me, MANAGE)?;
    let form = if vraag.trim() == "nieuw" {
        let Ok(org) = organisatie.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        NeedForm {
            organisatie: org.to_string(),
            soort: "vrijwilliger".into(),
            open: "ja".into(),
            vergoeding: Compensation::Geen.code().into(),
            ..Default::default()
        }
    } else {
        let Ok(id) = vraag.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let Some((n, open)) = db::need(&state.db, id).await? else {
            return Ok(None);
        };
        NeedForm {
            vraag: n.id.to_string(),
            organisatie: n.organization_id.to_string(),
            soort: n.kind,
            titel: n.title,
            beschrijving: n.description,
            talenten: n.talents,
            tijd: n.time_commitment,
            min_leeftijd: text(n.minimum_age),
            max_leeftijd: text(n.maximum_age),
            aantal: text(n.people_wanted),
            aanbod: n.service_id.map(|s| s.to_string()).unwrap_or_default(),
            open: if open { "ja".into() } else { String::new() },
            taken: n.tasks,
            niet_taken: n.not_tasks,
            training: n.training,
            begeleiding: n.support,
            vergoeding: n.compensation.code().into(),
            bedrag: text(n.allowance_euros),
            uitkering: if n.benefit_cleared {
                "ja".into()
            } else {
                String::new()
            },
            dagen: n
                .days
                .iter()
                .filter_map(|d| Weekday::from_iso(*d))
                .map(|d| d.code().to_string())
                .collect(),
            uren: text(n.hours_per_week),
            contact_naam: n.contact_name,
            contact_rol: n.contact_role,
        }
    };
    let org: Uuid = form.organisatie.parse().map_err(|_| Error::NotFound)?;
    if !may_manage(state, me, org).await? {
        return Err(Error::Forbidden);
    }
    let talents = db::term_codes("talent")
        .into_iter()
        .map(|c| {
            (
                c.to_string(),
                db::term_name("talent", c).unwrap_or_default(),
            )
        })
        .collect();
    let offers = db::offers_of(&state.db, org)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    Ok(Some(NeedEditor {
        form,
        talents,
        offers,
    }))
}

fn problem(f: &NeedForm, offers: &[Uuid]) -> Option<&'static str> {
    let (min, max) = (number(&f.min_leeftijd, 120), number(&f.max_leeftijd, 120));
    Some(if !NEED_KINDS.contains(&f.soort.as_str()) {
        "soort"
    } else if f.titel.trim().chars().count() < 3 || f.titel.chars().count() > 150 {
        "titel"
    } else if f.beschrijving.chars().count() > 4000 {
        "beschrijving"
    } else if f
        .talenten
        .iter()
        .any(|t| db::term_name("talent", t).is_none())
    {
        "talenten"
    } else if f.tijd.chars().count() > 100 {
        "tijd"
    } else if min.is_err() {
        "min_leeftijd"
    } else if max.is_err() || matches!((min, max), (Ok(Some(a)), Ok(Some(b))) if a > b) {
        "max_leeftijd"
    } else if number(&f.aantal, 10_000).is_err() {
        "aantal"
    } else if f.taken.chars().count() > 2000 {
        "taken"
    } else if f.niet_taken.chars().count() > 2000 {
        "niet_taken"
    } else if f.dagen.iter().any(|d| Weekday::parse(d).is_none()) {
        "dagen"
    } else if number(&f.uren, 80).is_err() {
        "uren"
    } else if f.training.chars().count() > 1000 {
        "training"
    } else if f.begeleiding.chars().count() > 1000 {
        "begeleiding"
    } else if !f.vergoeding.trim().is_empty() && Compensation::parse(&f.vergoeding).is_none() {
        "vergoeding"
    } else if super::optional_euros(&f.bedrag, 10_000).is_err() {
        "bedrag"
    } else if f.contact_naam.chars().count() > 100 {
        "contact_naam"
    } else if f.contact_rol.chars().count() > 100 {
        "contact_rol"
    } else if !f.aanbod.trim().is_empty()
        && !f
            .aanbod
            .trim()
            .parse()
            .is_ok_and(|id: Uuid| offers.contains(&id))
    {
        "aanbod"
    } else {
        return None;
    })
}

/// Saves a need (new when `form.vraag` is empty) and returns its id; the matching and the
/// coalition scan see it from the next catalog read.
pub async fn save(state: &AppState, me: &Me, form: &NeedForm) -> Result<Saved<Uuid>> {
    allow(me, MANAGE)?;
    let existing = match form.vraag.trim() {
        "" => None,
        id => Some(id.parse::<Uuid>().map_err(|_| Error::NotFound)?),
    };
    let (organisation, location) = match existing {
        Some(id) => {
            let (n, _) = db::need(&state.db, id).await?.ok_or(Error::NotFound)?;
            (n.organization_id, n.location_id)
        }
        None => {
            let org: Uuid = form
                .organisatie
                .trim()
                .parse()
                .map_err(|_| Error::NotFound)?;
            (org, None)
        }
    };
    if !may_manage(state, me, organisation).await? {
        return Err(Error::Forbidden);
    }
    let offers: Vec<Uuid> = db::offers_of(&state.db, organisation)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    if let Some(field) = problem(form, &offers) {
        return Ok(Saved::Invalid(field));
    }
    // A need sits where the organisation is, so "ik kan iets" can say how far it is.
    let location = match location {
        Some(l) => Some(l),
        None => db::organisation_locations(&state.db, organisation)
            .await?
            .into_iter()
            .next(),
    };
    let id = existing.unwrap_or_else(Uuid::new_v4);
    let compensation = Compensation::parse(&form.vergoeding).unwrap_or_default();
    let mut talents = form.talenten.clone();
    talents.sort();
    talents.dedup();
    db::save_need(
        &state.db,
        NeedRecord {
            id,
            organization_id: organisation,
            service_id: form.aanbod.trim().parse().ok(),
            location_id: location,
            kind: form.soort.clone(),
            title: form.titel.trim().into(),
            description: form.beschrijving.trim().into(),
            minimum_age: number(&form.min_leeftijd, 120).ok().flatten(),
            maximum_age: number(&form.max_leeftijd, 120).ok().flatten(),
            time_commitment: form.tijd.trim().into(),
            people_wanted: number(&form.aantal, 10_000).ok().flatten(),
            talents,
            tasks: form.taken.trim().into(),
            not_tasks: form.niet_taken.trim().into(),
            training: form.training.trim().into(),
            support: form.begeleiding.trim().into(),
            compensation,
            allowance_euros: (compensation == Compensation::Vergoeding)
                .then(|| super::optional_euros(&form.bedrag, 10_000).ok().flatten())
                .flatten(),
            benefit_cleared: compensation == Compensation::Vergoeding && form.uitkering == "ja",
            days: form
                .dagen
                .iter()
                .filter_map(|d| Weekday::parse(d))
                .map(Weekday::iso)
                .collect(),
            hours_per_week: number(&form.uren, 80).ok().flatten(),
            contact_name: form.contact_naam.trim().into(),
            contact_role: form.contact_rol.trim().into(),
        },
        form.open == "ja",
    )
    .await?;
    let action = if existing.is_some() {
        "need_changed"
    } else {
        "need_created"
    };
    audit(state, me, action, "need", id, form.titel.trim()).await?;
    Ok(Saved::Done(id))
}
