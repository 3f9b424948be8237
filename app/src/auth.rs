//! Accounts for the people who maintain the map: roles, sessions, CSRF, who may do what.
//!
//! Residents never need an account. Sessions live in the database (a hash of the cookie value),
//! so any node can serve any request. Every state-changing form carries a CSRF token that must
//! equal the `sk_csrf` cookie (and, when logged in, the session's token). Every server function
//! has an entry in [`access`]; a server function without one is refused (fail closed).

pub use crate::domain::{Me, Role};

/// Who may call a server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, also without an account (search, sign-up, login).
    Public,
    /// Logged in with one of these roles; finer checks (which organisation) happen inside.
    Roles(&'static [Role]),
}

impl Access {
    /// True when someone logged in with `role` may call it.
    pub fn admits(self, role: Role) -> bool {
        match self {
            Access::Public => true,
            Access::Roles(roles) => roles.contains(&role),
        }
    }
}

/// Roles that manage listings.
pub const MANAGERS: &[Role] = &[Role::Provider, Role::Coordinator, Role::Admin];
/// Providers only.
pub const PROVIDERS: &[Role] = &[Role::Provider];
/// Wijkteams and other referrers.
pub const PROFESSIONALS: &[Role] = &[Role::Professional];
/// Who can be on a side of a referral: the referrer, the receiver, the coordinator it is
/// escalated to (each checked per referral inside).
pub const REFERRAL_SIDES: &[Role] = &[Role::Professional, Role::Provider, Role::Coordinator];
/// Roles that moderate.
pub const MODERATORS: &[Role] = &[Role::Coordinator, Role::Admin];
/// Every role.
pub const ANY_ROLE: &[Role] = &Role::ALL;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "sk_sessie";
/// Name of the CSRF cookie (readable by the page, which copies it into forms).
pub const CSRF_COOKIE: &str = "sk_csrf";

/// The value of a cookie in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// The CSRF token forms must carry: from the cookie (browser), or from the request and, when
/// missing, a fresh one that the response sets (server). Both sides render the same value.
pub fn csrf_token() -> String {
    #[cfg(feature = "ssr")]
    {
        server::csrf_for_render()
    }
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::JsCast;
        leptos::prelude::document()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|d| d.cookie().ok())
            .and_then(|c| cookie_value(&c, CSRF_COOKIE).map(String::from))
            .unwrap_or_default()
    }
}

/// A plain e-mail address (see [`crate::domain::Email`]).
pub fn is_email(text: &str) -> bool {
    text == text.trim() && crate::domain::Email::parse(text).is_some()
}

#[cfg(feature = "ssr")]
pub use server::*;

/// Declares who may call a server function, beside it: `guard!(SaveOffer,
/// Access::Roles(MANAGERS))`. Compiled on the server only.
#[macro_export]
macro_rules! guard {
    ($function:ty, $access:expr) => {
        #[cfg(feature = "ssr")]
        impl $crate::auth::Guarded for $function {
            const ACCESS: $crate::auth::Access = $access;
        }
    };
}

#[cfg(feature = "ssr")]
mod server {
    use axum::http::header::{COOKIE, SET_COOKIE};
    use axum::http::request::Parts;
    use axum::http::HeaderValue;
    use chrono::Duration;
    use leptos::prelude::{provide_context, use_context};
    use sha2::{Digest, Sha256};
    use uuid::Uuid;

    use super::*;
    use crate::db::{self, UserRecord};
    use crate::{AppState, Error, Result};

    /// How long a session lasts.
    pub const SESSION_DAYS: i64 = 14;

    /// A secret for a cookie or a link: 244 random bits from the OS, as 64 hex characters.
    pub fn new_secret() -> String {
        format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
    }

