//! `suggest`: offer names for the search box, as people type.

use leptos::prelude::*;

crate::guard!(Suggest, crate::auth::Access::Public);
/// Up to eight distinct offer names that match what was typed so far (prefixes, synonyms and
/// small typos included); nothing for fewer than three letters.
#[server]
pub async fn suggest(typed: String) -> Result<Vec<String>, ServerFnError> {
    use crate::{AppState, Error};

    let typed: String = typed.trim().chars().take(60).collect();
    if typed.chars().count() < 3 {
        return Ok(Vec::new());
    }
    let state = AppState::from_context().map_err(Error::into_server_fn_error)?;
    let search = state.search.clone();
    let request = index::SearchRequest {
        limit: 30,
        ..index::SearchRequest::text(&typed)
    };
    let found = tokio::task::spawn_blocking(move || search.search(&request))
        .await
        .map_err(|e| Error::Task(e).into_server_fn_error())?
        .map_err(|e| Error::Index(e).into_server_fn_error())?;
    let items = crate::db::offer_summaries(&state.db, &found.hits, crate::i18n::Lang::detect())
        .await
        .map_err(Error::into_server_fn_error)?;
    let mut names: Vec<String> = Vec::new();
    for item in items {
        if !names.contains(&item.name) {
            names.push(item.name);
        }
    }
    names.truncate(8);
    Ok(names)
}
