//! The Open Referral HSDS 3.0 API under `/hsds/`: read-only, paged, open to every origin.

use std::collections::{HashMap, HashSet};

use app::db;
use app::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::Method;
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};
use uuid::Uuid;

use crate::hsds::export::{list_item, taxonomy_id, Catalogue};
use crate::hsds::programs;
use crate::hsds::PROFILE;
use crate::ApiError;

const DEFAULT_PER_PAGE: usize = 50;
const MAX_PER_PAGE: usize = 1000;
/// Highest page number: keeps `(page - 1) * per_page` far from overflowing.
const MAX_PAGE: usize = 1_000_000;

type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

/// The `/hsds` routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/hsds", get(info))
        .route("/hsds/", get(info))
        .route("/hsds/services", get(services))
        .route("/hsds/services/{id}", get(service))
        .route("/hsds/organizations", get(organizations))
        .route("/hsds/organizations/{id}", get(organization))
        .route("/hsds/service_at_locations", get(service_at_locations))
        .route("/hsds/service_at_locations/{id}", get(service_at_location))
        .route("/hsds/taxonomies", get(taxonomies))
        .route("/hsds/taxonomies/{id}", get(taxonomy))
        .route("/hsds/taxonomy_terms", get(taxonomy_terms))
        .route("/hsds/taxonomy_terms/{id}", get(taxonomy_term))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET]),
        )
}

fn bad(code: &'static str, message: &str) -> ApiError {
    ApiError::BadRequest(code, message.into())
}

fn params(p: Params) -> Result<HashMap<String, String>, ApiError> {
    p.map(|Query(p)| p)
        .map_err(|_| bad("invalid_query", "Deze vraag kunnen we niet lezen."))
}

fn id(raw: &str) -> Result<Uuid, ApiError> {
    raw.parse().map_err(|_| ApiError::NotFound)
}

fn flag(p: &HashMap<String, String>, key: &str) -> Result<bool, ApiError> {
    match p.get(key).map(|v| v.trim()) {
        None | Some("") | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(bad("invalid_parameter", "Gebruik true of false.")),
    }
}

/// (page, per_page) from the query, checked.
fn paging(p: &HashMap<String, String>) -> Result<(usize, usize), ApiError> {
    let number = |key: &str, default: usize| -> Result<usize, ApiError> {
        match p.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| {
                bad(
                    "invalid_page",
                    "page en per_page moeten hele getallen zijn.",
                )
            }),
        }
    };
    let page = number("page", 1)?;
    let per_page = number("per_page", DEFAULT_PER_PAGE)?;
    if page == 0 || page > MAX_PAGE || per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(bad(
            "invalid_page",
            "page is 1 tot 1000000; per_page is 1 tot 1000.",
        ));
    }
    Ok((page, per_page))
}

/// The HSDS `Page` envelope around one page of `items`.
fn page<T>(items: Vec<T>, page: usize, per_page: usize, to_json: impl Fn(&T) -> Value) -> Value {
    let total = items.len();
    let contents: Vec<Value> = items
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(to_json)
        .collect();
    envelope(total, page, per_page, contents)
}

