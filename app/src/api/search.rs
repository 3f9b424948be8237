//! `search_offers`: words + place → a page of offer cards.

use leptos::prelude::*;

use crate::model::SearchOutcome;

/// Searches offers by words and, optionally, near a postcode or place name.
#[server]
pub async fn search_offers(
    q: String,
    waar: String,
    page: u32,
) -> Result<SearchOutcome, ServerFnError> {
    ssr::search(q, waar, page)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use index::{Geocoder, SearchRequest};

    use crate::model::SearchOutcome;
    use crate::{db, AppState, Result};

    /// Results per page.
    const PAGE_SIZE: usize = 20;
    /// Longest search text we accept; longer input is cut, not refused.
    const MAX_QUERY_CHARS: usize = 200;

    pub async fn search(q: String, waar: String, page: u32) -> Result<SearchOutcome> {
        let state = AppState::from_context()?;
        let text: String = q.trim().chars().take(MAX_QUERY_CHARS).collect();
        let waar = waar.trim().to_string();
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
        let request = SearchRequest {
            text,
            near,
            radius_km: 10.0,
            offset: page.saturating_sub(1) as usize * PAGE_SIZE,
            limit: PAGE_SIZE,
        };
        let search = state.search.clone();
        let found = tokio::task::spawn_blocking(move || search.search(&request)).await??;
        let hits: Vec<_> = found
            .hits
            .iter()
            .map(|h| (h.offer_id, h.location_id, h.distance_km))
            .collect();
        let items = db::offer_summaries(&state.db, &hits).await?;
        Ok(SearchOutcome {
            total: found.total,
            items,
            problem: None,
            near: near.map(|_| waar),
        })
    }
}
