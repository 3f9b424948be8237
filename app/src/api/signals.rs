//! `/beheer/signalen`: the gemeente's anonymous signals per wijk and quarter.

use leptos::prelude::*;

use crate::signals::SignalsView;

crate::guard!(Signals, crate::service::signals::READ);
/// The signals of the coordinator's gemeente (an admin passes `gemeente`) in quarter
/// `periode` ("2026-K4"; empty: the current one); `None` when not logged in.
#[server]
pub async fn signals(
    periode: String,
    gemeente: String,
) -> Result<Option<SignalsView>, ServerFnError> {
    ssr::signals(periode, gemeente)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::Ctx;
    use crate::signals::SignalsView;
    use crate::Result;

    pub async fn signals(periode: String, gemeente: String) -> Result<Option<SignalsView>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::Signals>().await? else {
            return Ok(None);
        };
        let today = chrono::Utc::now().date_naive();
        let gemeente = Some(gemeente.trim()).filter(|g| !g.is_empty());
        let view = crate::service::signals::dashboard(&cx.state, &cx.me, gemeente, &periode, today)
            .await?;
        Ok(Some(view))
    }
}

crate::guard!(AskedNearby, crate::auth::Access::Public);
/// "Gevraagd in jouw wijk" around a postcode or place; a place we cannot find comes back as
/// a problem in words.
#[server]
pub async fn asked_nearby(waar: String) -> Result<crate::signals::AskedOutcome, ServerFnError> {
    ssr_asked::asked(waar)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr_asked {
    use crate::signals::AskedOutcome;
    use crate::{AppState, Result};

    pub async fn asked(waar: String) -> Result<AskedOutcome> {
        if waar.trim().is_empty() {
            return Ok(AskedOutcome::default());
        }
        let state = AppState::from_context()?;
        let today = chrono::Utc::now().date_naive();
        match crate::service::signals::asked_nearby(&state, &waar, today).await {
            Ok(view) => Ok(AskedOutcome {
                view: Some(view),
                problem: None,
            }),
            Err(e) if !e.is_internal() => Ok(AskedOutcome {
                view: None,
                problem: Some(e.user_message()),
            }),
            Err(e) => Err(e),
        }
    }
}
