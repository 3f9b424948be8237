//! The provider's dashboard (`/beheer`) and what providers change in one click: the status of a
//! sign-up, "alles klopt nog", the waiting list and the need it proposes; and the reminders to
//! check a listing.

use uuid::Uuid;

use super::{allow, manages, notifications, Saved, MANAGE};
use crate::auth::{Me, Role};
use crate::i18n::Lang;
use crate::manage::DashboardView;
use crate::{db, AppState, Error, Result};

/// Everything `me` manages, with sign-ups opened and incoming referrals.
pub async fn dashboard(state: &AppState, me: &Me) -> Result<DashboardView> {
    allow(me, MANAGE)?;
    let mut view = db::dashboard(&state.db, me).await?;
    for signup in &mut view.signups {
        signup.name = state.sealer.open_stored(&signup.name);
        signup.contact = state.sealer.open_stored(&signup.contact);
        signup.message = state.sealer.open_stored(&signup.message);
    }
    if matches!(me.role, Role::Provider | Role::Coordinator) {
        view.referrals = super::referrals::incoming(state, me).await?;
    }
    Ok(view)
}

/// Sets the status of a sign-up request. Sign-ups are for the organisation itself: providers
/// only, not the gemeente.
pub async fn set_signup_status(
    state: &AppState,
    me: &Me,
    signup: Uuid,
    status: &str,
) -> Result<()> {
    allow(me, MANAGE)?;
    if me.role != Role::Provider {
        return Err(Error::Forbidden);
    }
    manages(state, me, db::signup_organisation(&state.db, signup).await?).await?;
    db::set_signup_status(&state.db, signup, status.trim()).await?;
    db::audit(
        &state.db,
        Some(me.id),
        "signup_status",
        "signup_request",
        &signup.to_string(),
        status.trim(),
    )
    .await
}

/// "Alles klopt nog" for an organisation: its listing counts as checked today.
pub async fn confirm_still_correct(state: &AppState, me: &Me, organisation: Uuid) -> Result<()> {
    allow(me, MANAGE)?;
    manages(state, me, organisation).await?;
    db::confirm_still_correct(&state.db, organisation).await?;
    db::audit(
        &state.db,
        Some(me.id),
        "confirmed",
        "organization",
        &organisation.to_string(),
        "alles klopt nog",
    )
    .await
}

/// Sets the waiting list of an offer (people waiting), and its number of places when given
/// (`Some("")`: unknown). Refused: `Invalid("wachtlijst")` or `Invalid("plaatsen")`.
pub async fn set_waiting_list(
    state: &AppState,
    me: &Me,
    offer: Uuid,
    waiting: &str,
    places: Option<&str>,
) -> Result<Saved<()>> {
    allow(me, MANAGE)?;
    manages(state, me, db::offer_organisation(&state.db, offer).await?).await?;
    let Ok(people) = waiting.trim().parse::<i32>() else {
        return Ok(Saved::Invalid("wachtlijst"));
    };
    let places = match places.map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(text) => match text.parse::<i32>() {
            Ok(n @ 0..=100_000) => Some(Some(n)),
            _ => return Ok(Saved::Invalid("plaatsen")),
        },
    };
    if db::set_waiting_list(&state.db, offer, people)
        .await
        .is_err()
    {
        return Ok(Saved::Invalid("wachtlijst"));
    }
    if let Some(places) = places {
        db::set_capacity(&state.db, offer, places).await?;
    }
    db::audit(
        &state.db,
        Some(me.id),
        "waiting_list",
        "service",
        &offer.to_string(),
        &people.to_string(),
    )
    .await?;
    Ok(Saved::Done(()))
}

/// Publishes the need a waiting list proposes (people to help clear it); returns the need.
pub async fn publish_waiting_list_need(state: &AppState, me: &Me, offer: Uuid) -> Result<Uuid> {
    allow(me, MANAGE)?;
    manages(state, me, db::offer_organisation(&state.db, offer).await?).await?;
    let need = db::publish_waiting_list_need(&state.db, offer).await?;
    db::audit(
        &state.db,
        Some(me.id),
        "need_published",
        "need",
        &need.to_string(),
        &offer.to_string(),
    )
    .await?;
    Ok(need)
}

/// Mails the providers of organisations not checked for five months and not reminded since;
/// returns how many organisations were reminded. Safe on every node every hour: each reminder
/// is claimed by one.
pub async fn send_reminders(state: &AppState) -> Result<usize> {
    let due = db::claim_due_reminders(&state.db).await?;
    for (organisation, name) in &due {
        let managers = db::organisation_manager_emails(&state.db, *organisation).await?;
        notifications::listing_reminder(Lang::Nl, name).send_all(state, &managers);
    }
    Ok(due.len())
}
