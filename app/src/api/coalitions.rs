//! Server functions of the coalition pages.

use leptos::prelude::*;

use crate::coalitions::CoalitionView;
use crate::profile::CoalitionProposal;

crate::guard!(Coalitions, crate::auth::Access::Public);
/// All coalitions, active first.
#[server]
pub async fn coalitions() -> Result<Vec<CoalitionView>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::db::list_coalitions(&state.db, None)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(Coalition, crate::auth::Access::Public);
/// One coalition; `None` when it does not exist.
#[server]
pub async fn coalition(id: String) -> Result<Option<CoalitionView>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    let Ok(id) = id.parse() else { return Ok(None) };
    match crate::db::get_coalition(&state.db, id).await {
        Ok(c) => Ok(Some(c)),
        Err(crate::Error::NotFound) => Ok(None),
        Err(e) => Err(e.into_server_fn_error()),
    }
}

crate::guard!(CoalitionChances, crate::auth::Access::Public);
/// Proposed coalitions from the whole map, most promising first.
#[server]
pub async fn coalition_chances() -> Result<Vec<CoalitionProposal>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::profile::coalition_proposals(&state, None)
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
    use uuid::Uuid;

    use crate::coalitions::CoalitionInput;
    use crate::profile::coalition_proposals;
    use crate::{db, AppState, Error, Result};

    pub async fn start_coalition(need: String, sleutel: String) -> Result<()> {
        let state = AppState::from_context()?;
        if !state.is_admin_token(&sleutel) {
            leptos_axum::redirect("/coalities/kansen?fout=sleutel");
            return Ok(());
        }
        let need: Uuid = need.parse().map_err(|_| Error::NotFound)?;
        // Proposals are recomputed, never taken from the form: the page may be old.
        let proposal = coalition_proposals(&state, None)
            .await?
            .into_iter()
            .find(|p| p.need_id == need)
            .ok_or(Error::NotFound)?;
        let goal = format!("{}\n\n{}", proposal.goal, proposal.evidence.join("; "));
        let id = db::create_coalition(
            &state.db,
            CoalitionInput {
                name: proposal.title,
                goal,
                status: "idea".into(),
                gemeente: proposal.gemeente,
                need_id: Some(need),
                link_person: proposal.link_person,
                partners: proposal.partners,
                ..Default::default()
            },
        )
        .await?;
        leptos_axum::redirect(&format!("/coalities/{id}"));
        Ok(())
    }
}
