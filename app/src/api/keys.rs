//! `/beheer/sleutels`: personal API tokens (made, shown once, revoked).

use leptos::prelude::*;

use crate::manage::ApiKeysView;

crate::guard!(ApiKeys, crate::service::tokens::KEYS);
/// The user's tokens, and the one just made (`nieuw`, its id) once; `None` when not logged in.
#[server]
pub async fn api_keys(nieuw: String) -> Result<Option<ApiKeysView>, ServerFnError> {
    ssr::api_keys(nieuw)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(CreateApiKey, crate::service::tokens::KEYS);
/// Makes a token and goes to the page that shows it once; a bad name goes back with
/// `?fout=naam` (or `te-veel`).
#[server]
pub async fn create_api_key(csrf: String, naam: String) -> Result<(), ServerFnError> {
    ssr::create_api_key(csrf, naam)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(RevokeApiKey, crate::service::tokens::KEYS);
/// Revokes one of the user's own tokens; it opens nothing from now on.
#[server]
pub async fn revoke_api_key(csrf: String, sleutel: String) -> Result<(), ServerFnError> {
    ssr::revoke_api_key(csrf, sleutel)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::manage::ApiKeysView;
    use crate::service::{parse_id, tokens, Saved};
    use crate::Result;

    pub async fn api_keys(nieuw: String) -> Result<Option<ApiKeysView>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::ApiKeys>().await? else {
            return Ok(None);
        };
        let fresh = parse_id(&nieuw).ok();
        let lang = crate::i18n::Lang::detect();
        Ok(Some(tokens::list(&cx.state, &cx.me, fresh, lang).await?))
    }

    pub async fn create_api_key(csrf: String, naam: String) -> Result<()> {
        let cx = Ctx::writing::<super::CreateApiKey>(&csrf).await?;
        match tokens::create(&cx.state, &cx.me, &naam).await? {
            Saved::Done(id) => leptos_axum::redirect(&format!("/beheer/sleutels?nieuw={id}")),
            Saved::Invalid(why) => leptos_axum::redirect(&format!("/beheer/sleutels?fout={why}")),
        }
        Ok(())
    }

    pub async fn revoke_api_key(csrf: String, sleutel: String) -> Result<()> {
        let cx = Ctx::writing::<super::RevokeApiKey>(&csrf).await?;
        tokens::revoke(&cx.state, &cx.me, parse_id(&sleutel)?).await?;
        redirect_refreshed("/beheer/sleutels", "ingetrokken=ja");
        Ok(())
    }
}
