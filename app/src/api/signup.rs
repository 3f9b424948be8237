//! `sign_up`: "ik doe mee", a resident asks to join an offer.

use leptos::prelude::*;

crate::guard!(SignUp, crate::auth::Access::Public);
/// Stores the request and sends the person to the thank-you page; a problem sends them back to
/// the form with `?fout=<veld>`. Works as a plain form post without JavaScript.
#[server]
pub async fn sign_up(
    offer: String,
    naam: String,
    contact: String,
    bericht: String,
    website: String,
) -> Result<(), ServerFnError> {
    ssr::sign_up(offer, naam, contact, bericht, website)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use uuid::Uuid;

    use crate::service::offers::{self, SignUp};
    use crate::service::Saved;
    use crate::{AppState, Result};

    pub async fn sign_up(
        offer: String,
        naam: String,
        contact: String,
        bericht: String,
        website: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let Ok(id) = offer.parse::<Uuid>() else {
            leptos_axum::redirect("/");
            return Ok(());
        };
        let form = SignUp {
            name: naam,
            contact,
            message: bericht,
            website,
        };
        let client = crate::limiter::client_ip().await;
        match offers::sign_up(&state, id, &form, client).await? {
            Some(Saved::Done(())) => leptos_axum::redirect(&format!("/aanbod/{id}/bedankt")),
            Some(Saved::Invalid(field)) => {
                leptos_axum::redirect(&format!("/aanbod/{id}/meedoen?fout={field}"))
            }
            None => leptos_axum::redirect(&format!("/aanbod/{id}")),
        }
        Ok(())
    }
}