    /// What is stored instead of a secret.
    pub fn hash_secret(secret: &str) -> String {
        let digest = Sha256::digest(secret.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// An argon2 hash of a password.
    pub fn hash_password(password: &str) -> String {
        password_auth::generate_hash(password)
    }

    /// A hash that no password matches in practice, checked for unknown accounts so that they
    /// take as long as known ones.
    pub fn dummy_password_hash() -> &'static str {
        static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        HASH.get_or_init(|| password_auth::generate_hash(new_secret()))
    }

    /// Checks a password against a stored hash (false for an empty hash).
    pub fn verify_password(password: &str, hash: &str) -> bool {
        !hash.is_empty() && password_auth::verify_password(password, hash).is_ok()
    }

    /// A new password must be long enough to resist guessing.
    pub fn check_new_password(password: &str) -> Result<()> {
        let n = password.chars().count();
        if !(10..=200).contains(&n) {
            return Err(Error::Invalid(
                "Kies een wachtwoord van minstens 10 tekens.".into(),
            ));
        }
        Ok(())
    }

    fn request_cookie(name: &str) -> Option<String> {
        let parts = use_context::<Parts>()?;
        let header = parts.headers.get(COOKIE)?.to_str().ok()?;
        cookie_value(header, name).map(String::from)
    }

    /// True when the browser reached us over TLS (directly, or through a proxy that says so).
    fn over_tls() -> bool {
        use_context::<Parts>().is_some_and(|parts| {
            parts.uri.scheme_str() == Some("https")
                || parts
                    .headers
                    .get("x-forwarded-proto")
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.eq_ignore_ascii_case("https"))
        })
    }

    fn set_cookie(value: String) {
        // Behind TLS the cookies must never travel over plain HTTP.
        let value = if over_tls() {
            format!("{value}; Secure")
        } else {
            value
        };
        if let (Some(response), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            HeaderValue::from_str(&value),
        ) {
            response.append_header(SET_COOKIE, value);
        }
    }

    /// The CSRF token of this request, chosen once per request.
    #[derive(Clone)]
    struct RenderCsrf(String);

