//! Server functions of the coalition pages.

use leptos::prelude::*;

use crate::coalitions::CoalitionView;
use crate::profile::CoalitionProposal;

crate::guard!(Coalitions, crate::auth::Access::Public);
/// All coalitions, active first.
#[server]
pub async fn coalitions() -> Result<Vec<CoalitionView>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::coalitions::list(&state, None)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(Coalition, crate::auth::Access::Public);
/// One coalition; `None` when it does not exist.
#[server]
pub async fn coalition(id: String) -> Result<Option<CoalitionView>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    let Ok(id) = id.parse() else { return Ok(None) };
    let found = crate::service::coalitions::get(&state, id).await;
    crate::service::unless_not_found(found).map_err(crate::Error::into_server_fn_error)
}

crate::guard!(CoalitionChances, crate::auth::Access::Public);
/// Proposed coalitions from the whole map, most promising first.
#[server]
pub async fn coalition_chances() -> Result<Vec<CoalitionProposal>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::coalitions::proposals(&state, None, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(StartCoalition, crate::auth::Access::Public);
/// Turns a proposal into a coalition (status "idea") in one step, then opens it. Needs the
/// admin key until accounts exist; a wrong key goes back with `?fout=sleutel`.
#[server]
pub async fn start_coalition(need: String, sleutel: String) -> Result<(), ServerFnError> {
    ssr::start_coalition(need, sleutel)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::service::{coalitions, parse_id};
    use crate::{AppState, Error, Result};

    pub async fn start_coalition(need: String, sleutel: String) -> Result<()> {
        let state = AppState::from_context()?;
        match coalitions::start(&state, &sleutel, parse_id(&need)?).await {
            Ok(id) => leptos_axum::redirect(&format!("/coalities/{id}")),
            Err(Error::Forbidden | Error::Unauthenticated) => {
                leptos_axum::redirect("/coalities/kansen?fout=sleutel")
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }
}
