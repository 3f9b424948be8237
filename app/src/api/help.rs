//! "Ik help mee": a resident answers a role, the organisation moves the answer on.

use leptos::prelude::*;

crate::guard!(OfferHelp, crate::auth::Access::Public);
/// Stores the answer and sends the person to the thank-you page. A problem sends them back to
/// the form with `?fout=<veld>` and what they typed (only to their own browser), so nothing
/// is lost. Works as a plain form post without JavaScript.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn offer_help(
    rol: String,
    naam: String,
    email: String,
    telefoon: String,
    leeftijd: String,
    bericht: String,
    toestemming: Option<String>,
    website: String,
) -> Result<(), ServerFnError> {
    let form = ssr::Form {
        naam,
        email,
        telefoon,
        leeftijd,
        bericht,
        toestemming: toestemming.unwrap_or_default(),
        website,
    };
    ssr::offer_help(rol, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(MoveHelpAnswer, crate::service::helping::ANSWER);
/// The organisation moves an answer on (kennismaking, aan de slag, past niet with a reason).
#[server]
pub async fn move_help_answer(
    csrf: String,
    antwoord: String,
    status: String,
    reden: Option<String>,
    geplaatst: Option<String>,
) -> Result<(), ServerFnError> {
    let step = (
        status,
        reden.unwrap_or_default(),
        geplaatst.unwrap_or_default(),
    );
    ssr::move_help_answer(csrf, antwoord, step)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(InviteTalent, crate::service::helping::ANSWER);
/// The organisation invites someone nearby who may be asked, for one of its roles.
#[server]
pub async fn invite_talent(
    csrf: String,
    rol: String,
    iemand: String,
    bericht: String,
) -> Result<(), ServerFnError> {
    ssr::invite_talent(csrf, rol, iemand, bericht)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::i18n::Lang;
    use crate::service::helping::{self, HelpOffer};
    use crate::service::{parse_id, Saved};
    use crate::web::encode;
    use crate::{AppState, Result};

    /// The fields of the form, as posted.
    pub struct Form {
        pub naam: String,
        pub email: String,
        pub telefoon: String,
        pub leeftijd: String,
        pub bericht: String,
        pub toestemming: String,
        pub website: String,
    }

    pub async fn offer_help(rol: String, form: Form) -> Result<()> {
        let state = AppState::from_context()?;
        let Ok(id) = rol.trim().parse::<uuid::Uuid>() else {
            leptos_axum::redirect("/");
            return Ok(());
        };
        let offer = HelpOffer {
            name: form.naam,
            email: form.email,
            phone: form.telefoon,
            age: form.leeftijd,
            message: form.bericht,
            consent: form.toestemming,
            website: form.website,
        };
        let client = crate::limiter::client_ip().await;
        match helping::offer_help(&state, id, &offer, client, Lang::detect()).await? {
            Some(Saved::Done(())) => leptos_axum::redirect(&format!("/vraag/{id}/bedankt")),
            Some(Saved::Invalid(field)) => {
                let kept = [
                    ("naam", &offer.name),
                    ("email", &offer.email),
                    ("telefoon", &offer.phone),
                    ("leeftijd", &offer.age),
                    ("bericht", &offer.message),
                ]
                .iter()
                .map(|(k, v)| {
                    format!(
                        "&{k}={}",
                        encode(v.chars().take(500).collect::<String>().as_str())
                    )
                })
                .collect::<String>();
                leptos_axum::redirect(&format!("/vraag/{id}/helpen?fout={field}{kept}"))
            }
            None => leptos_axum::redirect(&format!("/vraag/{id}")),
        }
        Ok(())
    }

    pub async fn move_help_answer(
        csrf: String,
        antwoord: String,
        (status, reason, placed): (String, String, String),
    ) -> Result<()> {
        let step = helping::Move {
            status,
            reason,
            placed,
        };
        let cx = Ctx::writing::<super::MoveHelpAnswer>(&csrf).await?;
        let id = parse_id(&antwoord)?;
        match helping::move_on(&cx.state, &cx.me, id, &step).await? {
            Saved::Done(()) => redirect_refreshed("/beheer", "hulp=ja"),
            Saved::Invalid(field) => {
                leptos_axum::redirect(&format!("/beheer?fout={field}&antwoord={id}#hulp"))
            }
        }
        Ok(())
    }

    pub async fn invite_talent(
        csrf: String,
        rol: String,
        iemand: String,
        bericht: String,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::InviteTalent>(&csrf).await?;
        let (role, entry) = (parse_id(&rol)?, parse_id(&iemand)?);
        match helping::invite(&cx.state, &cx.me, role, entry, &bericht).await? {
            Saved::Done(()) => redirect_refreshed("/beheer", "uitgenodigd-hulp=ja"),
            Saved::Invalid(field) => {
                leptos_axum::redirect(&format!("/beheer?fout=uitnodiging-{field}#in-de-buurt"))
            }
        }
        Ok(())
    }
}