    pub(super) fn csrf_for_render() -> String {
        if let Some(RenderCsrf(token)) = use_context::<RenderCsrf>() {
            return token;
        }
        let token = request_cookie(CSRF_COOKIE)
            .filter(|t| t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()))
            .unwrap_or_else(|| {
                let token = new_secret();
                set_csrf_cookie(&token);
                token
            });
        provide_context(RenderCsrf(token.clone()));
        token
    }

    fn set_csrf_cookie(token: &str) {
        set_cookie(format!(
            "{CSRF_COOKIE}={token}; Path=/; SameSite=Strict; Max-Age={}",
            SESSION_DAYS * 86_400
        ));
    }

    /// The logged-in user of this request, with the session's CSRF token.
    pub async fn session() -> Result<Option<(UserRecord, String)>> {
        // The router's guard looked the session up already for role-bound server functions.
        if let Some(CheckedSession(found)) = use_context::<Parts>()
            .and_then(|parts| parts.extensions.get::<CheckedSession>().cloned())
        {
            return Ok(found);
        }
        let Some(secret) = request_cookie(SESSION_COOKIE) else {
            return Ok(None);
        };
        let state = AppState::from_context()?;
        db::session_user(&state.db, &hash_secret(&secret)).await
    }

    /// The session the router's guard found for this request (kept in the request's
    /// extensions, so the server function does not look it up a second time).
    #[derive(Debug, Clone)]
    pub struct CheckedSession(pub Option<(UserRecord, String)>);

    /// The session of a request's `Cookie` header, outside the pages (the router's guard).
    pub async fn session_from_cookie_header(db: &db::Db, header: &str) -> Result<CheckedSession> {
        let Some(secret) = cookie_value(header, SESSION_COOKIE) else {
            return Ok(CheckedSession(None));
        };
        Ok(CheckedSession(
            db::session_user(db, &hash_secret(secret)).await?,
        ))
    }

    /// The logged-in user, if any.
    pub async fn current_user() -> Result<Option<Me>> {
        Ok(session().await?.map(|(u, _)| u.me))
    }

    /// Refuses a forged form: the field must equal the cookie, and the session's token when
    /// logged in. Call first in every state-changing server function.
    pub async fn check_csrf(field: &str) -> Result<Option<Me>> {
        let cookie = request_cookie(CSRF_COOKIE).unwrap_or_default();
        genuine(field, &cookie, session().await?)
    }

    /// [`check_csrf`] for a form that a plain axum route reads (a file upload): the form's
    /// field, the request's `Cookie` header.
    pub async fn check_form(db: &db::Db, cookie_header: &str, field: &str) -> Result<Option<Me>> {
        let cookie = cookie_value(cookie_header, CSRF_COOKIE).unwrap_or_default();
        let CheckedSession(session) = session_from_cookie_header(db, cookie_header).await?;
        genuine(field, cookie, session)
    }

    /// The form's token must equal the cookie, and the session's token when logged in.
    fn genuine(
        field: &str,
        cookie: &str,
        session: Option<(UserRecord, String)>,
    ) -> Result<Option<Me>> {
        let field = field.trim();
        // Compared in constant time.
        let matches = |a: &str, b: &str| {
            a.len() == b.len()
                && !a.is_empty()
                && a.bytes()
                    .zip(b.bytes())
                    .fold(0u8, |acc, (x, y)| acc | (x ^ y))
                    == 0
        };
        if !matches(field, cookie) {
            return Err(Error::Forbidden);
        }
        match session {
            Some((user, csrf)) if matches(field, &csrf) => Ok(Some(user.me)),
            Some(_) => Err(Error::Forbidden),
            None => Ok(None),
        }
    }

    /// Like [`check_csrf`], and the user must be logged in with one of `roles`.
    pub async fn require(field: &str, roles: &[Role]) -> Result<Me> {
        match check_csrf(field).await? {
            Some(me) if roles.contains(&me.role) => Ok(me),
            Some(_) => Err(Error::Forbidden),
            None => Err(Error::Unauthenticated),
        }
    }

    /// Starts a new session for `user` (always a new id: no session fixation), sets the
    /// cookies and ends the session the browser had before.
    pub async fn start_session(user: Uuid) -> Result<()> {
        let state = AppState::from_context()?;
        if let Some(old) = request_cookie(SESSION_COOKIE) {
            db::delete_session(&state.db, &hash_secret(&old)).await?;
        }
        let secret = new_secret();
        let csrf = new_secret();
        db::create_session(
            &state.db,
            &hash_secret(&secret),
            user,
            &csrf,
            Duration::days(SESSION_DAYS),
        )
        .await?;
        set_cookie(format!(
            "{SESSION_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}",
            SESSION_DAYS * 86_400
        ));
        set_csrf_cookie(&csrf);
        Ok(())
    }

    /// Ends the session of this request and clears its cookie.
    pub async fn end_session() -> Result<()> {
        let state = AppState::from_context()?;
        if let Some(secret) = request_cookie(SESSION_COOKIE) {
            db::delete_session(&state.db, &hash_secret(&secret)).await?;
        }
        set_cookie(format!(
            "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
        ));
        set_csrf_cookie(&new_secret());
        Ok(())
    }

    /// Who may call a server function: declared once, beside the service operation, named by
    /// `guard!` beside the function, and read both by the router's guard
    /// (`crate::api::access`) and by the function ([`require_for`]), so the two can never
    /// disagree.
    pub trait Guarded: leptos::server_fn::ServerFn {
        /// The rule.
        const ACCESS: Access;
    }

    /// The logged-in user of a state-changing call to `F`, checked against `F`'s own rule
    /// (and the form's CSRF token).
    pub async fn require_for<F: Guarded>(field: &str) -> Result<Me> {
        match F::ACCESS {
            Access::Roles(roles) => require(field, roles).await,
            Access::Public => check_csrf(field).await?.ok_or(Error::Unauthenticated),
        }
    }

    /// The logged-in user of a reading call to `F`, checked against `F`'s own rule.
    pub async fn me_for<F: Guarded>() -> Result<Me> {
        let me = current_user().await?.ok_or(Error::Unauthenticated)?;
        admitted::<F>(me)
    }

    /// `me`, when `F`'s rule admits their role.
    pub fn admitted<F: Guarded>(me: Me) -> Result<Me> {
        if F::ACCESS.admits(me.role) {
            Ok(me)
        } else {
            Err(Error::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn e_mail_addresses_cannot_carry_extra_headers_or_recipients() {
        assert!(is_email("coordinator@utrecht.nl"));
        assert!(!is_email("a@b.nl\nBcc: iedereen@example.org"));
        assert!(!is_email("a@b.nl\r\nSubject: x"));
        assert!(!is_email("a@b.nl, c@d.nl"));
        assert!(!is_email("geen-adres"));
        assert!(!is_email("a@b"));
    }
}
