//! Accounts: logging in, resetting a password by a one-time link, inviting providers and
//! professionals. Sessions and cookies are the adapter's (`crate::auth`); this decides who
//! may in, with the same answer after the same work for an unknown address and a wrong
//! password, so nobody can fish for accounts by content or by timing.

use chrono::Duration;
use uuid::Uuid;

use super::{allow, audit, manages, notifications, Saved};
use crate::auth::{
    check_new_password, dummy_password_hash, hash_password, hash_secret, new_secret,
    verify_password, Access, Me, Role, MODERATORS,
};
use crate::domain::Email;
use crate::i18n::Lang;
use crate::{db, AppState, Error, Result};

/// Inviting providers and professionals.
pub const INVITE: Access = Access::Roles(MODERATORS);

/// Where someone starts after logging in: professionals in their workspace, others in
/// `/beheer`.
pub fn home_of(role: Role) -> &'static str {
    if role == Role::Professional {
        "/wijkteam"
    } else {
        "/beheer"
    }
}

/// Checks an address and password. Refused: `Invalid("te-vaak")` (too many tries from this
/// address or for this account) or `Invalid("onjuist")`. The caller starts the session.
pub async fn log_in(
    state: &AppState,
    email: &str,
    password: &str,
    client: Option<std::net::IpAddr>,
) -> Result<Saved<Me>> {
    // Per address, and per account: guessing one account's password from many addresses
    // (or from behind one proxy) is limited too.
    let account = format!("konto:{}", email.trim().to_lowercase());
    if !state.login_limiter.allow(&state.db, client).await?
        || !state.login_limiter.allow_key(&state.db, &account).await?
    {
        return Ok(Saved::Invalid("te-vaak"));
    }
    let user = db::find_user(&state.db, email).await?;
    let user = match user {
        Some(u) if !u.disabled => verify_password(password, &u.password_hash).then_some(u),
        _ => {
            let _ = verify_password(password, dummy_password_hash());
            None
        }
    };
    let Some(user) = user else {
        return Ok(Saved::Invalid("onjuist"));
    };
    let id = user.me.id;
    db::audit(&state.db, Some(id), "login", "user", &id.to_string(), "").await?;
    Ok(Saved::Done(user.me))
}

/// Mails a reset link (valid one hour) when the address has an active account. The caller
/// answers the same either way. Refused: `Invalid("te-vaak")`.
pub async fn request_reset(
    state: &AppState,
    email: &str,
    client: Option<std::net::IpAddr>,
) -> Result<Saved<()>> {
    if !state.login_limiter.allow(&state.db, client).await? {
        return Ok(Saved::Invalid("te-vaak"));
    }
    let Some(user) = db::find_user(&state.db, email)
        .await?
        .filter(|u| !u.disabled)
    else {
        return Ok(Saved::Done(()));
    };
    let token = new_secret();
    let id = user.me.id;
    db::create_token(
        &state.db,
        &hash_secret(&token),
        id,
        "reset",
        Duration::hours(1),
    )
    .await?;
    notifications::password_reset(Lang::Nl, &token).send_all(state, &[user.me.email]);
    db::audit(
        &state.db,
        Some(id),
        "password_reset_requested",
        "user",
        &id.to_string(),
        "",
    )
    .await?;
    Ok(Saved::Done(()))
}

/// Sets a new password with a one-time link (reset or invitation) and logs the user out
/// everywhere else; returns the user, for whom the caller starts a session. Refused:
/// `Invalid("kort")` (password too weak) or `Invalid("verlopen")` (link used or expired).
pub async fn reset_password(state: &AppState, token: &str, password: &str) -> Result<Saved<Uuid>> {
    if let Err(Error::Invalid(_)) = check_new_password(password) {
        return Ok(Saved::Invalid("kort"));
    }
    let Some(user) = db::use_token(&state.db, &hash_secret(token.trim())).await? else {
        return Ok(Saved::Invalid("verlopen"));
    };
    db::set_password_hash(&state.db, user, &hash_password(password)).await?;
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
    Ok(Saved::Done(user))
}

