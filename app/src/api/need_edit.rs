//! Server functions of the need editor: what an organisation asks (volunteers, trainers,
//! space), which talents fit, how much time, which ages, how many people.

use leptos::prelude::*;

use crate::manage::{NeedEditor, NeedForm};

crate::guard!(LoadNeedForm, crate::service::MANAGE);
/// The editor of a need the user may manage (`vraag` = "nieuw": an empty one for
/// `organisatie`); `None` when unknown.
#[server]
pub async fn load_need_form(
    vraag: String,
    organisatie: String,
) -> Result<Option<NeedEditor>, ServerFnError> {
    ssr::need_form(vraag, organisatie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SaveNeed, crate::service::MANAGE);
/// Saves a need. A problem goes back to the editor with `?fout=<veld>` and what was typed.
#[server]
pub async fn save_need(csrf: String, form: NeedForm) -> Result<(), ServerFnError> {
    ssr::save_need(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::Ctx;
    use crate::manage::{NeedEditor, NeedForm, NEED_FIELDS};
    use crate::service::{needs, Saved};
    use crate::Result;

    pub async fn need_form(vraag: String, organisatie: String) -> Result<Option<NeedEditor>> {
        let cx = Ctx::reading::<super::LoadNeedForm>().await?;
        needs::form(&cx.state, &cx.me, &vraag, &organisatie).await
    }

    pub async fn save_need(csrf: String, form: NeedForm) -> Result<()> {
        let cx = Ctx::writing::<super::SaveNeed>(&csrf).await?;
        match needs::save(&cx.state, &cx.me, &form).await? {
            Saved::Done(_) => crate::api::redirect_refreshed("/beheer", ""),
            Saved::Invalid(field) => crate::api::back_to_editor(
                "vraag",
                &form.vraag,
                &form.organisatie,
                field,
                &NEED_FIELDS,
                |k| form.get(k),
            ),
        }
        Ok(())
    }
}
