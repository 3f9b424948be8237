//! Server functions of the offer editor: load the form, save it.

use leptos::prelude::*;

use crate::manage::{OfferEditor, OfferForm};
use crate::model::OfferDetail;

crate::guard!(LoadOfferForm, crate::service::MANAGE);
/// The editor of an offer the user may manage (`aanbod` = "nieuw": an empty one for
/// `organisatie`); `None` for an unknown offer.
#[server]
pub async fn load_offer_form(
    aanbod: String,
    organisatie: String,
) -> Result<Option<OfferEditor>, ServerFnError> {
    ssr::offer_form(aanbod, organisatie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SaveOffer, crate::service::MANAGE);
/// Saves a new or changed offer. A problem goes back to the editor with `?fout=<veld>` and
/// everything typed; success goes to `/beheer`. Changes are searchable within a second.
/// `stap` = "voorbeeld" (the second button) saves nothing and goes back to the editor with
/// everything typed and `voorbeeld=ja`, where the page shows the offer as residents would.
#[server]
pub async fn save_offer(
    csrf: String,
    form: OfferForm,
    stap: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::save_offer(csrf, form, stap.as_deref() == Some("voorbeeld"))
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(PreviewOffer, crate::service::MANAGE);
/// The public page this form would give, without saving; `None` when a field is wrong.
#[server]
pub async fn preview_offer(form: OfferForm) -> Result<Option<OfferDetail>, ServerFnError> {
    ssr::preview_offer(form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::Ctx;
    use crate::i18n::Lang;
    use crate::manage::{OfferEditor, OfferForm, OFFER_FIELDS};
    use crate::model::OfferDetail;
    use crate::service::{offers, Saved};
    use crate::Result;

    pub async fn offer_form(aanbod: String, organisatie: String) -> Result<Option<OfferEditor>> {
        let cx = Ctx::reading::<super::LoadOfferForm>().await?;
        offers::form(&cx.state, &cx.me, &aanbod, &organisatie, Lang::detect()).await
    }

    pub async fn preview_offer(form: OfferForm) -> Result<Option<OfferDetail>> {
        let cx = Ctx::reading::<super::PreviewOffer>().await?;
        Ok(offers::preview(&cx.state, &cx.me, &form, Lang::detect())
            .await?
            .done())
    }

    pub async fn save_offer(csrf: String, form: OfferForm, preview: bool) -> Result<()> {
        let cx = Ctx::writing::<super::SaveOffer>(&csrf).await?;
        // A preview is only checked here; the editor builds its page when it shows it.
        let outcome = if preview {
            offers::check(&cx.state, &cx.me, &form).await?
        } else {
            offers::save(&cx.state, &cx.me, &form).await?.map(|_| ())
        };
        match outcome {
            Saved::Done(()) if preview => crate::api::back_to_editor(
                "aanbod",
                &form.aanbod,
                &form.organisatie,
                "",
                &OFFER_FIELDS,
                |k| form.get(k),
            ),
            Saved::Done(()) => crate::api::redirect_refreshed("/beheer", ""),
            Saved::Invalid(field) => crate::api::back_to_editor(
                "aanbod",
                &form.aanbod,
                &form.organisatie,
                field,
                &OFFER_FIELDS,
                |k| form.get(k),
            ),
        }
        Ok(())
    }
}
