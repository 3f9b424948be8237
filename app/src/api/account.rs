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
    /// Where someone starts after logging in: professionals in their workspace, the others
    /// in `/beheer`.
    fn home_of(role: crate::auth::Role) -> &'static str {
        if role == crate::auth::Role::Professional {
            "/wijkteam"
        } else {
            "/beheer"
        }
    }

    use chrono::Duration;

    use crate::auth::{
        check_csrf, check_new_password, end_session, hash_password, hash_secret, new_secret,
        start_session, verify_password,
    };
    use crate::{db, AppState, Error, Result};

    pub async fn log_in(csrf: String, email: String, wachtwoord: String) -> Result<()> {
        let state = AppState::from_context()?;
        if check_csrf(&csrf).await.is_err() {
            leptos_axum::redirect("/inloggen?fout=verlopen");
            return Ok(());
        }
        // Per address, and per account: guessing one account's password from many addresses
        // (or from behind one proxy) is limited too.
        let account = format!("konto:{}", email.trim().to_lowercase());
        if !state
            .login_limiter
            .allow(&state.db, crate::limiter::client_ip().await)
            .await?
            || !state.login_limiter.allow_key(&state.db, &account).await?
        {
            leptos_axum::redirect("/inloggen?fout=te-vaak");
            return Ok(());
        }
        let user = db::find_user(&state.db, &email).await?;
        // The same answer, after the same work, for an unknown address and a wrong password:
        // no account fishing by content or by timing.
        let user = match user {
            Some(u) if !u.disabled => verify_password(&wachtwoord, &u.password_hash).then_some(u),
            _ => {
                let _ = verify_password(&wachtwoord, crate::auth::dummy_password_hash());
                None
            }
        };
        let Some(user) = user else {
            leptos_axum::redirect("/inloggen?fout=onjuist");
            return Ok(());
        };
        start_session(user.me.id).await?;
        db::audit(
            &state.db,
            Some(user.me.id),
            "login",
            "user",
            &user.me.id.to_string(),
            "",
        )
        .await?;
        leptos_axum::redirect(home_of(user.me.role));
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
        if !state
            .login_limiter
            .allow(&state.db, crate::limiter::client_ip().await)
            .await?
        {
            leptos_axum::redirect("/wachtwoord-vergeten?fout=te-vaak");
            return Ok(());
        }
        if let Some(user) = db::find_user(&state.db, &email)
            .await?
            .filter(|u| !u.disabled)
        {
            let token = new_secret();
            db::create_token(
                &state.db,
                &hash_secret(&token),
                user.me.id,
                "reset",
                Duration::hours(1),
            )
            .await?;
            state.mailer.send(
                &user.me.email,
                "Nieuw wachtwoord voor de Sociale Kaart",
                &format!(
                    "Hallo,\n\nKies een nieuw wachtwoord met deze link (een uur geldig):\n/wachtwoord/{token}\n\nHeb je dit niet gevraagd? Dan hoef je niets te doen.\n"
                ),
            );
            db::audit(
                &state.db,
                Some(user.me.id),
                "password_reset_requested",
                "user",
                &user.me.id.to_string(),
                "",
            )
            .await?;
        }
        leptos_axum::redirect("/wachtwoord-vergeten?verstuurd=ja");
        Ok(())
    }

    pub async fn reset_password(csrf: String, token: String, wachtwoord: String) -> Result<()> {
        let state = AppState::from_context()?;
        check_csrf(&csrf).await?;
        if let Err(Error::Invalid(_)) = check_new_password(&wachtwoord) {
            leptos_axum::redirect(&format!("/wachtwoord/{token}?fout=kort"));
            return Ok(());
        }
        let Some(user) = db::use_token(&state.db, &hash_secret(token.trim())).await? else {
            leptos_axum::redirect(&format!("/wachtwoord/{token}?fout=verlopen"));
            return Ok(());
        };
        db::set_password_hash(&state.db, user, &hash_password(&wachtwoord)).await?;
        // Whoever had the old password is logged out everywhere.
        db::delete_user_sessions(&state.db, user).await?;
        db::audit(
            &state.db,
            Some(user),
            "password_set",
            "user",
            &user.to_string(),
            "",
        )
        .await?;
        start_session(user).await?;
        leptos_axum::redirect("/beheer");
        Ok(())
    }
}

crate::guard!(
    InviteUser,
    crate::auth::Access::Roles(crate::auth::MODERATORS)
);
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
    use chrono::Duration;
    use uuid::Uuid;

    use crate::auth::{hash_secret, may_manage, new_secret, Role};
    use crate::{db, AppState, Error, Result};

    pub async fn invite_user(
        csrf: String,
        email: String,
        rol: String,
        organisatie: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::InviteUser>(&csrf).await?;
        let role = match Role::parse(&rol) {
            Some(r @ (Role::Provider | Role::Professional)) => r,
            _ => {
                return Err(Error::Invalid(
                    "Nodig een aanbieder of een professional uit.".into(),
                ))
            }
        };
        let email = email.trim().to_lowercase();
        if !crate::auth::is_email(&email) {
            leptos_axum::redirect("/beheer?fout=uitnodiging");
            return Ok(());
        }
        let organisation = match organisatie.trim() {
            "" => None,
            id => Some(id.parse::<Uuid>().map_err(|_| Error::NotFound)?),
        };
        if let Some(org) = organisation {
            if !may_manage(&me, org).await? {
                return Err(Error::Forbidden);
            }
        }
        let user =
            match db::create_user(&state.db, &email, "", role, me.gemeente.as_deref(), "").await {
                Ok(id) => id,
                Err(Error::Invalid(_)) => {
                    leptos_axum::redirect("/beheer?fout=bestaat");
                    return Ok(());
                }
                Err(e) => return Err(e),
            };
        if let Some(org) = organisation {
            db::link_user_organisation(&state.db, user, org).await?;
        }
        let token = new_secret();
        db::create_token(
            &state.db,
            &hash_secret(&token),
            user,
            "invite",
            Duration::days(7),
        )
        .await?;
        state.mailer.send(
            &email,
            "Uitnodiging voor de Sociale Kaart",
            &format!(
                "Hallo,\n\n{} nodigt je uit om mee te werken aan de Sociale Kaart.\nKies een wachtwoord met deze link (zeven dagen geldig):\n/wachtwoord/{token}\n",
                me.email
            ),
        );
        db::audit(
            &state.db,
            Some(me.id),
            "invited",
            "user",
            &user.to_string(),
            role.code(),
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "uitgenodigd=ja");
        Ok(())
    }
}
