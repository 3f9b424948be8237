//! `GET /api/v1/search`: offers by words, place, filters; nearest or most relevant first.
//! Reads the API's parameter names into a `service::search::Question`; the rules are there.

use std::collections::HashMap;

use app::domain::Weekday;
use app::i18n::Lang;
use app::service::search::{self, Place, Question, DEFAULT_PAGE_SIZE};
use app::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::Json;
use index::{Facets, LatLon};
use serde::Serialize;
use uuid::Uuid;

use crate::ApiError;

#[derive(Serialize)]
pub struct Response {
    /// Offers found; an estimate when `total_estimated`.
    total: usize,
    /// True when `total` is estimated from a sample: a search by relevance that found many
    /// more than `index::COUNTED_EXACTLY_UP_TO` offers skips the matches that cannot reach
    /// the page and counts a sample. The items are always exact.
    total_estimated: bool,
    page: usize,
    size: usize,
    items: Vec<Item>,
    facets: Facets,
    /// True when the facet counts are estimated from a sample (more than about
    /// `index::COUNTED_EXACTLY_UP_TO` offers found).
    facets_estimated: bool,
    /// What the question was understood to be about ("ontmoeting", "gratis", "70 jaar").
    understood: Vec<String>,
}

#[derive(Serialize)]
struct Item {
    id: Uuid,
    name: String,
    organization: Organization,
    kind: String,
    distance_km: Option<f64>,
    location: Option<Location>,
    summary: String,
    free: bool,
    min_age: Option<i32>,
    max_age: Option<i32>,
    schedule_text: Option<String>,
    score: f64,
}

#[derive(Serialize)]
struct Organization {
    id: Uuid,
    name: String,
}

#[derive(Serialize)]
struct Location {
    lat: Option<f64>,
    lon: Option<f64>,
    address: String,
    postcode: String,
    wijk: Option<String>,
    gemeente: Option<String>,
}

fn bad(code: &'static str, message: &str) -> ApiError {
    ApiError::BadRequest(code, message.to_string())
}

fn number<T: std::str::FromStr>(
    params: &HashMap<String, String>,
    key: &str,
    code: &'static str,
    message: &str,
) -> Result<Option<T>, ApiError> {
    match params.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| bad(code, message)),
    }
}

fn list(params: &HashMap<String, String>, key: &str) -> Vec<String> {
    params
        .get(key)
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn index_error(e: index::Error) -> ApiError {
    if e.is_user_error() {
        ApiError::BadRequest(e.code(), e.user_message())
    } else {
        ApiError::Internal(e.into())
    }
}

/// Reads the query string into a question; the service checks what it means (ranges, place).
fn parse(params: &HashMap<String, String>) -> Result<Question, ApiError> {
    let lat: Option<f64> = number(
        params,
        "lat",
        "invalid_coordinate",
        "lat moet een getal zijn, bijvoorbeeld 52.09.",
    )?;
    let lon: Option<f64> = number(
        params,
        "lon",
        "invalid_coordinate",
        "lon moet een getal zijn, bijvoorbeeld 5.12.",
    )?;
    let postcode = params
        .get("postcode")
        .map(|p| p.trim())
        .filter(|p| !p.is_empty());
    let place = match (postcode, lat, lon) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(bad(
                "ambiguous_place",
                "Geef een postcode of lat en lon, niet allebei.",
            ))
        }
        (Some(p), None, None) => Place::Postcode(p.to_string()),
        (None, Some(lat), Some(lon)) => Place::Point(LatLon::parse(lat, lon).map_err(index_error)?),
        (None, None, None) => Place::Anywhere,
        _ => return Err(bad("invalid_coordinate", "Geef zowel lat als lon.")),
    };
    let radius_km = number(
        params,
        "radius_km",
        "invalid_radius",
        "radius_km moet een getal zijn.",
    )?;
    let size = number(params, "size", "invalid_size", "size moet een getal zijn.")?
        .unwrap_or(DEFAULT_PAGE_SIZE);
    let page = number(
        params,
        "page",
        "invalid_page",
        "page moet een getal vanaf 1 zijn.",
    )?
    .unwrap_or(1);
    let age = number(
        params,
        "age",
        "invalid_age",
        "age moet een leeftijd zijn, van 0 tot 120.",
    )?;
    let free_only = match params.get("free").map(|v| v.trim()) {
        None | Some("") | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(_) => return Err(bad("invalid_free", "free moet true of false zijn.")),
    };
    let step_free_only = match params.get("step_free").map(|v| v.trim()) {
        None | Some("") | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(_) => {
            return Err(bad(
                "invalid_step_free",
                "step_free moet true of false zijn.",
            ))
        }
    };
    let mut days = Vec::new();
    for d in list(params, "day") {
        days.push(
            Weekday::parse(&d)
                .ok_or_else(|| bad("invalid_day", "day moet ma, di, wo, do, vr, za of zo zijn."))?,
        );
    }
    let kinds = list(params, "kind");
    let nearest_first = match params.get("sort").map(|s| s.trim()) {
        None | Some("") | Some("relevance") => false,
        Some("distance") => true,
        Some(_) => return Err(bad("invalid_sort", "sort moet relevance of distance zijn.")),
    };
    Ok(Question {
        text: params.get("q").cloned().unwrap_or_default(),
        place,
        radius_km,
        kinds,
        leefgebieden: list(params, "leefgebied"),
        days,
        age,
        free_only,
        step_free_only,
        nearest_first,
        page,
        size,
        ..Question::default()
    })
}

/// English for a client that prefers it (`Accept-Language: en`), Dutch otherwise.
fn language(headers: &HeaderMap) -> Lang {
    let preferred = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if preferred.starts_with("en") {
        Lang::En
    } else {
        Lang::Nl
    }
}

pub async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Response>, ApiError> {
    let Query(params) =
        params.map_err(|_| bad("invalid_query", "Deze zoekvraag kunnen we niet lezen."))?;
    let question = parse(&params)?;
    let found = search::ask(&state, &question, language(&headers)).await?;
    let items = found
        .items
        .into_iter()
        .map(|o| Item {
            id: o.id,
            name: o.name,
            organization: Organization {
                id: o.organisation_id,
                name: o.organisation,
            },
            kind: o.kind,
            distance_km: o.distance_km.map(|d| (d * 1000.0).round() / 1000.0),
            location: o.location.map(|l| Location {
                lat: l.lat,
                lon: l.lon,
                address: l.address,
                postcode: l.postcode,
                wijk: l.wijk,
                gemeente: l.gemeente,
            }),
            summary: o.summary,
            free: o.free,
            min_age: o.min_age,
            max_age: o.max_age,
            schedule_text: o.when,
            score: o.score,
        })
        .collect();
    Ok(Json(Response {
        total: found.total,
        total_estimated: found.total_estimated,
        page: question.page,
        size: question.size,
        items,
        facets: found.facets,
        facets_estimated: found.facets_estimated,
        understood: found.understood,
    }))
}
