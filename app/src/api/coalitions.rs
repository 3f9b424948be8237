//! Server functions of the coalition pages.

use leptos::prelude::*;

use crate::coalitions::{CoalitionForm, CoalitionRights, CoalitionView};
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

crate::guard!(NewCoalition, crate::service::coalitions::START);
/// Starts a coalition from scratch with a name and a goal (status "idea"), then opens its edit
/// page; a problem goes back with `?fout=<field>` and what was typed.
#[server]
pub async fn new_coalition(csrf: String, naam: String, doel: String) -> Result<(), ServerFnError> {
    ssr::new_coalition(csrf, naam, doel)
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
    uitkomst: Option<crate::coalitions::OutcomeTicks>,
) -> Result<(), ServerFnError> {
    let outcomes = uitkomst.unwrap_or_default().codes();
    ssr::add_coalition_note(csrf, coalitie, (wat, aantal, verhaal), outcomes)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(MayChangeCoalition, crate::auth::Access::Public);
/// What the logged-in user may do: start coalitions, change this one, answer for the partner
/// organisations they manage.
#[server]
pub async fn may_change_coalition(coalitie: String) -> Result<CoalitionRights, ServerFnError> {
    ssr::may_change(coalitie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SaveCoalition, crate::service::coalitions::KEEP);
/// The edit form; a problem goes back with `?fout=<field>` and everything typed.
#[server]
pub async fn save_coalition(
    csrf: String,
    coalitie: String,
    form: CoalitionForm,
) -> Result<(), ServerFnError> {
    ssr::save_coalition(csrf, coalitie, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(CoalitionCandidates, crate::service::coalitions::KEEP);
/// Organisations on the map named like `zoek`, to invite: (id, name).
#[server]
pub async fn coalition_candidates(
    coalitie: String,
    zoek: String,
) -> Result<Vec<(String, String)>, ServerFnError> {
    ssr::candidates(coalitie, zoek)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(InviteCoalitionPartner, crate::service::coalitions::KEEP);
/// Invites an organisation on the map as a partner; its managers get a mail.
#[server]
pub async fn invite_coalition_partner(
    csrf: String,
    coalitie: String,
    organisatie: String,
    rol: String,
    geeft: String,
    krijgt: String,
) -> Result<(), ServerFnError> {
    ssr::invite_partner(csrf, coalitie, organisatie, (rol, geeft, krijgt))
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(InviteNewcomer, crate::service::coalitions::KEEP);
/// Invites an organisation that is not on the map, through one of its people's e-mail address:
/// they put it on the map and then answer. A problem goes back with what was typed.
#[server]
pub async fn invite_newcomer(
    csrf: String,
    coalitie: String,
    naam: String,
    email: String,
    rol: String,
    geeft: String,
    krijgt: String,
) -> Result<(), ServerFnError> {
    ssr::invite_newcomer(csrf, coalitie, (naam, email), (rol, geeft, krijgt))
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(AnswerCoalition, crate::service::coalitions::ANSWER);
/// A partner organisation's manager says yes (`ja`), no (`nee`) or stops (`stoppen`).
#[server]
pub async fn answer_coalition(
    csrf: String,
    coalitie: String,
    organisatie: String,
    antwoord: String,
) -> Result<(), ServerFnError> {
    ssr::answer(csrf, coalitie, organisatie, antwoord)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(AddFunding, crate::service::coalitions::KEEP);
/// Adds a funding line: source, amount in euros, first and last day (YYYY-MM-DD).
#[server]
pub async fn add_funding(
    csrf: String,
    coalitie: String,
    bron: String,
    bedrag: String,
    van: String,
    tot: String,
) -> Result<(), ServerFnError> {
    ssr::add_funding(csrf, coalitie, (bron, bedrag, van, tot))
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(RemoveFunding, crate::service::coalitions::KEEP);
/// Removes funding line number `regel` (from 0).
#[server]
pub async fn remove_funding(
    csrf: String,
    coalitie: String,
    regel: String,
) -> Result<(), ServerFnError> {
    ssr::remove_funding(csrf, coalitie, regel)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(CoalitionOverview, crate::service::coalitions::OVERVIEW);
/// The gemeente's coalitions; `filter=kwartaal` for those whose money ends this quarter.
/// `None` when not logged in.
#[server]
pub async fn coalition_overview(
    filter: String,
) -> Result<Option<Vec<crate::coalitions::OverviewLine>>, ServerFnError> {
    ssr::overview(filter)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::coalitions::{CoalitionForm, CoalitionRights, FundingLine, NoteView};
    use crate::profile::PartnerView;
    use crate::service::{coalitions, parse_id, Saved};
    use crate::web::encode;
    use crate::Result;

    pub async fn start_coalition(csrf: String, need: String) -> Result<()> {
        let cx = Ctx::writing::<super::StartCoalition>(&csrf).await?;
        let id = coalitions::start(&cx.state, &cx.me, parse_id(&need)?).await?;
        leptos_axum::redirect(&format!("/coalities/{id}"));
        Ok(())
    }

    pub async fn new_coalition(csrf: String, naam: String, doel: String) -> Result<()> {
        let cx = Ctx::writing::<super::NewCoalition>(&csrf).await?;
        match coalitions::start_from_scratch(&cx.state, &cx.me, &naam, &doel).await? {
            Saved::Done(id) => {
                leptos_axum::redirect(&format!("/coalities/{id}/bewerken?nieuw=ja"));
            }
            Saved::Invalid(field) => {
                // What was typed comes back, cut to the caps so the URL stays bounded.
                leptos_axum::redirect(&format!(
                    "/coalities/nieuw?fout={field}&naam={}&doel={}",
                    encode(
                        &naam
                            .trim()
                            .chars()
                            .take(coalitions::NAME_MAX)
                            .collect::<String>()
                    ),
                    encode(
                        &doel
                            .trim()
                            .chars()
                            .take(coalitions::GOAL_MAX)
                            .collect::<String>()
                    )
                ));
            }
        }
        Ok(())
    }

    pub async fn add_coalition_note(
        csrf: String,
        coalitie: String,
        (label, number, story): (String, String, String),
        outcomes: Vec<String>,
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
            id: None,
            photo: None,
            written_on: chrono::Utc::now().date_naive().to_string(),
            label: label.into(),
            number: number.ok().flatten(),
            story: story.into(),
            outcomes,
        };
        let (_, note) = coalitions::add_note(&cx.state, &cx.me, id, &note).await?;
        // To the new note, where its photo can be added.
        redirect_refreshed(
            &format!("/coalities/{id}"),
            &format!("genoteerd={note}#notitie-{note}"),
        );
        Ok(())
    }

    pub async fn overview(filter: String) -> Result<Option<Vec<crate::coalitions::OverviewLine>>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::CoalitionOverview>().await? else {
            return Ok(None);
        };
        let today = chrono::Utc::now().date_naive();
        let found = coalitions::overview(&cx.state, &cx.me, filter == "kwartaal", today).await?;
        Ok(Some(found))
    }

    pub async fn may_change(coalitie: String) -> Result<CoalitionRights> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::MayChangeCoalition>().await? else {
            return Ok(CoalitionRights::default());
        };
        coalitions::rights(&cx.state, Some(&cx.me), coalitie.trim().parse().ok()).await
    }

    pub async fn save_coalition(csrf: String, coalitie: String, form: CoalitionForm) -> Result<()> {
        let cx = Ctx::writing::<super::SaveCoalition>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        match coalitions::edit(&cx.state, &cx.me, id, &form).await? {
            Saved::Done(()) => redirect_refreshed(&format!("/coalities/{id}"), "bewaard=ja"),
            Saved::Invalid(field) => {
                let typed: Vec<String> = form
                    .fields()
                    .iter()
                    .map(|(name, value)| {
                        let value: String = value.chars().take(1000).collect();
                        format!("{name}={}", encode(&value))
                    })
                    .collect();
                leptos_axum::redirect(&format!(
                    "/coalities/{id}/bewerken?fout={field}&{}#fout",
                    typed.join("&")
                ));
            }
        }
        Ok(())
    }

    pub async fn candidates(coalitie: String, zoek: String) -> Result<Vec<(String, String)>> {
        let cx = Ctx::reading::<super::CoalitionCandidates>().await?;
        let found = coalitions::candidates(&cx.state, &cx.me, parse_id(&coalitie)?, &zoek).await?;
        Ok(found
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect())
    }

    pub async fn invite_partner(
        csrf: String,
        coalitie: String,
        organisatie: String,
        (role, gives, gets): (String, String, String),
    ) -> Result<()> {
        let cx = Ctx::writing::<super::InviteCoalitionPartner>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        let partner = PartnerView {
            organisation_id: organisatie.trim().parse().ok(),
            role,
            gives: gives.trim().into(),
            gets: gets.trim().into(),
            ..Default::default()
        };
        match coalitions::invite_partner(&cx.state, &cx.me, id, partner).await? {
            Saved::Done(()) => redirect_refreshed(
                &format!("/coalities/{id}/bewerken"),
                "uitgenodigd=ja#partners",
            ),
            Saved::Invalid(why) => {
                leptos_axum::redirect(&format!("/coalities/{id}/bewerken?fout={why}#partners"))
            }
        }
        Ok(())
    }

    pub async fn invite_newcomer(
        csrf: String,
        coalitie: String,
        (name, email): (String, String),
        (role, gives, gets): (String, String, String),
    ) -> Result<()> {
        let cx = Ctx::writing::<super::InviteNewcomer>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        let partner = PartnerView {
            name: name.trim().into(),
            role,
            gives: gives.trim().into(),
            gets: gets.trim().into(),
            ..Default::default()
        };
        match coalitions::invite_newcomer(&cx.state, &cx.me, id, partner, &email).await? {
            Saved::Done(()) => redirect_refreshed(
                &format!("/coalities/{id}/bewerken"),
                "uitgenodigd=nieuw#partners",
            ),
            Saved::Invalid(why) => {
                // Back with what was typed (not the address: it stays out of the URL).
                leptos_axum::redirect(&format!(
                    "/coalities/{id}/bewerken?fout={why}&nieuw-naam={}#nieuw",
                    encode(&name.trim().chars().take(120).collect::<String>())
                ))
            }
        }
        Ok(())
    }

    pub async fn add_funding(
        csrf: String,
        coalitie: String,
        (source, amount, from, to): (String, String, String, String),
    ) -> Result<()> {
        let cx = Ctx::writing::<super::AddFunding>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        let parsed = match amount.trim().replace(['.', ' ', '€'], "").as_str() {
            "" => Ok(None),
            n => n.parse::<i64>().map(Some),
        };
        let saved = match parsed {
            Ok(amount_euros) => {
                let line = FundingLine {
                    source: source.trim().into(),
                    amount_euros,
                    starts_on: Some(from.trim().to_string()).filter(|d| !d.is_empty()),
                    ends_on: Some(to.trim().to_string()).filter(|d| !d.is_empty()),
                };
                coalitions::add_funding(&cx.state, &cx.me, id, line).await?
            }
            Err(_) => Saved::Invalid("geld"),
        };
        match saved {
            Saved::Done(()) => {
                redirect_refreshed(&format!("/coalities/{id}/bewerken"), "geld=ja#geld")
            }
            Saved::Invalid(why) => leptos_axum::redirect(&format!(
                "/coalities/{id}/bewerken?fout={why}&bron={}&bedrag={}&van={}&tot={}#geld",
                encode(&source.chars().take(200).collect::<String>()),
                encode(&amount.chars().take(20).collect::<String>()),
                encode(from.trim()),
                encode(to.trim())
            )),
        }
        Ok(())
    }

    pub async fn remove_funding(csrf: String, coalitie: String, regel: String) -> Result<()> {
        let cx = Ctx::writing::<super::RemoveFunding>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        let position = regel.trim().parse().map_err(|_| crate::Error::NotFound)?;
        coalitions::remove_funding(&cx.state, &cx.me, id, position).await?;
        redirect_refreshed(&format!("/coalities/{id}/bewerken"), "geld=weg#geld");
        Ok(())
    }

    pub async fn answer(
        csrf: String,
        coalitie: String,
        organisatie: String,
        antwoord: String,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::AnswerCoalition>(&csrf).await?;
        let id = parse_id(&coalitie)?;
        let answer = coalitions::Answer::parse(&antwoord)
            .ok_or_else(|| crate::Error::Invalid("Kies ja, nee of stoppen.".into()))?;
        coalitions::answer(&cx.state, &cx.me, id, parse_id(&organisatie)?, answer).await?;
        redirect_refreshed(
            &format!("/coalities/{id}"),
            &format!("antwoord={antwoord}#partners"),
        );
        Ok(())
    }
}
