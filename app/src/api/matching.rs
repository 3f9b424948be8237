//! Server functions of the keukentafel and "ik kan iets": matching, and leaving an anonymous
//! talent entry.

use leptos::prelude::*;

use crate::profile::{LanesView, ProfileInput};

crate::guard!(MatchLanes, crate::auth::Access::Public);
/// The three lanes for a profile; a problem with the input comes back as `problem`.
#[server]
pub async fn match_lanes(input: ProfileInput) -> Result<LanesView, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::matching::lanes(&state, &input, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(LeaveTalentEntry, crate::auth::Access::Public);
/// Stores an anonymous "ik kan iets" entry (talents, PC4, age) when the person agrees, then
/// goes back to the talents page with `bewaard=ja` (or `fout=...`).
#[server]
pub async fn leave_talent_entry(
    talenten: String,
    woorden: String,
    waar: String,
    leeftijd: String,
    benaderen: Option<String>,
    naam: Option<String>,
    email: Option<String>,
) -> Result<(), ServerFnError> {
    let contact = (
        benaderen.is_some_and(|b| b == "ja"),
        naam.unwrap_or_default(),
        email.unwrap_or_default(),
    );
    ssr::leave_talent_entry(talenten, woorden, waar, leeftijd, contact)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::service::matching::{self, TalentEntry};
    use crate::service::Saved;
    use crate::web::encode;
    use crate::{AppState, Result};

    pub async fn leave_talent_entry(
        talenten: String,
        woorden: String,
        waar: String,
        leeftijd: String,
        (reachable, name, email): (bool, String, String),
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let entry = TalentEntry {
            talents: talenten
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .take(20)
                .collect(),
            words: woorden,
            postcode: waar,
            age: leeftijd,
            reachable,
            name,
            email,
            lang: crate::i18n::Lang::detect(),
        };
        let client = crate::limiter::client_ip().await;
        let outcome = match matching::leave_talent_entry(&state, &entry, client).await? {
            Saved::Done(_) if entry.reachable => "bewaard=ja&benaderen=ja".to_string(),
            Saved::Done(_) => "bewaard=ja".to_string(),
            Saved::Invalid(why) => format!("fout={why}"),
        };
        // Back to the page with what was typed, so nothing is lost.
        let mut typed: Vec<String> = entry
            .talents
            .iter()
            .map(|t| format!("talent={}", encode(t)))
            .collect();
        typed.push(format!("woorden={}", encode(&entry.words)));
        typed.push(format!("waar={}", encode(&entry.postcode)));
        leptos_axum::redirect(&format!("/ik-kan-iets?{}&{outcome}", typed.join("&")));
        Ok(())
    }
}
