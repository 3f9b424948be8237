//! Vitale coalities: proposals from the map (win-win detection in `index::matching`), and the
//! coalitions people start from them. Reading is public. A coordinator (the gemeente or a
//! sociaal makelaar) starts one in their gemeente; its partners' managers and the gemeente's
//! coordinators keep it going ([`may_change`]). The JSON API acts as the holder of a personal
//! API token ([`super::tokens::holder`]), under the same rules.

use uuid::Uuid;

use super::{allow, matching};
use crate::auth::{Access, Me, Role, MANAGERS};
use crate::coalitions::{CoalitionInput, CoalitionView, NoteView};
use crate::db;
use crate::domain::GemeenteCode;
use crate::i18n::Lang;
use crate::profile::CoalitionProposal;
use crate::{AppState, Error, Result};

/// Starting (and ending) a coalition: the gemeente's coordinators and admins.
pub const START: Access = Access::Roles(&[Role::Coordinator, Role::Admin]);
/// Keeping a coalition going (notes, changes): partners' managers, the gemeente's
/// coordinators, admins; [`may_change`] decides which coalition.
pub const KEEP: Access = Access::Roles(MANAGERS);

/// May `me` change this coalition? Admins all; coordinators those of their gemeente; providers
/// those where an organisation they manage is a partner.
pub async fn may_change(state: &AppState, me: &Me, c: &CoalitionView) -> Result<bool> {
    Ok(match me.role {
        Role::Admin => true,
        Role::Coordinator => me.gemeente.is_some() && me.gemeente == c.gemeente,
        Role::Provider => {
            let mine = db::user_organisations(&state.db, me.id).await?;
            c.partners
                .iter()
                .any(|p| p.organisation_id.is_some_and(|o| mine.contains(&o)))
        }
        Role::Professional => false,
    })
}

/// A coordinator acts in their own gemeente only.
fn in_own_gemeente(me: &Me, gemeente: Option<&str>) -> Result<()> {
    match me.role {
        Role::Admin => Ok(()),
        _ if me.gemeente.is_some() && me.gemeente.as_deref() == gemeente => Ok(()),
        _ => Err(Error::Forbidden),
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
pub async fn start(state: &AppState, me: &Me, need: Uuid) -> Result<Uuid> {
    allow(me, START)?;
    let proposal = matching::coalition_proposals(state, None, Lang::Nl)
        .await?
        .into_iter()
        .find(|p| p.need_id == need)
        .ok_or(Error::NotFound)?;
    in_own_gemeente(me, proposal.gemeente.as_deref())?;
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

/// Creates a coalition from scratch (a coordinator's lands in their own gemeente).
pub async fn create(state: &AppState, me: &Me, mut input: CoalitionInput) -> Result<Uuid> {
    allow(me, START)?;
    if me.role == Role::Coordinator && input.gemeente.is_none() {
        input.gemeente = me.gemeente.clone();
    }
    in_own_gemeente(me, input.gemeente.as_deref())?;
    db::create_coalition(&state.db, input).await
}

/// The coalition, when `me` may change it.
async fn changeable(state: &AppState, me: &Me, id: Uuid) -> Result<CoalitionView> {
    let current = db::get_coalition(&state.db, id).await?;
    if may_change(state, me, &current).await? {
        Ok(current)
    } else {
        Err(Error::Forbidden)
    }
}

/// Replaces a coalition and returns it as stored.
pub async fn update(
    state: &AppState,
    me: &Me,
    id: Uuid,
    input: CoalitionInput,
) -> Result<CoalitionView> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    // Only an admin moves a coalition to another gemeente.
    if me.role != Role::Admin && input.gemeente != current.gemeente {
        return Err(Error::Forbidden);
    }
    db::update_coalition(&state.db, id, input).await?;
    db::get_coalition(&state.db, id).await
}

/// Deletes a coalition.
pub async fn delete(state: &AppState, me: &Me, id: Uuid) -> Result<()> {
    allow(me, START)?;
    let current = db::get_coalition(&state.db, id).await?;
    in_own_gemeente(me, current.gemeente.as_deref())?;
    db::delete_coalition(&state.db, id).await
}

/// Adds a "tellen en vertellen" note and returns the coalition.
pub async fn add_note(
    state: &AppState,
    me: &Me,
    id: Uuid,
    note: &NoteView,
) -> Result<CoalitionView> {
    allow(me, KEEP)?;
    changeable(state, me, id).await?;
    db::add_coalition_note(&state.db, id, note).await?;
    db::get_coalition(&state.db, id).await
}
