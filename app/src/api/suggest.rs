//! `suggest`: offer names for the search box, as people type.

use leptos::prelude::*;

crate::guard!(Suggest, crate::auth::Access::Public);
/// Up to eight distinct offer names that match what was typed so far (prefixes, synonyms and
/// small typos included); nothing for fewer than three letters.
#[server]
pub async fn suggest(typed: String) -> Result<Vec<String>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::search::suggest(&state, &typed, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}
