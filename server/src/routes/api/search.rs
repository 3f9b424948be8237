//! `GET /api/v1/search`: offers by words, place, filters; nearest or most relevant first.

use std::collections::HashMap;

use app::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use index::{
    Facets, Filters, Geocoder, LatLon, Postcode, SearchRequest, Sort, MAX_PAGE_SIZE, MAX_RADIUS_KM,
};
use serde::Serialize;
use uuid::Uuid;

use crate::ApiError;

const DEFAULT_RADIUS_KM: f64 = 10.0;
const DEFAULT_SIZE: usize = 20;
const DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const KINDS: [&str; 5] = [
    "buurthuis",
    "vereniging",
    "initiatief",
    "voorziening",
    app::db::ROLE_KIND,
];

#[derive(Serialize)]
pub struct Response {
    total: usize,
    page: usize,
    size: usize,
    items: Vec<Item>,
    facets: Facets,
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

/// Parses the query string into a search, with a Dutch message for every refusal.
fn parse(params: &HashMap<String, String>) -> Result<SearchRequest, ApiError> {
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
    let near = match (
        params
            .get("postcode")
            .map(|p| p.trim())
            .filter(|p| !p.is_empty()),
        lat,
        lon,
    ) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(bad(
                "ambiguous_place",
                "Geef een postcode of lat en lon, niet allebei.",
            ))
        }
        (Some(p), None, None) => {
            let postcode = Postcode::parse(p).map_err(index_error)?;
            Some(
                Geocoder::embedded()
                    .postcode(&postcode)
                    .map_err(index_error)?
                    .lat_lon(),
            )
        }
        (None, Some(lat), Some(lon)) => Some(LatLon::parse(lat, lon).map_err(index_error)?),
        (None, None, None) => None,
        _ => return Err(bad("invalid_coordinate", "Geef zowel lat als lon.")),
    };
    let radius: f64 = number(
        params,
        "radius_km",
        "invalid_radius",
        "radius_km moet een getal zijn.",
    )?
    .unwrap_or(DEFAULT_RADIUS_KM);
    if !(radius > 0.0 && radius <= MAX_RADIUS_KM) {
        return Err(bad(
            "invalid_radius",
            "Kies een afstand tussen 0 en 300 kilometer.",
        ));
    }
    let size: usize = number(params, "size", "invalid_size", "size moet een getal zijn.")?
        .unwrap_or(DEFAULT_SIZE);
    if size == 0 || size > MAX_PAGE_SIZE {
        return Err(bad(
            "invalid_size",
            "Vraag 1 tot 100 resultaten per pagina.",
        ));
    }
    let page: usize = number(
        params,
        "page",
        "invalid_page",
        "page moet een getal vanaf 1 zijn.",
    )?
    .unwrap_or(1);
    if page == 0 || page > 10_000 {
        return Err(bad(
            "invalid_page",
            "page moet een getal van 1 tot 10000 zijn.",
        ));
    }
    let age: Option<u8> = number(
        params,
        "age",
        "invalid_age",
        "age moet een leeftijd zijn, van 0 tot 120.",
    )?;
    if age.is_some_and(|a| a > 120) {
        return Err(bad(
            "invalid_age",
            "age moet een leeftijd zijn, van 0 tot 120.",
        ));
    }
    let free = match params.get("free").map(|v| v.trim()) {
        None | Some("") | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(_) => return Err(bad("invalid_free", "free moet true of false zijn.")),
    };
    let mut days = Vec::new();
    for d in list(params, "day") {
        let i = DAYS
            .iter()
            .position(|x| *x == d)
            .ok_or_else(|| bad("invalid_day", "day moet ma, di, wo, do, vr, za of zo zijn."))?;
        days.push(i as u8 + 1);
    }
    let kinds = list(params, "kind");
    if kinds.iter().any(|k| !KINDS.contains(&k.as_str())) {
        return Err(bad(
            "invalid_kind",
            "kind moet buurthuis, vereniging, initiatief, voorziening of vrijwilligerswerk zijn.",
        ));
    }
    let sort = match params.get("sort").map(|s| s.trim()) {
        None | Some("") | Some("relevance") => Sort::Relevance,
        Some("distance") if near.is_some() => Sort::Distance,
        Some("distance") => {
            return Err(bad(
                "missing_point",
                "Sorteren op afstand kan alleen met een postcode of lat en lon.",
            ))
        }
        Some(_) => return Err(bad("invalid_sort", "sort moet relevance of distance zijn.")),
    };
    let text: String = params
        .get("q")
        .map(|q| q.trim().chars().take(200).collect())
        .unwrap_or_default();
    Ok(SearchRequest {
        text,
        near,
        radius_km: near.map(|_| radius),
        bbox: None,
        filters: Filters {
            kinds,
            leefgebieden: list(params, "leefgebied"),
            age,
            free_only: free,
            days,
            ..Filters::default()
        },
        sort,
        offset: (page - 1) * size,
        limit: size,
    })
}

pub async fn search(
    State(state): State<AppState>,
    params: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Response>, ApiError> {
    let Query(params) =
        params.map_err(|_| bad("invalid_query", "Deze zoekvraag kunnen we niet lezen."))?;
    let request = parse(&params)?;
    let (page, size) = (request.offset / request.limit + 1, request.limit);
    let found = app::search::run(&state, request, app::i18n::Lang::Nl).await?;
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
        page,
        size,
        items,
        facets: found.facets,
        understood: found.understood,
    }))
}
