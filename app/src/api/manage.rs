//! Server functions of `/beheer`: the dashboard and what providers change in one click.

use leptos::prelude::*;

use crate::manage::DashboardView;

crate::guard!(Dashboard, crate::service::MANAGE);
/// The dashboard; `None` when not logged in.
#[server]
pub async fn dashboard() -> Result<Option<DashboardView>, ServerFnError> {
    ssr::dashboard()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SetSignupStatus, crate::service::MANAGE);
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

crate::guard!(ConfirmStillCorrect, crate::service::MANAGE);
/// "Alles klopt nog" for an organisation.
#[server]
pub async fn confirm_still_correct(csrf: String, organisatie: String) -> Result<(), ServerFnError> {
    ssr::confirm_still_correct(csrf, organisatie)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SetWaitingList, crate::service::MANAGE);
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

crate::guard!(PublishWaitingListNeed, crate::service::MANAGE);
/// Publishes the need a waiting list proposes.
#[server]
pub async fn publish_waiting_list_need(csrf: String, aanbod: String) -> Result<(), ServerFnError> {
    ssr::publish_waiting_list_need(csrf, aanbod)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::manage::DashboardView;
    use crate::service::{manage, parse_id as id, Saved};
    use crate::Result;

    pub async fn dashboard() -> Result<Option<DashboardView>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::Dashboard>().await? else {
            return Ok(None);
        };
        Ok(Some(manage::dashboard(&cx.state, &cx.me).await?))
    }

    pub async fn set_signup_status(csrf: String, aanmelding: String, status: String) -> Result<()> {
        let cx = Ctx::writing::<super::SetSignupStatus>(&csrf).await?;
        manage::set_signup_status(&cx.state, &cx.me, id(&aanmelding)?, &status).await?;
        redirect_refreshed("/beheer", "");
        Ok(())
    }

    pub async fn confirm_still_correct(csrf: String, organisatie: String) -> Result<()> {
        let cx = Ctx::writing::<super::ConfirmStillCorrect>(&csrf).await?;
        manage::confirm_still_correct(&cx.state, &cx.me, id(&organisatie)?).await?;
        redirect_refreshed("/beheer", "");
        Ok(())
    }

    pub async fn set_waiting_list(
        csrf: String,
        aanbod: String,
        wachtlijst: String,
        plaatsen: Option<String>,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::SetWaitingList>(&csrf).await?;
        let offer = id(&aanbod)?;
        let saved =
            manage::set_waiting_list(&cx.state, &cx.me, offer, &wachtlijst, plaatsen.as_deref());
        match saved.await? {
            Saved::Done(()) => redirect_refreshed("/beheer", ""),
            Saved::Invalid(field) => {
                leptos_axum::redirect(&format!("/beheer?fout={field}&aanbod={offer}"))
            }
        }
        Ok(())
    }

    pub async fn publish_waiting_list_need(csrf: String, aanbod: String) -> Result<()> {
        let cx = Ctx::writing::<super::PublishWaitingListNeed>(&csrf).await?;
        manage::publish_waiting_list_need(&cx.state, &cx.me, id(&aanbod)?).await?;
        redirect_refreshed("/beheer", "gepubliceerd=ja");
        Ok(())
    }
}
