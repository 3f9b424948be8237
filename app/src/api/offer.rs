//! `get_offer`: everything about one offer.

use leptos::prelude::*;

use crate::model::OfferDetail;

/// The offer with this id; `Ok(None)` when it does not exist or is not public.
#[server]
pub async fn get_offer(id: String) -> Result<Option<OfferDetail>, ServerFnError> {
    use crate::{db, AppState, Error};

    let Ok(id) = id.parse::<uuid::Uuid>() else {
        return Ok(None);
    };
    let state = AppState::from_context().map_err(Error::into_server_fn_error)?;
    match db::offer_detail(&state.db, id).await {
        Ok(detail) => Ok(Some(detail)),
        Err(Error::NotFound) => Ok(None),
        Err(e) => Err(e.into_server_fn_error()),
    }
}