/// The HSDS `Page` envelope around `contents`, page `page` of `total` items.
fn envelope(total: usize, page: usize, per_page: usize, contents: Vec<Value>) -> Value {
    let total_pages = total.div_ceil(per_page).max(1);
    json!({
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": per_page,
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}

async fn info() -> Json<Value> {
    Json(
        json!({ "version": "3.0", "profile": PROFILE, "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json" }),
    )
}

async fn catalogue_for(
    state: &AppState,
    ids: Option<&[Uuid]>,
) -> Result<
    (
        db::Dataset,
        Vec<db::TermRecord>,
        HashMap<Uuid, DateTime<Utc>>,
    ),
    ApiError,
> {
    let data = db::load_dataset(&state.db, ids).await?;
    let terms = db::load_terms(&state.db).await?;
    let service_ids: Vec<Uuid> = data.services.iter().map(|s| s.id).collect();
    let modified = db::service_modified(&state.db, &service_ids).await?;
    Ok((data, terms, modified))
}

/// The program (coalition) each offer is delivered under.
async fn program_of(state: &AppState) -> Result<HashMap<Uuid, Uuid>, ApiError> {
    Ok(programs::program_of(
        &db::coalition_services(&state.db).await?,
    ))
}

fn modified_after(p: &HashMap<String, String>) -> Result<Option<DateTime<Utc>>, ApiError> {
    let Some(raw) = p
        .get("modified_after")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| Some(t.and_utc()))
        .ok_or_else(|| {
            bad(
                "invalid_modified_after",
                "modified_after moet een datum zijn, zoals 2026-01-31.",
            )
        })
}

/// Service ids matching every given filter, in a stable order.
async fn filtered_services(
    state: &AppState,
    p: &HashMap<String, String>,
) -> Result<Vec<Uuid>, ApiError> {
    let organisation = match p.get("organization_id").filter(|v| !v.is_empty()) {
        Some(v) => Some(v.parse().map_err(|_| {
            bad(
                "invalid_organization_id",
                "organization_id is geen geldige uuid.",
            )
        })?),
        None => None,
    };
    let after = modified_after(p)?;
    let mut ids = db::published_service_ids(&state.db, organisation, after).await?;
    // Open needs are served as services too (marked as vrijwilligerswerk), so that importing a
    // register and exporting it give the same records. Offers first, then needs, each by name.
    ids.extend(
        db::published_need_ids(&state.db, organisation, after)
            .await?
            .into_iter()
            .map(|(_, id)| id),
    );
    let term = match p.get("taxonomy_term_id").filter(|v| !v.is_empty()) {
        Some(v) => Some(v.parse().map_err(|_| {
            bad(
                "invalid_taxonomy_term_id",
                "taxonomy_term_id is geen geldige uuid.",
            )
        })?),
        None => None,
    };
    let taxonomy = match p.get("taxonomy_id").filter(|v| !v.is_empty()) {
        Some(v) => {
            let wanted: Uuid = v
                .parse()
                .map_err(|_| bad("invalid_taxonomy_id", "taxonomy_id is geen geldige uuid."))?;
            let terms = db::load_terms(&state.db).await?;
            let name = terms
                .iter()
                .map(|t| t.taxonomy.clone())
                .find(|name| taxonomy_id(name) == wanted);
            Some(name.unwrap_or_default())
        }
        None => None,
    };
    if term.is_some() || taxonomy.is_some() {
        let with: HashSet<Uuid> = db::service_ids_with_term(&state.db, term, taxonomy.as_deref())
            .await?
            .into_iter()
            .collect();
        ids.retain(|id| with.contains(id));
    }
    let search = p
        .get("search")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let postcode = p
        .get("postcode")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if !search.is_empty() || postcode.is_some() {
        let near = match &postcode {
            Some(pc) => {
                let parsed = index::Postcode::parse(pc)
                    .map_err(|e| ApiError::BadRequest(e.code(), e.user_message()))?;
                let place = index::Geocoder::embedded()
                    .postcode(&parsed)
                    .map_err(|e| ApiError::BadRequest(e.code(), e.user_message()))?;
                Some(place.lat_lon())
            }
            None => None,
        };
        let radius_km = match (near, p.get("proximity").filter(|v| !v.is_empty())) {
            (Some(_), Some(m)) => {
                let metres: f64 = m
                    .parse()
                    .map_err(|_| bad("invalid_proximity", "proximity is een afstand in meters."))?;
                if !(metres > 0.0 && metres <= index::MAX_RADIUS_KM * 1000.0) {
                    return Err(bad("invalid_proximity", "proximity is 1 tot 300000 meter."));
                }
                Some(metres / 1000.0)
            }
            (Some(_), None) => Some(index::MAX_RADIUS_KM),
            _ => None,
        };
        // One pass over the index (capped words and hits), not one search per hundred hits.
        let request = index::SearchRequest {
            near,
            radius_km,
            filters: index::Filters {
                include_inactive: true,
                ..index::Filters::default()
            },
            ..index::SearchRequest::text(&search)
        };
        let index = state.search.clone();
        let found: HashSet<Uuid> =
            tokio::task::spawn_blocking(move || index.matching_offers(&request))
                .await
                .map_err(|e| ApiError::Internal(e.into()))?
                .map_err(|e| ApiError::Internal(e.into()))?
                .into_iter()
                .collect();
        ids.retain(|id| found.contains(id));
    }
    Ok(ids)
}

async fn services(State(state): State<AppState>, p: Params) -> Result<Json<Value>, ApiError> {
    let p = params(p)?;
    let (page_number, per_page) = paging(&p)?;
    let (minimal, full) = (flag(&p, "minimal")?, flag(&p, "full")?);
    let ids = filtered_services(&state, &p).await?;
    let on_page: Vec<Uuid> = ids
        .iter()
        .skip((page_number - 1) * per_page)
        .take(per_page)
        .copied()
        .collect();
    let (data, terms, modified) = catalogue_for(&state, Some(&on_page)).await?;
    let catalogue = Catalogue::new(&data, &terms, &modified)
        .with_programs(program_of(&state).await?, HashMap::new());
    let shown = |id: Uuid, v: Value| {
        if minimal {
            json!({ "id": id, "name": v["name"], "status": v["status"], "last_modified": v.get("last_modified") })
        } else if full {
            v
        } else {
            list_item(&v)
        }
    };
    let by_id: HashMap<Uuid, Value> = data
        .services
        .iter()
        .map(|s| (s.id, shown(s.id, catalogue.service(s))))
        .chain(
            data.needs
                .iter()
                .map(|n| (n.id, shown(n.id, catalogue.need(n)))),
        )
        .collect();
    // Page over all ids, but only the ids on this page were loaded.
    let contents = on_page
        .iter()
        .filter_map(|id| by_id.get(id).cloned())
        .collect();
    Ok(Json(envelope(ids.len(), page_number, per_page, contents)))
}

async fn service(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = id(&raw)?;
    if !db::is_published(&state.db, id).await? && !db::is_published_need(&state.db, id).await? {
        return Err(ApiError::NotFound);
    }
    let (data, terms, modified) = catalogue_for(&state, Some(&[id])).await?;
    // One offer: with its program in full.
    let program_of = program_of(&state).await?;
    let mut programs = HashMap::new();
    if let Some(&coalition) = program_of.get(&id) {
        let published = db::published_organisations(&state.db).await?;
        let c = db::get_coalition(&state.db, coalition).await?;
        programs.insert(coalition, programs::program(&c, &published));
    }
    let catalogue = Catalogue::new(&data, &terms, &modified).with_programs(program_of, programs);
    if let Some(n) = data.needs.iter().find(|n| n.id == id) {
        return Ok(Json(catalogue.need(n)));
    }
    let s = data
        .services
        .iter()
        .find(|s| s.id == id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(catalogue.service(s)))
}

async fn organizations(State(state): State<AppState>, p: Params) -> Result<Json<Value>, ApiError> {
    let p = params(p)?;
    let (page_number, per_page) = paging(&p)?;
    let (total, ids) =
        db::published_organisation_page(&state.db, (page_number - 1) * per_page, per_page).await?;
    let contents = db::load_organisations(&state.db, &ids)
        .await?
        .iter()
        .map(Catalogue::organisation)
        .collect();
    Ok(Json(envelope(
        usize::try_from(total).unwrap_or(usize::MAX),
        page_number,
        per_page,
        contents,
    )))
}

async fn organization(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = id(&raw)?;
    if !db::is_published_organisation(&state.db, id).await? {
        return Err(ApiError::NotFound);
    }
    let o = db::load_organisations(&state.db, &[id])
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)?;
    let ids = db::published_service_ids(&state.db, Some(id), None).await?;
    let mut v = Catalogue::organisation(&o);
    let (data, terms, modified) = catalogue_for(&state, Some(&ids)).await?;
    let catalogue = Catalogue::new(&data, &terms, &modified)
        .with_programs(program_of(&state).await?, HashMap::new());
    // The coalitions it leads, as its programs.
    let published = db::published_organisations(&state.db).await?;
    v["programs"] = Value::Array(
        db::list_coalitions(&state.db, None)
            .await?
            .iter()
            .filter(|c| programs::lead_organisation(c, &published) == Some(id))
            .map(|c| programs::program(c, &published))
            .collect(),
    );
    v["services"] = Value::Array(
        data.services
            .iter()
            .map(|s| list_item(&catalogue.service(s)))
            .collect(),
    );
    Ok(Json(v))
}

