//! `/beheer/teams`: the wijkteams of a gemeente, made and filled by its coordinator.

use leptos::prelude::*;

use crate::teams::TeamsView;

crate::guard!(TeamsOverview, crate::service::teams::MANAGE_TEAMS);
/// The teams the user looks after; `None` when not logged in.
#[server]
pub async fn teams_overview() -> Result<Option<TeamsView>, ServerFnError> {
    ssr::teams_overview()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(CreateTeam, crate::service::teams::MANAGE_TEAMS);
/// Makes a team in the coordinator's gemeente (an admin names the gemeente); a problem goes
/// back with `?fout=<veld>`.
#[server]
pub async fn create_team(
    csrf: String,
    naam: String,
    soort: String,
    telefoon: String,
    email: String,
    gemeente: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::create_team(csrf, naam, soort, telefoon, email, gemeente)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SetTeamMember, crate::service::teams::MANAGE_TEAMS);
/// Puts a professional (by e-mail address) in a team, as a lead when `leider` is sent.
#[server]
pub async fn set_team_member(
    csrf: String,
    team: String,
    email: String,
    leider: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::set_team_member(csrf, team, email, leider.is_some())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::service::{parse_id, teams, Saved};
    use crate::teams::TeamsView;
    use crate::web::encode;
    use crate::Result;

    pub async fn teams_overview() -> Result<Option<TeamsView>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::TeamsOverview>().await? else {
            return Ok(None);
        };
        Ok(Some(teams::overview(&cx.state, &cx.me).await?))
    }

    pub async fn create_team(
        csrf: String,
        naam: String,
        soort: String,
        telefoon: String,
        email: String,
        gemeente: Option<String>,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::CreateTeam>(&csrf).await?;
        // A coordinator's teams are in their own gemeente; only an admin names one.
        let gemeente = match (&cx.me.gemeente, gemeente) {
            (Some(own), _) => own.clone(),
            (None, Some(chosen)) => chosen,
            (None, None) => String::new(),
        };
        let made = teams::create(
            &cx.state, &cx.me, &gemeente, &naam, &soort, &telefoon, &email,
        )
        .await?;
        match made {
            Saved::Done(_) => redirect_refreshed("/beheer/teams", "gemaakt=ja"),
            Saved::Invalid(field) => leptos_axum::redirect(&format!(
                "/beheer/teams?fout={field}&naam={}&telefoon={}&email={}#nieuw-team",
                encode(&naam),
                encode(&telefoon),
                encode(&email)
            )),
        }
        Ok(())
    }

    pub async fn set_team_member(
        csrf: String,
        team: String,
        email: String,
        lead: bool,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::SetTeamMember>(&csrf).await?;
        let team = parse_id(&team)?;
        match teams::set_member(&cx.state, &cx.me, team, &email, lead).await? {
            Saved::Done(_) => redirect_refreshed("/beheer/teams", &format!("lid=ja#team-{team}")),
            Saved::Invalid(_) => leptos_axum::redirect(&format!(
                "/beheer/teams?fout=lid&team={team}&lid_email={}#team-{team}",
                encode(&email)
            )),
        }
        Ok(())
    }
}
