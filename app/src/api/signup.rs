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

    use crate::{db, AppState, Result};

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
        let back = |fout: &str| leptos_axum::redirect(&format!("/aanbod/{id}/meedoen?fout={fout}"));
        let thanks = || leptos_axum::redirect(&format!("/aanbod/{id}/bedankt"));
        // The honeypot field is hidden from people; only robots fill it. They get the same
        // answer as people, so they learn nothing.
        if !website.trim().is_empty() {
            thanks();
            return Ok(());
        }
        let (naam, contact, bericht) = (naam.trim(), contact.trim(), bericht.trim());
        let problem = if naam.is_empty() || naam.chars().count() > 100 {
            Some("naam")
        } else if contact.chars().count() < 5 || contact.chars().count() > 200 {
            Some("contact")
        } else if bericht.chars().count() > 1000 {
            Some("bericht")
        } else {
            None
        };
        if let Some(field) = problem {
            back(field);
            return Ok(());
        }
        let ip = crate::limiter::client_ip().await;
        if !state.signup_limiter.allow(&state.db, ip).await? {
            back("te-vaak");
            return Ok(());
        }
        // Personal data: sealed before it reaches the database.
        let seal = |text: &str| state.sealer.seal(text);
        match db::save_signup(&state.db, id, &seal(naam), &seal(contact), &seal(bericht)).await? {
            Some(_) => thanks(),
            None => leptos_axum::redirect(&format!("/aanbod/{id}")),
        }
        Ok(())
    }
}
