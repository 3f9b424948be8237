//! Logging in and out, and resetting a password by a link.

use leptos::prelude::*;

use crate::auth::Me;

crate::guard!(LogIn, crate::auth::Access::Public);
/// Logs in; on success goes to `/beheer`, otherwise back to `/inloggen?fout=...`.
#[server]
pub async fn log_in(csrf: String, email: String, wachtwoord: String) -> Result<(), ServerFnError> {
    ssr::log_in(csrf, email, wachtwoord)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(LogOut, crate::auth::Access::Public);
/// Logs out and goes to the home page.
#[server]
pub async fn log_out(csrf: String) -> Result<(), ServerFnError> {
    ssr::log_out(csrf)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(RequestReset, crate::auth::Access::Public);
/// Sends a reset link when the address has an account; the answer is the same either way.
#[server]
pub async fn request_reset(csrf: String, email: String) -> Result<(), ServerFnError> {
    ssr::request_reset(csrf, email)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(ResetPassword, crate::auth::Access::Public);
/// Sets a new password with a one-time link (reset or invitation) and logs in.
#[server]
pub async fn reset_password(
    csrf: String,
    token: String,
    wachtwoord: String,
) -> Result<(), ServerFnError> {
    ssr::reset_password(csrf, token, wachtwoord)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(RequestAccount, crate::service::accounts::REQUEST);
/// A new initiative asks for an account and puts its organisation forward. A problem goes back
/// to the form with the organisation's fields only (never the person's name, address or
/// number: those stay in the browser's own fields).
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn request_account(
    csrf: String,
    contactpersoon: String,
    email: String,
    telefoon: String,
    naam: String,
    beschrijving: String,
    adres: String,
    postcode: String,
    plaats: String,
    website: String,
) -> Result<(), ServerFnError> {
    let organisation = [naam, beschrijving, adres, postcode, plaats];
    ssr::request_account(csrf, contactpersoon, email, telefoon, organisation, website)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(WhoAmI, crate::auth::Access::Public);
/// The logged-in user, if any.
#[server]
pub async fn who_am_i() -> Result<Option<Me>, ServerFnError> {
    crate::auth::current_user()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::{check_csrf, end_session, start_session};
    use crate::service::{accounts, Saved};
    use crate::{AppState, Result};

    pub async fn log_in(csrf: String, email: String, wachtwoord: String) -> Result<()> {
        let state = AppState::from_context()?;
        if check_csrf(&csrf).await.is_err() {
            leptos_axum::redirect("/inloggen?fout=verlopen");
            return Ok(());
        }
        let client = crate::limiter::client_ip().await;
        match accounts::log_in(&state, &email, &wachtwoord, client).await? {
            Saved::Done(me) => {
                start_session(me.id).await?;
                leptos_axum::redirect(accounts::home_of(me.role));
            }
            Saved::Invalid(why) => leptos_axum::redirect(&format!("/inloggen?fout={why}")),
        }
        Ok(())
    }

    pub async fn request_account(
        csrf: String,
        contact_name: String,
        email: String,
        phone: String,
        organisation: [String; 5],
        website: String,
    ) -> Result<()> {
        use crate::service::accounts::AccountRequest;
        use crate::service::moderation::NewOrganisation;
        use crate::web::encode;
        let state = AppState::from_context()?;
        if check_csrf(&csrf).await.is_err() {
            leptos_axum::redirect("/account-aanvragen?fout=verlopen");
            return Ok(());
        }
        // Filled by robots only: the same answer, nothing made.
        if !website.trim().is_empty() {
            leptos_axum::redirect("/account-aanvragen?verstuurd=ja");
            return Ok(());
        }
        let [name, description, address, postcode, city] = organisation;
        let request = AccountRequest {
            contact_name,
            email,
            phone,
            organisation: NewOrganisation {
                name,
                description,
                address,
                postcode,
                city,
                ..Default::default()
            },
        };
        let client = crate::limiter::client_ip().await;
        match accounts::request_account(&state, &request, client).await? {
            Saved::Done(()) => leptos_axum::redirect("/account-aanvragen?verstuurd=ja"),
            Saved::Invalid(why) => {
                let o = &request.organisation;
                leptos_axum::redirect(&format!(
                    "/account-aanvragen?fout={why}&naam={}&adres={}&postcode={}&plaats={}",
                    encode(&o.name),
                    encode(&o.address),
                    encode(&o.postcode),
                    encode(&o.city),
                ))
            }
        }
        Ok(())
    }

    pub async fn log_out(csrf: String) -> Result<()> {
        check_csrf(&csrf).await?;
        end_session().await?;
        leptos_axum::redirect("/");
        Ok(())
    }

    pub async fn request_reset(csrf: String, email: String) -> Result<()> {
        let state = AppState::from_context()?;
        check_csrf(&csrf).await?;
        let client = crate::limiter::client_ip().await;
        match accounts::request_reset(&state, &email, client).await? {
            Saved::Done(()) => leptos_axum::redirect("/wachtwoord-vergeten?verstuurd=ja"),
            Saved::Invalid(why) => {
                leptos_axum::redirect(&format!("/wachtwoord-vergeten?fout={why}"))
            }
        }
        Ok(())
    }

    pub async fn reset_password(csrf: String, token: String, wachtwoord: String) -> Result<()> {
        let state = AppState::from_context()?;
        check_csrf(&csrf).await?;
        match accounts::reset_password(&state, &token, &wachtwoord).await? {
            Saved::Done(user) => {
                start_session(user).await?;
                leptos_axum::redirect("/beheer");
            }
            Saved::Invalid(why) => {
                leptos_axum::redirect(&format!("/wachtwoord/{token}?fout={why}"))
            }
        }
        Ok(())
    }
}

crate::guard!(InviteUser, crate::service::accounts::INVITE);
/// A coordinator or admin invites a provider or professional: an account without a password
/// and a mailed link (valid seven days) to choose one.
#[server]
pub async fn invite_user(
    csrf: String,
    email: String,
    rol: String,
    organisatie: String,
) -> Result<(), ServerFnError> {
    invite::invite_user(csrf, email, rol, organisatie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod invite {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::service::{accounts, parse_id, Saved};
    use crate::Result;

    pub async fn invite_user(
        csrf: String,
        email: String,
        rol: String,
        organisatie: String,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::InviteUser>(&csrf).await?;
        let organisation = match organisatie.trim() {
            "" => None,
            id => Some(parse_id(id)?),
        };
        match accounts::invite(&cx.state, &cx.me, &email, &rol, organisation).await? {
            Saved::Done(_) => redirect_refreshed("/beheer", "uitgenodigd=ja"),
            Saved::Invalid(why) => leptos_axum::redirect(&format!("/beheer?fout={why}")),
        }
        Ok(())
    }
}
