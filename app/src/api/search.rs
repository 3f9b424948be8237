//! `search_offers`: the home page search, with the whole state in the URL.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::SearchOutcome;

/// The search as the URL holds it (`?q=..&waar=..&soort=..&leefgebied=..&dag=..&gratis=ja`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Words.
    pub q: String,
    /// Postcode or place.
    pub waar: String,
    /// Kind code.
    pub soort: String,
    /// Leefgebied code.
    pub leefgebied: String,
    /// Day: ma, di, wo, do, vr, za, zo.
    pub dag: String,
    /// "ja" for free offers only.
    pub gratis: String,
    /// "ja" for places without steps only.
    #[serde(default)]
    pub gelijkvloers: String,
    /// Doelgroep code (who it is for: kinderen, jongeren, ouderen, ...).
    pub voor: String,
    /// Language code.
    pub taal: String,
    /// CBS wijk code.
    pub wijk: String,
    /// A map area "zuid,west,noord,oost" (from "zoek in dit gebied"); replaces the radius.
    pub gebied: String,
    /// How far around the place (km), one of [`DISTANCES_KM`]; empty is the default 10 km.
    pub afstand: String,
    /// "afstand" for nearest first; empty for best match first.
    pub volgorde: String,
    /// Page, from 1.
    pub pagina: u32,
}

/// The distances a person can pick on the results page (km).
pub const DISTANCES_KM: [u32; 5] = [1, 2, 5, 10, 25];

impl SearchQuery {
    /// True when nothing was asked yet.
    pub fn is_empty(&self) -> bool {
        [
            &self.q,
            &self.waar,
            &self.soort,
            &self.leefgebied,
            &self.dag,
            &self.gratis,
            &self.gelijkvloers,
            &self.voor,
            &self.taal,
            &self.wijk,
            &self.gebied,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

crate::guard!(SearchOffers, crate::auth::Access::Public);
/// Searches offers for the home page.
#[server]
pub async fn search_offers(query: SearchQuery) -> Result<SearchOutcome, ServerFnError> {
    ssr::search(query)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

/// Day codes in the URL, Monday first.
pub const DAYS: [&str; 7] = crate::domain::Weekday::CODES;

#[cfg(feature = "ssr")]
mod ssr {
    use super::SearchQuery;
    use crate::domain::Weekday;
    use crate::i18n::Lang;
    use crate::model::SearchOutcome;
    use crate::service::search::{self, Place, Question};
    use crate::{AppState, Result};

    fn non_empty(value: &str) -> Vec<String> {
        match value.trim() {
            "" => vec![],
            v => vec![v.to_string()],
        }
    }

    /// The URL's names read into a question.
    fn question(q: &SearchQuery) -> Question {
        Question {
            text: q.q.clone(),
            place: Place::Named(q.waar.trim().to_string()),
            area: parse_area(&q.gebied),
            kinds: non_empty(&q.soort),
            leefgebieden: non_empty(&q.leefgebied),
            doelgroepen: non_empty(&q.voor),
            languages: non_empty(&q.taal),
            wijken: non_empty(&q.wijk),
            days: Weekday::parse(&q.dag).into_iter().collect(),
            free_only: q.gratis == "ja",
            step_free_only: q.gelijkvloers == "ja",
            // A hand-edited URL with another distance gets the default, not an error page.
            radius_km: q
                .afstand
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|km| super::DISTANCES_KM.contains(km))
                .map(f64::from),
            // Nearest first needs a place; without one the order is simply the best match.
            nearest_first: q.volgorde == "afstand" && !q.waar.trim().is_empty(),
            page: q.pagina.max(1) as usize,
            ..Question::default()
        }
    }

    pub async fn search(query: SearchQuery) -> Result<SearchOutcome> {
        let state = AppState::from_context()?;
        let lang = Lang::detect();
        let question = question(&query);
        let found = match search::ask(&state, &question, lang).await {
            Ok(found) => found,
            // The person sees why; we do not guess a place for them.
            Err(e) if !e.is_internal() => {
                return Ok(SearchOutcome {
                    problem: Some(e.user_message()),
                    ..Default::default()
                })
            }
            Err(e) => return Err(e),
        };
        search::count_gap(&state, &question, &found).await;
        // Nothing nearby: point to the nearest buurtteam, where every question is welcome.
        let nearest_help = match found.near {
            Some(at) if found.total == 0 => search::nearest_help(&state, at, lang).await?,
            _ => None,
        };
        Ok(SearchOutcome {
            total: found.total,
            total_estimated: found.total_estimated,
            items: found.items,
            problem: None,
            near: found.near.map(|_| query.waar.trim().to_string()),
            facets: search::facet_counts(&found.facets, lang),
            facets_estimated: found.facets_estimated,
            nearest_help,
            understood: found.understood,
        })
    }

    /// "zuid,west,noord,oost" → a valid box, else none (a broken area is ignored, not an error).
    fn parse_area(text: &str) -> Option<index::BoundingBox> {
        let n: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse().ok())
            .collect::<Option<_>>()?;
        let [south, west, north, east] = n[..] else {
            return None;
        };
        let valid = index::LatLon::parse(south, west).is_ok()
            && index::LatLon::parse(north, east).is_ok()
            && south < north
            && west < east;
        valid.then_some(index::BoundingBox {
            south,
            west,
            north,
            east,
        })
    }
}
