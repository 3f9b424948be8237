//! Running a search for a page or the API: the engine finds, the database fills in the cards.

use index::{Facets, SearchRequest};

use crate::i18n::Lang;
use crate::model::OfferSummary;
use crate::{db, AppState, Result};

/// A page of found offers with counts.
#[derive(Debug, Clone)]
pub struct Found {
    /// All matching offers.
    pub total: usize,
    /// This page, as cards.
    pub items: Vec<OfferSummary>,
    /// Counts per filter value.
    pub facets: Facets,
    /// What the question was understood to be about ("ontmoeting", "gratis", "70 jaar").
    pub understood: Vec<String>,
}

/// Searches on a blocking thread (tantivy is synchronous) and loads the cards.
pub async fn run(state: &AppState, request: SearchRequest, lang: Lang) -> Result<Found> {
    let search = state.search.clone();
    let found = tokio::task::spawn_blocking(move || search.search(&request)).await??;
    let items = db::offer_summaries(&state.db, &found.hits, lang).await?;
    Ok(Found {
        total: found.total,
        items,
        facets: found.facets,
        understood: found.understood,
    })
}
