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

crate::guard!(StartCoalition, crate::service::coalitions::START);
/// Turns a proposal into a coalition (status "idea") in one step, then opens it: a
/// coordinator of the proposal's gemeente, or an admin.
#[server]
pub async fn start_coalition(csrf: String, need: String) -> Result<(), ServerFnError> {
    ssr::start_coalition(csrf, need)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(AddCoalitionNote, crate::service::coalitions::KEEP);
/// "Tellen en vertellen": a dated count or short story, by a partner or the gemeente. A
/// problem goes back with `?fout=notitie` and what was typed.
#[server]
pub async fn add_coalition_note(
    csrf: String,
    coalitie: String,
    wat: String,
    aantal: String,
    verhaal: String,
) -> Result<(), ServerFnError> {
    ssr::add_coalition_note(csrf, coalitie, (wat, aantal, verhaal))
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(MayChangeCoalition, crate::auth::Access::Public);
/// Whether the logged-in user may start coalitions (`start`) and change this one (`change`).
#[server]
pub async fn may_change_coalition(coalitie: String) -> Result<(bool, bool), ServerFnError> {
    ssr::may_change(coalitie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::coalitions::NoteView;
    use crate::service::{coalitions, parse_id};
    use crate::web::encode;
    use crate::Result;

    pub async fn start_coalition(csrf: String, need: String) -> Result<()> {
        let cx = Ctx::writing::<super::StartCoalition>(&csrf).await?;
        let id = coalitions::start(&cx.state, &cx.me, parse_id(&need)?).await?;
        leptos_axum::redirect(&format!("/coalities/{id}"));
        Ok(())
    }

    pub async fn add_coalition_note(
        csrf: String,
        coalitie: String,
        (label, number, story): (String, String, String),
    ) -> Result<()> {
        let cx = Ctx::writing::<super::AddCoalitionNote>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        let number = match number.trim() {
            "" => Ok(None),
            n => n.parse::<i32>().map(Some).map_err(|_| ()),
        };
        let (label, story) = (label.trim(), story.trim());
        let fine = matches!(number, Ok(n) if n.is_some() || !story.is_empty())
            && label.chars().count() <= 100
            && story.chars().count() <= 2000
            && number.is_ok_and(|n| n.is_none_or(|n| (0..=1_000_000).contains(&n)));
        if !fine {
            leptos_axum::redirect(&format!(
                "/coalities/{id}?fout=notitie&wat={}&verhaal={}#tellen",
                encode(label),
                encode(&story.chars().take(2000).collect::<String>())
            ));
            return Ok(());
        }
        let note = NoteView {
            written_on: chrono::Utc::now().date_naive().to_string(),
            label: label.into(),
            number: number.ok().flatten(),
            story: story.into(),
        };
        coalitions::add_note(&cx.state, &cx.me, id, &note).await?;
        redirect_refreshed(&format!("/coalities/{id}"), "genoteerd=ja");
        Ok(())
    }

    pub async fn may_change(coalitie: String) -> Result<(bool, bool)> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::MayChangeCoalition>().await? else {
            return Ok((false, false));
        };
        let start = coalitions::START.admits(cx.me.role);
        let change = match coalitie.trim().parse() {
            Ok(id) => match coalitions::get(&cx.state, id).await {
                Ok(c) => coalitions::may_change(&cx.state, &cx.me, &c).await?,
                Err(crate::Error::NotFound) => false,
                Err(e) => return Err(e),
            },
            Err(_) => false,
        };
        Ok((start, change))
    }
}
