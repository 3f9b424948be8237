//! Server functions of the location editor: load, save, and where a typed postcode is.

use leptos::prelude::*;

use crate::manage::{AreaView, LocationForm};

crate::guard!(LoadLocationForm, crate::service::MANAGE);
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

crate::guard!(SaveLocation, crate::service::MANAGE);
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
    use crate::api::Ctx;
    use crate::manage::{AreaView, LocationForm, LOCATION_FIELDS};
    use crate::service::{places, Saved};
    use crate::Result;

    pub fn area(postcode: &str) -> Option<AreaView> {
        places::area(postcode)
    }

    pub async fn location_form(
        locatie: String,
        organisatie: String,
    ) -> Result<Option<LocationForm>> {
        let cx = Ctx::reading::<super::LoadLocationForm>().await?;
        places::form(&cx.state, &cx.me, &locatie, &organisatie).await
    }

    pub async fn save_location(csrf: String, form: LocationForm) -> Result<()> {
        let cx = Ctx::writing::<super::SaveLocation>(&csrf).await?;
        match places::save(&cx.state, &cx.me, &form).await? {
            Saved::Done(_) => crate::api::redirect_refreshed("/beheer", ""),
            Saved::Invalid(field) => crate::api::back_to_editor(
                "locatie",
                &form.locatie,
                &form.organisatie,
                field,
                &LOCATION_FIELDS,
                |k| form.get(k),
            ),
        }
        Ok(())
    }
}
