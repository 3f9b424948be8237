//! The provider's dashboard (`/beheer`) and what providers change in one click: the status of a
//! sign-up, "alles klopt nog", the waiting list and the need it proposes; and the reminders to
//! check a listing.

use chrono::Utc;
use uuid::Uuid;

use super::{allow, audit, manages, notifications, Saved, MANAGE};
use crate::auth::{Me, Role};
use crate::i18n::Lang;
use crate::manage::{
    DashboardView, LocationLine, NeedLine, OfferLine, OrgView, SignupView, SIGNUP_STATUSES,
};
use crate::{db, AppState, Error, Result};

/// Everything `me` manages: per organisation its freshness, offers with waiting lists,
/// places and needs; sign-ups (opened, for providers only: they are personal data meant for the
/// organisation) and incoming referrals.
pub async fn dashboard(state: &AppState, me: &Me) -> Result<DashboardView> {
    allow(me, MANAGE)?;
    let db = &state.db;
    let today = Utc::now().date_naive();
    let mut organisations = Vec::new();
    let mut signups = Vec::new();
    for (id, name, verified, review) in db::managed_organisations(db, me.role, me.id).await? {
        let fresh = db::freshness(verified, today);
        let locations = db::locations_of(db, id)
            .await?
            .into_iter()
            .map(|(l, _)| LocationLine {
                id: l.id,
                label: db::location_label(&l),
                area: super::places::area(&l.postal_code)
                    .map(|a| a.label)
                    .unwrap_or_default(),
            })
            .collect();
        let needs = db::needs_of(db, id)
            .await?
            .into_iter()
            .map(|(id, title, open)| NeedLine { id, title, open })
            .collect();
        let offers = db::stock_of(db, id)
            .await?
            .into_iter()
            .map(|o| OfferLine {
                id: o.id,
                name: o.name,
                waiting_list: o.waiting_list,
                capacity: o.capacity,
                has_open_need: o.has_open_need,
            })
            .collect();
        organisations.push(OrgView {
            id,
            name,
            last_verified: verified.map(|d| d.format("%Y-%m-%d").to_string()),
            overdue: fresh != db::Freshness::Fresh,
            hidden: fresh == db::Freshness::Hidden,
            pending: review == "pending",
            offers,
            locations,
            needs,
        });
        if me.role == Role::Provider {
            let open = |sealed: &str| state.sealer.open_stored(sealed);
            signups.extend(
                db::signups_of(db, id)
                    .await?
                    .into_iter()
                    .map(|r| SignupView {
                        id: r.id,
                        offer: r.offer,
                        name: open(&r.name_sealed),
                        contact: open(&r.contact_sealed),
                        message: open(&r.message_sealed),
                        status: r.status,
                        created: r.created_at.format("%Y-%m-%d").to_string(),
                    }),
            );
        }
    }
    let referrals = if matches!(me.role, Role::Provider | Role::Coordinator) {
        super::referrals::incoming(state, me).await?
    } else {
        Vec::new()
    };
    let helpers = super::helping::inbox(state, me).await?;
    let reachable = super::helping::reachable(state, me).await?;
    Ok(DashboardView {
        me: me.clone(),
        organisations,
        signups,
        referrals,
        helpers,
        reachable,
    })
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
    if !SIGNUP_STATUSES.contains(&status.trim()) {
        return Err(Error::Invalid(
            "Kies nieuw, contact gehad, gestart of geen plek.".into(),
        ));
    }
    manages(state, me, db::signup_organisation(&state.db, signup).await?).await?;
    db::set_signup_status(&state.db, signup, status.trim()).await?;
    audit(
        state,
        me,
        "signup_status",
        "signup_request",
        signup,
        status.trim(),
    )
    .await
}

/// "Alles klopt nog" for an organisation: its listing counts as checked today.
pub async fn confirm_still_correct(state: &AppState, me: &Me, organisation: Uuid) -> Result<()> {
    allow(me, MANAGE)?;
    manages(state, me, organisation).await?;
    db::confirm_still_correct(&state.db, organisation).await?;
    audit(
        state,
        me,
        "confirmed",
        "organization",
        organisation,
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
    audit(
        state,
        me,
        "waiting_list",
        "service",
        offer,
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
    audit(
        state,
        me,
        "need_published",
        "need",
        need,
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
