//! Wijkteams as teams: a coordinator (or an admin) makes the teams of a gemeente and puts
//! professionals in them; an account that is switched off hands its trajecten to its team's
//! queue at once, so nobody's work hangs on one person.

use uuid::Uuid;

use super::{allow, audit, Saved};
use crate::auth::{Access, Me, Role, MODERATORS};
use crate::domain::{Email, GemeenteCode};
use crate::{db, AppState, Error, Result};

/// Making teams and choosing their members: coordinators (their own gemeente) and admins.
pub const MANAGE_TEAMS: Access = Access::Roles(MODERATORS);

pub use crate::teams::TEAM_KINDS;
use crate::teams::{TeamLine, TeamsView};

/// Whether `me` looks after teams of this gemeente.
fn looks_after(me: &Me, gemeente: &str) -> bool {
    me.role == Role::Admin || me.gemeente.as_deref() == Some(gemeente)
}

/// The teams `me` looks after (a coordinator: their gemeente; an admin: all), with members
/// and how many trajecten wait in each queue.
pub async fn overview(state: &AppState, me: &Me) -> Result<TeamsView> {
    allow(me, MANAGE_TEAMS)?;
    let gemeente = match me.role {
        Role::Admin => None,
        _ => Some(me.gemeente.clone().ok_or(Error::Forbidden)?),
    };
    let mut teams = Vec::new();
    for t in db::teams(&state.db, gemeente.as_deref()).await? {
        let members = db::team_members(&state.db, t.id)
            .await?
            .into_iter()
            .map(|m| (m.name, m.email, m.lead))
            .collect();
        let queue = db::team_queue(&state.db, t.id).await?.len() as u32;
        teams.push(TeamLine {
            id: t.id,
            name: t.name,
            kind: t.kind,
            phone: t.phone,
            email: t.email,
            members,
            queue,
        });
    }
    Ok(TeamsView {
        gemeente: gemeente
            .map(|g| super::signals::gemeente_name(&g))
            .unwrap_or_default(),
        choose_gemeente: me.role == Role::Admin,
        teams,
    })
}

/// A new team. Refused fields: `naam` (1-80 characters, not already a team of the gemeente),
/// `soort`, `gemeente` (an unknown CBS code), `telefoon`, `email`.
pub async fn create(
    state: &AppState,
    me: &Me,
    gemeente: &str,
    name: &str,
    kind: &str,
    phone: &str,
    email: &str,
) -> Result<Saved<Uuid>> {
    allow(me, MANAGE_TEAMS)?;
    let Some(gemeente) = GemeenteCode::parse(gemeente) else {
        return Ok(Saved::Invalid("gemeente"));
    };
    let gemeente = gemeente.as_str();
    if !looks_after(me, gemeente) {
        return Err(Error::Forbidden);
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Ok(Saved::Invalid("naam"));
    } else if !TEAM_KINDS.contains(&kind) {
        return Ok(Saved::Invalid("soort"));
    } else if phone.chars().count() > 30 {
        return Ok(Saved::Invalid("telefoon"));
    } else if !email.trim().is_empty() && Email::parse(email.trim()).is_none() {
        return Ok(Saved::Invalid("email"));
    }
    let team = db::TeamRecord {
        id: Uuid::new_v4(),
        gemeente_code: gemeente.into(),
        name: name.into(),
        kind: kind.into(),
        phone: phone.trim().into(),
        email: email.trim().to_lowercase(),
    };
    if !db::create_team(&state.db, &team).await? {
        return Ok(Saved::Invalid("naam"));
    }
    audit(state, me, "team_created", "team", team.id, name).await?;
    Ok(Saved::Done(team.id))
}

/// Puts the professional with this e-mail address in a team (out of another one), as a lead
/// or not. Refused: `email` (no working professional account with that address).
pub async fn set_member(
    state: &AppState,
    me: &Me,
    team: Uuid,
    email: &str,
    lead: bool,
) -> Result<Saved<Uuid>> {
    allow(me, MANAGE_TEAMS)?;
    let record = db::team(&state.db, team).await?.ok_or(Error::NotFound)?;
    if !looks_after(me, &record.gemeente_code) {
        return Err(Error::Forbidden);
    }
    let user = match db::find_user(&state.db, email.trim()).await? {
        Some(u) if u.me.role == Role::Professional && !u.disabled => u,
        _ => return Ok(Saved::Invalid("email")),
    };
    db::set_team_member(&state.db, team, user.me.id, lead).await?;
    let detail = format!("{}{}", user.me.id, if lead { " lead" } else { "" });
    audit(state, me, "team_member_set", "team", team, &detail).await?;
    Ok(Saved::Done(user.me.id))
}

/// Switches an account off at once (an admin's step): no login, no session, no API token,
/// and every traject it held goes to its team's queue, where the lead gives it to someone;
/// the receivers of its open referrals see the team as contact meanwhile. Returns how many
/// trajecten moved; `Invalid("email")` for an unknown address.
pub async fn disable_account(state: &AppState, me: &Me, email: &str) -> Result<Saved<usize>> {
    allow(me, Access::Roles(&[Role::Admin]))?;
    let Some(user) = db::find_user(&state.db, email.trim()).await? else {
        return Ok(Saved::Invalid("email"));
    };
    let moved = db::disable_user(&state.db, user.me.id).await?;
    audit(state, me, "user_disabled", "user", user.me.id, "").await?;
    for traject in &moved {
        audit(state, me, "traject_to_queue", "traject", traject, "").await?;
    }
    Ok(Saved::Done(moved.len()))
}
