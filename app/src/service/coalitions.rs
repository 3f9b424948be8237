//! Vitale coalities: proposals from the map (win-win detection in `index::matching`), and the
//! coalitions people start from them. Reading is public; changing needs the admin key until
//! coordinators manage coalitions with their accounts.

use uuid::Uuid;

use super::matching;
use crate::coalitions::{CoalitionInput, CoalitionView, NoteView};
use crate::db;
use crate::domain::GemeenteCode;
use crate::i18n::Lang;
use crate::profile::CoalitionProposal;
use crate::{AppState, Error, Result};

/// Proves the caller holds the admin key (compared in constant time); without a configured key
/// nobody may change coalitions.
pub fn require_admin_key(state: &AppState, given: &str) -> Result<()> {
    if state.admin_token.is_none() {
        return Err(Error::Forbidden);
    }
    if state.is_admin_token(given) {
        Ok(())
    } else {
        Err(Error::Unauthenticated)
    }
}

/// All coalitions (of a gemeente), active first.
pub async fn list(state: &AppState, gemeente: Option<&GemeenteCode>) -> Result<Vec<CoalitionView>> {
    db::list_coalitions(&state.db, gemeente.map(GemeenteCode::as_str)).await
}

/// One coalition.
pub async fn get(state: &AppState, id: Uuid) -> Result<CoalitionView> {
    db::get_coalition(&state.db, id).await
}

/// Proposed coalitions for a gemeente (or the whole map), most promising first, in `lang`.
pub async fn proposals(
    state: &AppState,
    gemeente: Option<&GemeenteCode>,
    lang: Lang,
) -> Result<Vec<CoalitionProposal>> {
    matching::coalition_proposals(state, gemeente.map(GemeenteCode::as_str), lang).await
}

/// Turns a proposal into a coalition (status "idea"). The proposal is recomputed, never taken
/// from the form: the page may be old. Returns the new coalition's id.
pub async fn start(state: &AppState, admin_key: &str, need: Uuid) -> Result<Uuid> {
    require_admin_key(state, admin_key)?;
    let proposal = matching::coalition_proposals(state, None, Lang::Nl)
        .await?
        .into_iter()
        .find(|p| p.need_id == need)
        .ok_or(Error::NotFound)?;
    let goal = format!("{}\n\n{}", proposal.goal, proposal.evidence.join("; "));
    db::create_coalition(
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
    .await
}

/// Creates a coalition.
pub async fn create(state: &AppState, admin_key: &str, input: CoalitionInput) -> Result<Uuid> {
    require_admin_key(state, admin_key)?;
    db::create_coalition(&state.db, input).await
}

/// Replaces a coalition and returns it as stored.
pub async fn update(
    state: &AppState,
    admin_key: &str,
    id: Uuid,
    input: CoalitionInput,
) -> Result<CoalitionView> {
    require_admin_key(state, admin_key)?;
    db::update_coalition(&state.db, id, input).await?;
    db::get_coalition(&state.db, id).await
}

/// Deletes a coalition.
pub async fn delete(state: &AppState, admin_key: &str, id: Uuid) -> Result<()> {
    require_admin_key(state, admin_key)?;
    db::delete_coalition(&state.db, id).await
}

/// Adds a "tellen en vertellen" note and returns the coalition.
pub async fn add_note(
    state: &AppState,
    admin_key: &str,
    id: Uuid,
    note: &NoteView,
) -> Result<CoalitionView> {
    require_admin_key(state, admin_key)?;
    db::add_coalition_note(&state.db, id, note).await?;
    db::get_coalition(&state.db, id).await
}
