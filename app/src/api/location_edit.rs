//! Server functions of the location editor: load, save, and where a typed postcode is.

use leptos::prelude::*;

use crate::manage::{AreaView, LocationForm};

crate::guard!(
    LoadLocationForm,
    crate::auth::Access::Roles(crate::auth::MANAGERS)
);
/// The editor of a location the user may manage (`locatie` = "nieuw": an empty one for
/// `organisatie`); `None` when unknown.
#[server]
pub async fn load_location_form(
    locatie: String,
    organisatie: String,
) -> Result<Option<LocationForm>, ServerFnError> {
    ssr::location_form(locatie, organisatie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    SaveLocation,
    crate::auth::Access::Roles(crate::auth::MANAGERS)
);
/// Saves a location. A problem goes back to the editor with `?fout=<veld>` and what was typed.
#[server]
pub async fn save_location(csrf: String, form: LocationForm) -> Result<(), ServerFnError> {
    ssr::save_location(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(AreaOfPostcode, crate::auth::Access::Public);
/// The wijk and gemeente of a postcode, shown while typing; `None` for an unknown postcode.
/// Public data (CBS areas), so no account needed.
#[server]
pub async fn area_of_postcode(postcode: String) -> Result<Option<AreaView>, ServerFnError> {
    Ok(ssr::area(&postcode))
}

#[cfg(feature = "ssr")]
mod ssr {
    use uuid::Uuid;

    use crate::auth::{current_user, may_manage};
    use crate::db::{self, LocationRecord};
    use crate::manage::{AreaView, LocationForm, LOCATION_FIELDS};
    use crate::{AppState, Error, Result};

    pub fn area(postcode: &str) -> Option<AreaView> {
        db::postcode_area(postcode)
    }

    pub async fn location_form(
        locatie: String,
        organisatie: String,
    ) -> Result<Option<LocationForm>> {
        let state = AppState::from_context()?;
        let Some(me) = current_user().await? else {
            return Err(Error::Unauthenticated);
        };
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
            }
        };
        let org: Uuid = form.organisatie.parse().map_err(|_| Error::NotFound)?;
        if !may_manage(&me, org).await? {
            return Err(Error::Forbidden);
        }
        Ok(Some(form))
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
        } else {
            return None;
        })
    }

    fn back(f: &LocationForm, field: &str) {
        crate::api::back_to_editor(
            "locatie",
            &f.locatie,
            &f.organisatie,
            field,
            &LOCATION_FIELDS,
            |k| f.get(k),
        );
    }

    pub async fn save_location(csrf: String, form: LocationForm) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::SaveLocation>(&csrf).await?;
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
        if !may_manage(&me, organisation).await? {
            return Err(Error::Forbidden);
        }
        if let Some(field) = problem(&form) {
            back(&form, field);
            return Ok(());
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
                ..Default::default()
            },
        )
        .await?;
        let action = if existing.is_some() {
            "location_changed"
        } else {
            "location_created"
        };
        db::audit(
            &state.db,
            Some(me.id),
            action,
            "location",
            &id.to_string(),
            form.naam.trim(),
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "");
        Ok(())
    }
}
