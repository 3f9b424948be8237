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
