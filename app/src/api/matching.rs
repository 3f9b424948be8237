//! Server functions of the keukentafel and "ik kan iets": matching, and leaving an anonymous
//! talent entry.

use leptos::prelude::*;

use crate::profile::{LanesView, ProfileInput};

crate::guard!(MatchLanes, crate::auth::Access::Public);
/// The three lanes for a profile; a problem with the input comes back as `problem`.
#[server]
pub async fn match_lanes(input: ProfileInput) -> Result<LanesView, ServerFnError> {
    ssr::match_lanes(input)
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
) -> Result<(), ServerFnError> {
    let talent = talenten
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .take(20)
        .collect();
    ssr::leave_talent_entry(talent, woorden, waar, leeftijd)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::{Days, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::profile::{lanes_view, run_match};
    use crate::{db, AppState, Error, Result};

    pub async fn match_lanes(input: ProfileInput) -> Result<LanesView> {
        let state = AppState::from_context()?;
        if input.is_empty() {
            return Ok(LanesView::default());
        }
        let profile = match input.parse() {
            Ok(p) => p,
            Err(e) if !e.is_internal() => {
                return Ok(LanesView {
                    problem: Some(e.user_message()),
                    ..Default::default()
                })
            }
            Err(e) => return Err(e),
        };
        let (catalog, lanes) = run_match(&state, &profile, crate::i18n::Lang::detect()).await?;
        Ok(lanes_view(&catalog, &lanes))
    }

    pub async fn leave_talent_entry(
        talent: Vec<String>,
        woorden: String,
        waar: String,
        leeftijd: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let input = ProfileInput {
            talents: talent.clone(),
            talent_words: woorden.clone(),
            postcode: waar.clone(),
            ..Default::default()
        };
        let query = {
            let mut q: Vec<String> = talent
                .iter()
                .map(|t| format!("talent={}", crate::pages::encode(t)))
                .collect();
            q.push(format!("woorden={}", crate::pages::encode(&woorden)));
            q.push(format!("waar={}", crate::pages::encode(&waar)));
            q.join("&")
        };
        let back = |extra: &str| leptos_axum::redirect(&format!("/ik-kan-iets?{query}&{extra}"));
        let profile = match input.parse() {
            Ok(p) if !p.talents.is_empty() => p,
            Ok(_) | Err(Error::Invalid(_)) | Err(Error::Index(_)) => {
                back("fout=talent-entry");
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        // Only the PC4: the entry must not point at a street or a house.
        let Some(place) = index::Postcode::parse(&waar)
            .ok()
            .and_then(|p| index::Geocoder::embedded().postcode(&p).ok())
        else {
            back("fout=talent-entry");
            return Ok(());
        };
        let age = match leeftijd.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(a) if (10..=110).contains(&a) => Some(a),
                _ => {
                    back("fout=talent-entry");
                    return Ok(());
                }
            },
        };
        let ip = crate::limiter::client_ip().await;
        if !state.signup_limiter.allow(&state.db, ip).await? {
            back("fout=te-vaak");
            return Ok(());
        }
        let entry = db::TalentEntryRecord {
            id: Uuid::new_v4(),
            talents: profile.talents,
            age,
            postcode: place.pc4.clone(),
            latitude: place.lat,
            longitude: place.lon,
            expires_on: Utc::now().date_naive() + Days::new(183),
        };
        db::save_talent_entry(&state.db, &entry).await?;
        back("bewaard=ja");
        Ok(())
    }
}
