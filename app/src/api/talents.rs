//! `find_roles`: "ik kan iets", volunteer roles nearby that need what someone is good at.

use leptos::prelude::*;

use crate::model::RolesOutcome;

/// Roles that fit the talent codes, nearest and best-fitting first; only within 15 km when a
/// place is given. What someone is good at only ever adds suggestions: it never filters what
/// they are offered elsewhere.
#[server]
pub async fn find_roles(
    talenten: Vec<String>,
    waar: String,
) -> Result<RolesOutcome, ServerFnError> {
    ssr::find_roles(talenten, waar)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use index::{Geocoder, LatLon};

    use crate::db::{roles_for_talents, term_name};
    use crate::i18n::Lang;
    use crate::model::{ages_in_words, format_km, RoleSuggestion, RolesOutcome};
    use crate::{AppState, Result};

    const RADIUS_KM: f64 = 15.0;

    pub async fn find_roles(talenten: Vec<String>, waar: String) -> Result<RolesOutcome> {
        let state = AppState::from_context()?;
        let talents: Vec<String> = talenten
            .into_iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| term_name("talent", t).is_some())
            .take(20)
            .collect();
        let near = match waar.trim() {
            "" => None,
            place => match Geocoder::embedded().locate(place) {
                Ok(at) => Some(at),
                Err(e) if e.is_user_error() => {
                    return Ok(RolesOutcome {
                        roles: vec![],
                        problem: Some(e.user_message()),
                    })
                }
                Err(e) => return Err(e.into()),
            },
        };
        let mut roles: Vec<(usize, RoleSuggestion)> = roles_for_talents(&state.db, &talents)
            .await?
            .into_iter()
            .filter_map(|(r, fits)| {
                let at = r
                    .latitude
                    .zip(r.longitude)
                    .and_then(|(la, lo)| LatLon::parse(la, lo).ok());
                let distance_km = near.zip(at).map(|(n, a)| n.distance_km(a));
                if near.is_some() && !distance_km.is_some_and(|d| d <= RADIUS_KM) {
                    return None;
                }
                let mut reasons: Vec<String> = fits
                    .iter()
                    .map(|c| {
                        format!(
                            "{} (jouw talent)",
                            term_name("talent", c).unwrap_or(c.clone()).to_lowercase()
                        )
                    })
                    .collect();
                reasons[0] = format!("past bij: {}", reasons[0]);
                reasons.extend(distance_km.map(|d| format_km(d, Lang::Nl)));
                reasons.extend(ages_in_words(r.minimum_age, r.maximum_age, Lang::Nl));
                if r.waiting_list.unwrap_or(0) > 0 {
                    reasons.push(format!(
                        "helpt {} kinderen of buurtgenoten van de wachtlijst",
                        r.waiting_list.unwrap_or(0)
                    ));
                }
                if !r.time_commitment.is_empty() {
                    reasons.push(r.time_commitment.to_lowercase());
                }
                Some((
                    fits.len(),
                    RoleSuggestion {
                        id: r.id,
                        title: r.title,
                        organisation: r.organisation,
                        description: r.description,
                        reasons: reasons.join(" · "),
                        distance_km,
                        offer: r.service_id,
                    },
                ))
            })
            .collect();
        roles.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(
                    a.1.distance_km
                        .unwrap_or(f64::MAX)
                        .total_cmp(&b.1.distance_km.unwrap_or(f64::MAX)),
                )
                .then(a.1.title.cmp(&b.1.title))
        });
        Ok(RolesOutcome {
            roles: roles.into_iter().map(|r| r.1).take(30).collect(),
            problem: None,
        })
    }
}