/// A new account without a password for `email` and the secret of a one-time link (seven
/// days) to choose one; `None` when the account exists.
pub(crate) async fn account_with_link(
    state: &AppState,
    email: &Email,
    role: Role,
    gemeente: Option<&str>,
) -> Result<Option<(Uuid, String)>> {
    let user = match db::create_user(&state.db, email.as_str(), "", role, gemeente, "").await {
        Ok(id) => id,
        Err(Error::Invalid(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let token = new_secret();
    db::create_token(
        &state.db,
        &hash_secret(&token),
        user,
        "invite",
        Duration::days(7),
    )
    .await?;
    Ok(Some((user, token)))
}

/// A coordinator or admin invites a provider or professional: an account without a password
/// and a mailed link (valid seven days) to choose one. Refused: `Invalid("uitnodiging")` (not
/// an address) or `Invalid("bestaat")` (the account exists).
pub async fn invite(
    state: &AppState,
    me: &Me,
    email: &str,
    role: &str,
    organisation: Option<Uuid>,
) -> Result<Saved<Uuid>> {
    allow(me, INVITE)?;
    let role = match Role::parse(role) {
        Some(r @ (Role::Provider | Role::Professional)) => r,
        _ => {
            return Err(Error::Invalid(
                "Nodig een aanbieder of een professional uit.".into(),
            ))
        }
    };
    let Some(email) = Email::parse(&email.to_lowercase()) else {
        return Ok(Saved::Invalid("uitnodiging"));
    };
    if let Some(org) = organisation {
        manages(state, me, org).await?;
    }
    let Some((user, token)) =
        account_with_link(state, &email, role, me.gemeente.as_deref()).await?
    else {
        return Ok(Saved::Invalid("bestaat"));
    };
    if let Some(org) = organisation {
        db::link_user_organisation(&state.db, user, org).await?;
    }
    notifications::invitation(Lang::Nl, &me.email, &token).send(state, &email);
    audit(state, me, "invited", "user", user, role.code()).await?;
    Ok(Saved::Done(user))
}

/// Asking for an account: anyone (a new initiative has nobody to invite it).
pub const REQUEST: Access = Access::Public;

/// A new initiative asks for an account and puts its organisation forward in one step.
#[derive(Debug, Clone, Default)]
pub struct AccountRequest {
    /// The person who will keep the listing up to date.
    pub contact_name: String,
    /// Their e-mail address: the account, and where the link to choose a password goes.
    pub email: String,
    /// A phone number of the organisation (optional).
    pub phone: String,
    /// The organisation as it will be on the map.
    pub organisation: super::moderation::NewOrganisation,
}

/// Makes a provider account without a password, registers its organisation (waiting for the
/// gemeente's moderators, like any registration) and mails a link to choose a password.
/// Refused by field name (`contactpersoon`, `email`, `telefoon`, the organisation's fields) or
/// `te-vaak`. An address that has an account already gets the same answer and no new
/// account, so the form tells nobody who is registered.
pub async fn request_account(
    state: &AppState,
    request: &AccountRequest,
    client: Option<std::net::IpAddr>,
) -> Result<Saved<()>> {
    let name = request.contact_name.trim();
    let phone = request.phone.trim();
    let email = Email::parse(&request.email.trim().to_lowercase());
    let problem = if name.chars().count() < 2 || name.chars().count() > 100 {
        Some("contactpersoon")
    } else if email.is_none() {
        Some("email")
    } else if !phone.is_empty() && !crate::domain::is_phone_number(phone) {
        Some("telefoon")
    } else {
        request.organisation.problem()
    };
    if let Some(field) = problem {
        return Ok(Saved::Invalid(field));
    }
    let Some(email) = email else {
        return Ok(Saved::Invalid("email"));
    };
    if !state.signup_limiter.allow(&state.db, client).await? {
        return Ok(Saved::Invalid("te-vaak"));
    }
    // The moderators of the gemeente the organisation is in will see it.
    let gemeente = index::Postcode::parse(request.organisation.postcode.trim())
        .ok()
        .and_then(|p| index::Geocoder::embedded().postcode(&p).ok())
        .map(|p| p.gemeente_code.clone());
    let Some((user, token)) =
        account_with_link(state, &email, Role::Provider, gemeente.as_deref()).await?
    else {
        return Ok(Saved::Done(()));
    };
    db::rename_user(&state.db, user, name).await?;
    let me = Me {
        id: user,
        email: email.as_str().to_string(),
        name: name.to_string(),
        role: Role::Provider,
        gemeente,
    };
    let organisation = super::moderation::NewOrganisation {
        email: email.as_str().to_string(),
        phone: phone.to_string(),
        ..request.organisation.clone()
    };
    // Checked above; should it still be refused, the account is there to log in and retry.
    super::moderation::register(state, &me, &organisation).await?;
    audit(state, &me, "account_requested", "user", user, "").await?;
    notifications::account_requested(Lang::Nl, &request.organisation.name, &token)
        .send(state, &email);
    Ok(Saved::Done(()))
}
