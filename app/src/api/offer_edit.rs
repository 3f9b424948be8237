//! Server functions of the offer editor: load the form, save it.

use leptos::prelude::*;

use crate::manage::OfferForm;

/// The editor's fields of an offer the user may manage; `None` for an unknown offer.
#[server]
pub async fn load_offer_form(aanbod: String) -> Result<Option<OfferForm>, ServerFnError> {
    ssr::offer_form(aanbod)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

/// Saves a new or changed offer. A problem goes back to the editor with `?fout=<veld>` and
/// everything typed; success goes to `/beheer`. Changes are searchable within a second.
#[server]
pub async fn save_offer(csrf: String, form: OfferForm) -> Result<(), ServerFnError> {
    ssr::save_offer(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::NaiveTime;
    use uuid::Uuid;

    use crate::auth::{current_user, may_manage, require, MANAGERS};
    use crate::db::{self, ScheduleRecord, ServiceRecord};
    use crate::manage::{OfferForm, KINDS, OFFER_FIELDS};
    use crate::pages::encode;
    use crate::{AppState, Error, Result};

    fn yes(v: bool) -> String {
        if v {
            "ja".into()
        } else {
            String::new()
        }
    }

    pub async fn offer_form(aanbod: String) -> Result<Option<OfferForm>> {
        let state = AppState::from_context()?;
        let Some(me) = current_user().await? else {
            return Err(Error::Unauthenticated);
        };
        let Ok(id) = aanbod.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let data = db::load_dataset(&state.db, Some(&[id])).await?;
        let Some(s) = data.services.into_iter().next() else {
            return Ok(None);
        };
        if !may_manage(&me, s.organization_id).await? {
            return Err(Error::Forbidden);
        }
        let term = |taxonomy: &str| {
            s.terms
                .iter()
                .find(|(t, _)| t == taxonomy)
                .map(|(_, c)| c.clone())
                .unwrap_or_default()
        };
        let slot = s.schedules.first();
        Ok(Some(OfferForm {
            aanbod: s.id.to_string(),
            organisatie: s.organization_id.to_string(),
            naam: s.name.clone(),
            beschrijving: s.description.clone(),
            soort: s.kind.clone(),
            leefgebied: term("leefgebied"),
            min_leeftijd: s.minimum_age.map(|a| a.to_string()).unwrap_or_default(),
            max_leeftijd: s.maximum_age.map(|a| a.to_string()).unwrap_or_default(),
            gratis: yes(s.is_free),
            kosten: s.fees_description.clone(),
            dag: slot.map(|x| x.weekday.to_string()).unwrap_or_default(),
            van: slot.map(|x| x.opens_at.clone()).unwrap_or_default(),
            tot: slot.map(|x| x.closes_at.clone()).unwrap_or_default(),
            telefoon: s.phone.clone().unwrap_or_default(),
            email: s.email.clone().unwrap_or_default(),
            geen_indicatie: yes(s.no_referral_needed),
            uitkering: yes(s.keeps_benefit),
        }))
    }

    fn age(text: &str) -> std::result::Result<Option<i32>, ()> {
        match text.trim() {
            "" => Ok(None),
            t => t
                .parse::<i32>()
                .ok()
                .filter(|a| (0..=120).contains(a))
                .map(Some)
                .ok_or(()),
        }
    }

    fn time(text: &str) -> Option<String> {
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .ok()
            .map(|t| t.format("%H:%M").to_string())
    }

    /// The first field that is wrong.
    fn problem(f: &OfferForm) -> Option<&'static str> {
        let (min, max) = (age(&f.min_leeftijd), age(&f.max_leeftijd));
        let day = f.dag.trim();
        Some(
            if f.naam.trim().chars().count() < 3 || f.naam.chars().count() > 150 {
                "naam"
            } else if f.beschrijving.trim().is_empty() || f.beschrijving.chars().count() > 4000 {
                "beschrijving"
            } else if !KINDS.contains(&f.soort.as_str()) {
                "soort"
            } else if db::term_name("leefgebied", &f.leefgebied).is_none() {
                "leefgebied"
            } else if min.is_err() {
                "min_leeftijd"
            } else if max.is_err() || matches!((min, max), (Ok(Some(a)), Ok(Some(b))) if a > b) {
                "max_leeftijd"
            } else if f.kosten.chars().count() > 300 {
                "kosten"
            } else if !day.is_empty() && !matches!(day.parse::<u8>(), Ok(1..=7)) {
                "dag"
            } else if !day.is_empty() && time(&f.van).is_none() {
                "van"
            } else if !day.is_empty() && (time(&f.tot).is_none() || time(&f.tot) <= time(&f.van)) {
                "tot"
            } else if f.telefoon.chars().count() > 30 {
                "telefoon"
            } else if !f.email.trim().is_empty() && !f.email.contains('@') {
                "email"
            } else {
                return None;
            },
        )
    }

    fn back(f: &OfferForm, field: &str) {
        let values: Vec<String> = OFFER_FIELDS
            .iter()
            .map(|k| {
                let v = match *k {
                    "naam" => &f.naam,
                    "beschrijving" => &f.beschrijving,
                    "soort" => &f.soort,
                    "leefgebied" => &f.leefgebied,
                    "min_leeftijd" => &f.min_leeftijd,
                    "max_leeftijd" => &f.max_leeftijd,
                    "gratis" => &f.gratis,
                    "kosten" => &f.kosten,
                    "dag" => &f.dag,
                    "van" => &f.van,
                    "tot" => &f.tot,
                    "telefoon" => &f.telefoon,
                    "email" => &f.email,
                    "geen_indicatie" => &f.geen_indicatie,
                    _ => &f.uitkering,
                };
                format!("{k}={}", encode(v))
            })
            .collect();
        let path = match f.aanbod.trim() {
            "" => "nieuw".to_string(),
            id => id.to_string(),
        };
        leptos_axum::redirect(&format!(
            "/beheer/aanbod/{path}?organisatie={}&fout={field}&{}",
            encode(&f.organisatie),
            values.join("&")
        ));
    }

    pub async fn save_offer(csrf: String, form: OfferForm) -> Result<()> {
        let state = AppState::from_context()?;
        let me = require(&csrf, MANAGERS).await?;
        let existing = match form.aanbod.trim() {
            "" => None,
            id => Some(id.parse::<Uuid>().map_err(|_| Error::NotFound)?),
        };
        let (mut service, organisation) = match existing {
            Some(id) => {
                let data = db::load_dataset(&state.db, Some(&[id])).await?;
                let s = data.services.into_iter().next().ok_or(Error::NotFound)?;
                let org = s.organization_id;
                (s, org)
            }
            None => {
                let org: Uuid = form
                    .organisatie
                    .trim()
                    .parse()
                    .map_err(|_| Error::NotFound)?;
                let locations = db::organisation_locations(&state.db, org).await?;
                (
                    ServiceRecord {
                        id: Uuid::new_v4(),
                        organization_id: org,
                        status: "active".into(),
                        source: "provider".into(),
                        location_ids: locations,
                        languages: vec!["nl".into()],
                        ..Default::default()
                    },
                    org,
                )
            }
        };
        if !may_manage(&me, organisation).await? {
            return Err(Error::Forbidden);
        }
        if let Some(field) = problem(&form) {
            back(&form, field);
            return Ok(());
        }
        service.name = form.naam.trim().into();
        service.description = form.beschrijving.trim().into();
        service.kind = form.soort.clone();
        service.minimum_age = age(&form.min_leeftijd).ok().flatten();
        service.maximum_age = age(&form.max_leeftijd).ok().flatten();
        service.is_free = form.gratis == "ja";
        service.fees_description = form.kosten.trim().into();
        service.no_referral_needed = form.geen_indicatie == "ja";
        service.keeps_benefit = form.uitkering == "ja";
        service.phone = Some(form.telefoon.trim().to_string()).filter(|p| !p.is_empty());
        service.email = Some(form.email.trim().to_string()).filter(|e| !e.is_empty());
        service.last_verified_on = Some(chrono::Utc::now().date_naive());
        // The editor owns the main leefgebied, the kind and the three kenmerken; other terms stay.
        service.terms.retain(|(t, c)| {
            t != "leefgebied"
                && t != "soort"
                && !(t == "kenmerk"
                    && ["gratis", "geen-indicatie", "behoud-uitkering"].contains(&c.as_str()))
        });
        service
            .terms
            .push(("leefgebied".into(), form.leefgebied.clone()));
        service.terms.push(("soort".into(), form.soort.clone()));
        for (on, code) in [
            (service.is_free, "gratis"),
            (service.no_referral_needed, "geen-indicatie"),
            (service.keeps_benefit, "behoud-uitkering"),
        ] {
            if on {
                service.terms.push(("kenmerk".into(), code.into()));
            }
        }
        service.schedules = match form.dag.trim().parse::<u8>() {
            Ok(day @ 1..=7) => vec![ScheduleRecord {
                weekday: day,
                opens_at: time(&form.van).unwrap_or_default(),
                closes_at: time(&form.tot).unwrap_or_default(),
                description: String::new(),
            }],
            _ => vec![],
        };
        let id = service.id;
        db::save_dataset(
            &state.db,
            &db::Dataset {
                services: vec![service],
                ..Default::default()
            },
        )
        .await?;
        let action = if existing.is_some() {
            "offer_changed"
        } else {
            "offer_created"
        };
        db::audit(
            &state.db,
            Some(me.id),
            action,
            "service",
            &id.to_string(),
            form.naam.trim(),
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "");
        Ok(())
    }
}