/// Every service at a location, as (service, location) pairs with their stable ids.
fn service_locations(data: &db::Dataset) -> Vec<(Uuid, &db::ServiceRecord, &db::LocationRecord)> {
    let mut out = Vec::new();
    for s in &data.services {
        for (n, lid) in s.location_ids.iter().enumerate() {
            if let Some(l) = data.locations.iter().find(|l| l.id == *lid) {
                out.push((crate::hsds::child_id(s.id, "sal", n), s, l));
            }
        }
    }
    out
}

fn sal_json(id: Uuid, s: &db::ServiceRecord, l: &db::LocationRecord) -> Value {
    json!({ "id": id, "service_id": s.id, "location_id": l.id, "location": Catalogue::location(l) })
}

/// The published offers that hold the (offer, location) pairs `skip..skip + take`, and the
/// total number of pairs; from counts only, so just those offers need loading.
async fn pair_window(
    state: &AppState,
    skip: usize,
    take: usize,
) -> Result<(usize, Vec<Uuid>, usize), ApiError> {
    let counts = db::published_location_counts(&state.db).await?;
    let total = counts.iter().map(|(_, n)| *n as usize).sum();
    let (mut seen, mut ids, mut first) = (0usize, Vec::new(), 0usize);
    for (id, n) in counts {
        let n = n as usize;
        if seen + n > skip && seen < skip.saturating_add(take) {
            if ids.is_empty() {
                first = seen;
            }
            ids.push(id);
        }
        seen += n;
    }
    Ok((total, ids, first))
}

