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
    /// Doelgroep code (who it is for: kinderen, jongeren, ouderen, ...).
    pub voor: String,
    /// Language code.
    pub taal: String,
    /// CBS wijk code.
    pub wijk: String,
    /// A map area "zuid,west,noord,oost" (from "zoek in dit gebied"); replaces the radius.
    pub gebied: String,
    /// Page, from 1.
    pub pagina: u32,
}

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
pub const DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];

#[cfg(feature = "ssr")]
mod ssr {
    use index::{Facets, Filters, Geocoder, SearchRequest, Sort};

    use super::{SearchQuery, DAYS};
    use crate::db::{language_name, term_name};
    use crate::i18n::Lang;
    use crate::model::{kind_label, weekday_name, FacetCount, SearchOutcome};
    use crate::{AppState, Result};

    /// Results per page.
    const PAGE_SIZE: usize = 20;
    /// Radius of the home page search.
    const RADIUS_KM: f64 = 10.0;
    /// Longest search text we accept; longer input is cut, not refused.
    const MAX_QUERY_CHARS: usize = 200;

    pub async fn search(query: SearchQuery) -> Result<SearchOutcome> {
        let state = AppState::from_context()?;
        let lang = Lang::detect();
        let text: String = query.q.trim().chars().take(MAX_QUERY_CHARS).collect();
        let waar = query.waar.trim().to_string();
        let near = if waar.is_empty() {
            None
        } else {
            match Geocoder::embedded().locate(&waar) {
                Ok(at) => Some(at),
                // The person sees why; we do not guess a place for them.
                Err(e) if e.is_user_error() => {
                    return Ok(SearchOutcome {
                        problem: Some(e.user_message()),
                        ..Default::default()
                    })
                }
                Err(e) => return Err(e.into()),
            }
        };
        let filters = Filters {
            kinds: non_empty(&query.soort),
            leefgebieden: non_empty(&query.leefgebied),
            days: DAYS
                .iter()
                .position(|d| *d == query.dag)
                .map(|i| vec![i as u8 + 1])
                .unwrap_or_default(),
            free_only: query.gratis == "ja",
            doelgroepen: non_empty(&query.voor),
            languages: non_empty(&query.taal),
            wijken: non_empty(&query.wijk),
            ..Filters::default()
        };
        let bbox = parse_area(&query.gebied);
        let request = SearchRequest {
            text,
            near,
            // A map area replaces the radius around the place.
            radius_km: near.filter(|_| bbox.is_none()).map(|_| RADIUS_KM),
            bbox,
            filters,
            sort: Sort::Relevance,
            offset: query.pagina.max(1).saturating_sub(1) as usize * PAGE_SIZE,
            limit: PAGE_SIZE,
        };
        let found = crate::search::run(&state, request, lang).await?;
        // Nothing nearby: point to the nearest buurtteam, where every question is welcome.
        let nearest_help = match near {
            Some(at) if found.total == 0 => {
                let help = SearchRequest {
                    limit: 1,
                    sort: Sort::Distance,
                    ..SearchRequest::text("buurtteam").near(at, 30.0)
                };
                crate::search::run(&state, help, lang)
                    .await?
                    .items
                    .into_iter()
                    .next()
            }
            _ => None,
        };
        Ok(SearchOutcome {
            total: found.total,
            items: found.items,
            problem: None,
            near: near.map(|_| waar),
            facets: facet_counts(&found.facets, lang),
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

    fn non_empty(value: &str) -> Vec<String> {
        let v = value.trim();
        if v.is_empty() {
            vec![]
        } else {
            vec![v.to_string()]
        }
    }

    fn facet_counts(f: &Facets, lang: Lang) -> Vec<FacetCount> {
        let mut out = Vec::new();
        let mut push = |param: &str, value: String, label: String, count: u64| {
            out.push(FacetCount {
                param: param.into(),
                value,
                label,
                count,
            });
        };
        if f.free > 0 {
            push("gratis", "ja".into(), lang.texts().free.into(), f.free);
        }
        for (code, n) in &f.kind {
            push("soort", code.clone(), kind_label(code, lang), *n);
        }
        for (code, n) in &f.leefgebied {
            push(
                "leefgebied",
                code.clone(),
                term_name("leefgebied", code).unwrap_or(code.clone()),
                *n,
            );
        }
        for (code, n) in &f.doelgroep {
            push(
                "voor",
                code.clone(),
                term_name("doelgroep", code).unwrap_or(code.clone()),
                *n,
            );
        }
        for (code, n) in &f.language {
            push("taal", code.clone(), language_name(code, lang), *n);
        }
        // Busiest wijken first, at most twelve: a long list of areas does not help anyone choose.
        let mut wijken: Vec<(&String, &u64)> = f.wijk.iter().collect();
        wijken.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let geocoder = Geocoder::embedded();
        for (code, n) in wijken.into_iter().take(12) {
            let name = geocoder.wijk_name(code).unwrap_or(code.clone());
            push("wijk", code.clone(), name, *n);
        }
        for (day, n) in &f.day {
            if let Ok(d) = day.parse::<u8>() {
                if (1..=7).contains(&d) {
                    let label = weekday_name(d, lang);
                    let mut label = label.to_string();
                    label[..1].make_ascii_uppercase();
                    push("dag", DAYS[d as usize - 1].into(), label, *n);
                }
            }
        }
        out
    }
}
