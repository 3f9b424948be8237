//! # Services: the workflows of the sociale kaart
//!
//! One module per workflow. A service takes its state ([`AppState`]: database, index, sealer,
//! mailer) and the acting user ([`Me`]) as arguments, checks the rule declared beside it, does
//! the work and returns a typed result or an [`Error`]. It never reads the request, never
//! redirects and never renders: server functions (`crate::api`) and the `/api/v1` handlers
//! (`server::routes::api`) are thin adapters that read a request, call one service and turn its
//! answer into a redirect, a page or JSON. So the page and the JSON API cannot disagree, and
//! every rule can be tested without HTTP (`tests/it/services.rs`).
//!
//! Below the services sit [`crate::db`] (records, by entity) and the `index` crate (search and
//! matching); every arrow points down.
//!
//! Authorisation: each operation declares who may call it as a `pub const …: Access` beside
//! it. The service checks it with [`allow`]; the server function's `guard!` names the same
//! constant, so the router's guard and the operation read one rule.

pub mod accounts;
pub mod cards;
pub mod coalitions;
pub mod helping;
pub mod knelpunten;
pub mod manage;
pub mod matching;
pub mod moderation;
pub mod needs;
pub mod notifications;
pub mod offers;
pub mod places;
pub mod programme;
pub mod referrals;
pub mod search;
pub mod signals;
pub mod teams;
pub mod tokens;
pub mod trajecten;

use crate::auth::{Access, Me, MANAGERS};
use crate::{Error, Result};

pub use crate::AppState;

/// Editing listings (organisations, offers, places, needs): providers their own
/// organisations, coordinators their gemeente, admins all ([`may_manage`] decides which).
pub const MANAGE: Access = Access::Roles(MANAGERS);

/// What a write gives back: done (with what it made or changed), or refused with the name of
/// the form field that is wrong, so the page can send the person back to it with what they
/// typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved<T> {
    /// Stored.
    Done(T),
    /// Not stored: this field is wrong.
    Invalid(&'static str),
}

impl<T> Saved<T> {
    /// The stored value; `None` when refused.
    pub fn done(self) -> Option<T> {
        match self {
            Saved::Done(t) => Some(t),
            Saved::Invalid(_) => None,
        }
    }

    /// The same outcome with the stored value changed by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Saved<U> {
        match self {
            Saved::Done(t) => Saved::Done(f(t)),
            Saved::Invalid(field) => Saved::Invalid(field),
        }
    }
}

/// One line in the audit log: `me` did `action` to the `kind` with this id.
pub(crate) async fn audit(
    state: &AppState,
    me: &Me,
    action: &str,
    kind: &str,
    id: impl std::fmt::Display,
    detail: &str,
) -> Result<()> {
    crate::db::audit(
        &state.db,
        // The command-line operator has no account (`Me::operator`).
        Some(me.id).filter(|id| !id.is_nil()),
        action,
        kind,
        &id.to_string(),
        detail,
    )
    .await
}

/// Checks an operation's rule for the acting user.
pub fn allow(me: &Me, access: Access) -> Result<()> {
    if access.admits(me.role) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// "Not found" as `None`, for reads whose page shows its own 404; other errors stay.
pub(crate) fn unless_not_found<T>(result: Result<T>) -> Result<Option<T>> {
    match result {
        Ok(found) => Ok(Some(found)),
        Err(Error::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// An id as typed in a form or URL; anything else is "not found" (a Dutch 404), never a 500.
pub(crate) fn parse_id(text: &str) -> Result<uuid::Uuid> {
    text.trim().parse().map_err(|_| Error::NotFound)
}

/// May `me` manage this organisation? Providers: their own; coordinators: their gemeente;
/// admins: all; professionals: none.
pub async fn may_manage(state: &AppState, me: &Me, organisation: uuid::Uuid) -> Result<bool> {
    use crate::auth::Role;
    Ok(match me.role {
        Role::Admin => true,
        Role::Provider => crate::db::user_organisations(&state.db, me.id)
            .await?
            .contains(&organisation),
        Role::Coordinator => {
            me.gemeente.is_some()
                && crate::db::organisation_gemeente(&state.db, organisation).await? == me.gemeente
        }
        Role::Professional => false,
    })
}

/// Like [`may_manage`], as an error when not.
pub async fn manages(state: &AppState, me: &Me, organisation: uuid::Uuid) -> Result<()> {
    if may_manage(state, me, organisation).await? {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// A whole number as typed in a form: empty is `None`, otherwise it must lie in `0..=max`.
/// An amount in whole euros as people write it: "10", "10.00", "10,00", "€ 10", "10,-";
/// empty is none. Cents other than 00 are refused (the amount is stored in whole euros).
pub(crate) fn optional_euros(text: &str, max: i32) -> std::result::Result<Option<i32>, ()> {
    let t = text.trim().trim_start_matches('€').trim();
    let t = t
        .strip_suffix(",-")
        .or_else(|| t.strip_suffix(".-"))
        .unwrap_or(t);
    let whole = match t.rsplit_once([',', '.']) {
        Some((euros, "00" | "0")) => euros,
        Some(_) => return Err(()),
        None => t,
    };
    optional_number(whole, max)
}

pub(crate) fn optional_number(text: &str, max: i32) -> std::result::Result<Option<i32>, ()> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse::<i32>()
            .ok()
            .filter(|n| (0..=max).contains(n))
            .map(Some)
            .ok_or(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_in_euros_is_read_as_people_write_it() {
        for (typed, euros) in [
            ("10", Some(10)),
            ("10.00", Some(10)),
            ("10,00", Some(10)),
            ("€ 10", Some(10)),
            ("10,-", Some(10)),
            ("", None),
        ] {
            assert_eq!(optional_euros(typed, 10_000), Ok(euros), "{typed}");
        }
        for bad in ["10,50", "tien", "-3", "1.000.000"] {
            assert!(optional_euros(bad, 10_000).is_err(), "{bad}");
        }
    }
}
