//! `GET /api/v1/signals?periode=2026-K4`: the signalen of the token holder's gemeente (an admin
//! adds `gemeente=GM0344`) for the gemeente's own BI, as `/beheer/signalen` shows them: every
//! count under 5 is the string "<5", never a number, and a total that would give one away is
//! the string "≥ n".

use std::collections::HashMap;

use app::service::signals;
use app::signals::Shown;
use app::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::coalitions::holder;
use crate::ApiError;

fn shown(count: Shown) -> Value {
    match count {
        Shown::Exact(n) => json!(n),
        Shown::Few | Shown::AtLeast(_) => json!(count.text()),
    }
}

fn spread(s: &app::signals::Spread) -> Value {
    json!({
        "code": s.code,
        "label": s.label,
        "total": shown(s.total),
        "wijken": s.wijken.iter().map(|(code, name, n)| json!({ "wijk_code": code, "wijk": name, "count": n })).collect::<Vec<_>>(),
    })
}

/// The signals of one quarter, per wijk and per leefgebied.
pub async fn signals(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let me = holder(&state, &headers).await?;
    let Query(q) = query.map_err(|_| {
        ApiError::BadRequest(
            "invalid_query",
            "Deze vraag kunnen we niet lezen: gebruik periode=2026-K4.".into(),
        )
    })?;
    let text = |key: &str| q.get(key).map(|v| v.trim()).unwrap_or_default();
    let today = chrono::Utc::now().date_naive();
    let gemeente = Some(text("gemeente")).filter(|g| !g.is_empty());
    let view = signals::dashboard(&state, &me, gemeente, text("periode"), today).await?;
    let wijken: Vec<Value> = view
        .wijken
        .iter()
        .map(|w| {
            json!({
                "wijk_code": w.wijk_code,
                "wijk": w.wijk,
                "no_offer": shown(w.no_offer),
                "no_offer_change": w.no_offer_change,
                "refused": {
                    "vol": shown(w.refused_full),
                    "niet passend": shown(w.refused_unfit),
                    "geen reactie": shown(w.refused_silent),
                },
                "no_offer_by_leefgebied": view.columns.iter().zip(&w.cells)
                    .map(|(code, n)| (if code.is_empty() { "overig".to_string() } else { code.clone() }, shown(*n)))
                    .collect::<serde_json::Map<String, Value>>(),
                "unanswered": shown(w.unanswered),
                "waiting_days": w.waiting_days.map(|(median, p90)| json!({ "median": median, "p90": p90 })),
                "waiting_list_now": shown(w.waiting_list),
                "roles_open_over_60_days_now": shown(w.old_roles),
            })
        })
        .collect();
    Ok(Json(json!({
        "gemeente": view.gemeente,
        "period": { "name": view.period.0, "first": view.period.1, "last": view.period.2 },
        "previous": view.previous,
        "wijken": wijken,
        "search_gaps": view.search_gaps.iter().map(spread).collect::<Vec<_>>(),
        "unused_talents_now": view.unused_talents.iter().map(spread).collect::<Vec<_>>(),
        // Counts per rule only: the summaries stay on the coordinator's page.
        "knelpunten": view.knelpunten.iter().map(|k| json!({
            "rule": k.rule,
            "name": k.name,
            "category": k.category,
            "this_quarter": shown(k.this_quarter),
            "previous_quarter": shown(k.previous_quarter),
            "open": k.items.iter().filter(|i| i.status != "opgelost").count(),
        })).collect::<Vec<_>>(),
    })))
}
