//! Server functions of `/beheer`: the dashboard and what providers change in one click.

use leptos::prelude::*;

use crate::manage::DashboardView;

crate::guard!(Dashboard, crate::auth::Access::Roles(crate::auth::MANAGERS));
/// The dashboard; `None` when not logged in.
#[server]
pub async fn dashboard() -> Result<Option<DashboardView>, ServerFnError> {
    ssr::dashboard()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    SetSignupStatus,
    crate::auth::Access::Roles(crate::auth::MANAGERS)
);
/// Sets the status of a sign-up request.
#[server]
pub async fn set_signup_status(
    csrf: String,
    aanmelding: String,
    status: String,
) -> Result<(), ServerFnError> {
    ssr::set_signup_status(csrf, aanmelding, status)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    ConfirmStillCorrect,
    crate::auth::Access::Roles(crate::auth::MANAGERS)
);
/// "Alles klopt nog" for an organisation.
#[server]
pub async fn confirm_still_correct(csrf: String, organisatie: String) -> Result<(), ServerFnError> {
    ssr::confirm_still_correct(csrf, organisatie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    SetWaitingList,
    crate::auth::Access::Roles(crate::auth::MANAGERS)
);
/// Sets the waiting list of an offer, and its number of places when given (empty: unknown).
#[server]
pub async fn set_waiting_list(
    csrf: String,
    aanbod: String,
    wachtlijst: String,
    plaatsen: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::set_waiting_list(csrf, aanbod, wachtlijst, plaatsen)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    PublishWaitingListNeed,
    crate::auth::Access::Roles(crate::auth::MANAGERS)
);
/// Publishes the need a waiting list proposes.
#[server]
pub async fn publish_waiting_list_need(csrf: String, aanbod: String) -> Result<(), ServerFnError> {
    ssr::publish_waiting_list_need(csrf, aanbod)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use uuid::Uuid;

    use crate::api::parse_id as id;
    use crate::auth::{current_user, may_manage, Me};
    use crate::manage::DashboardView;
    use crate::{db, AppState, Error, Result};

    async fn allowed(me: &Me, organisation: Uuid) -> Result<()> {
        if may_manage(me, organisation).await? {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    pub async fn dashboard() -> Result<Option<DashboardView>> {
        let state = AppState::from_context()?;
        let Some(me) = current_user().await? else {
            return Ok(None);
        };
        let mut view = db::dashboard(&state.db, &me).await?;
        for signup in &mut view.signups {
            signup.name = state.sealer.open_stored(&signup.name);
            signup.contact = state.sealer.open_stored(&signup.contact);
            signup.message = state.sealer.open_stored(&signup.message);
        }
        if matches!(
            me.role,
            crate::auth::Role::Provider | crate::auth::Role::Coordinator
        ) {
            view.referrals = crate::api::referrals_for(&state, &me).await?;
        }
        Ok(Some(view))
    }

    pub async fn set_signup_status(csrf: String, aanmelding: String, status: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::SetSignupStatus>(&csrf).await?;
        let signup = id(&aanmelding)?;
        // Sign-ups are for the organisation itself: providers only, not the gemeente.
        if me.role != crate::auth::Role::Provider {
            return Err(Error::Forbidden);
        }
        allowed(&me, db::signup_organisation(&state.db, signup).await?).await?;
        db::set_signup_status(&state.db, signup, status.trim()).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "signup_status",
            "signup_request",
            &signup.to_string(),
            status.trim(),
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "");
        Ok(())
    }

    pub async fn confirm_still_correct(csrf: String, organisatie: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::ConfirmStillCorrect>(&csrf).await?;
        let organisation = id(&organisatie)?;
        allowed(&me, organisation).await?;
        db::confirm_still_correct(&state.db, organisation).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "confirmed",
            "organization",
            &organisation.to_string(),
            "alles klopt nog",
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "");
        Ok(())
    }

    pub async fn set_waiting_list(
        csrf: String,
        aanbod: String,
        wachtlijst: String,
        plaatsen: Option<String>,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::SetWaitingList>(&csrf).await?;
        let offer = id(&aanbod)?;
        allowed(&me, db::offer_organisation(&state.db, offer).await?).await?;
        let refuse = |field: &str| {
            leptos_axum::redirect(&format!("/beheer?fout={field}&aanbod={offer}"));
            Ok(())
        };
        let Ok(people) = wachtlijst.trim().parse::<i32>() else {
            return refuse("wachtlijst");
        };
        let places = match plaatsen.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(text) => match text.parse::<i32>() {
                Ok(n @ 0..=100_000) => Some(Some(n)),
                _ => return refuse("plaatsen"),
            },
        };
        if db::set_waiting_list(&state.db, offer, people)
            .await
            .is_err()
        {
            return refuse("wachtlijst");
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
        crate::api::redirect_refreshed("/beheer", "");
        Ok(())
    }

    pub async fn publish_waiting_list_need(csrf: String, aanbod: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::PublishWaitingListNeed>(&csrf).await?;
        let offer = id(&aanbod)?;
        allowed(&me, db::offer_organisation(&state.db, offer).await?).await?;
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
        crate::api::redirect_refreshed("/beheer", "gepubliceerd=ja");
        Ok(())
    }
}