async fn service_at_locations(
    State(state): State<AppState>,
    p: Params,
) -> Result<Json<Value>, ApiError> {
    let p = params(p)?;
    let (page_number, per_page) = paging(&p)?;
    let skip = (page_number - 1) * per_page;
    let (total, ids, first) = pair_window(&state, skip, per_page).await?;
    // Loaded in the order of the counts (name, id), so the pairs come in the same order.
    let data = db::load_dataset(&state.db, Some(&ids)).await?;
    let contents = service_locations(&data)
        .into_iter()
        .skip(skip - first.min(skip))
        .take(per_page)
        .map(|(id, s, l)| sal_json(id, s, l))
        .collect();
    Ok(Json(envelope(total, page_number, per_page, contents)))
}

async fn service_at_location(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = id(&raw)?;
    // Pair ids are derived from (offer, position): find the offer from the counts alone.
    let owner = db::published_location_counts(&state.db)
        .await?
        .into_iter()
        .find(|(s, n)| (0..*n as usize).any(|k| crate::hsds::child_id(*s, "sal", k) == id))
        .map(|(s, _)| s)
        .ok_or(ApiError::NotFound)?;
    let data = db::load_dataset(&state.db, Some(&[owner])).await?;
    let (sid, s, l) = service_locations(&data)
        .into_iter()
        .find(|(sid, _, _)| *sid == id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(sal_json(sid, s, l)))
}

fn taxonomy_json(name: &str) -> Value {
    json!({ "id": taxonomy_id(name), "name": name, "description": format!("Taxonomie {name}") })
}

async fn taxonomy_names(state: &AppState) -> Result<Vec<String>, ApiError> {
    let mut names: Vec<String> = db::load_terms(&state.db)
        .await?
        .into_iter()
        .map(|t| t.taxonomy)
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

async fn taxonomies(State(state): State<AppState>, p: Params) -> Result<Json<Value>, ApiError> {
    let p = params(p)?;
    let (page_number, per_page) = paging(&p)?;
    let names = taxonomy_names(&state).await?;
    Ok(Json(page(names, page_number, per_page, |n| {
        taxonomy_json(n)
    })))
}

async fn taxonomy(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = id(&raw)?;
    let name = taxonomy_names(&state)
        .await?
        .into_iter()
        .find(|n| taxonomy_id(n) == id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(taxonomy_json(&name)))
}

async fn taxonomy_terms(State(state): State<AppState>, p: Params) -> Result<Json<Value>, ApiError> {
    let p = params(p)?;
    let (page_number, per_page) = paging(&p)?;
    let mut terms = db::load_terms(&state.db).await?;
    if let Some(t) = p.get("taxonomy_id").filter(|v| !v.is_empty()) {
        let wanted: Uuid = t
            .parse()
            .map_err(|_| bad("invalid_taxonomy_id", "taxonomy_id is geen geldige uuid."))?;
        terms.retain(|term| taxonomy_id(&term.taxonomy) == wanted);
    }
    Ok(Json(page(
        terms,
        page_number,
        per_page,
        Catalogue::term_json,
    )))
}

async fn taxonomy_term(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = id(&raw)?;
    let term = db::load_terms(&state.db)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(Catalogue::term_json(&term)))
}
