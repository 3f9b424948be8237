//! `get_offer`, `get_role`, `get_place`: the public pages of offers, roles, organisations and
//! places.

use leptos::prelude::*;

use crate::model::{OfferDetail, PlacePage};

crate::guard!(GetOffer, crate::auth::Access::Public);
/// The offer (or role) with this id; `Ok(None)` when it does not exist or is not public.
#[server]
pub async fn get_offer(id: String) -> Result<Option<OfferDetail>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::offers::detail(&state, &id, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(GetRole, crate::auth::Access::Public);
/// The open volunteer role (or other open need) with this id, for `/vraag/{id}`; `Ok(None)` when
/// it does not exist, is no need or is not public.
#[server]
pub async fn get_role(id: String) -> Result<Option<OfferDetail>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::offers::role(&state, &id, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SimilarOffers, crate::auth::Access::Public);
/// Up to six other offers on the same leefgebied within 3 km of this one, nearest first.
#[server]
pub async fn similar_offers(id: String) -> Result<Vec<crate::model::OfferSummary>, ServerFnError> {
    let Ok(id) = id.parse::<uuid::Uuid>() else {
        return Ok(Vec::new());
    };
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::service::search::similar(&state, id, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(GetPlace, crate::auth::Access::Public);
/// The public page of an organisation (`soort` = "organisatie") or a location ("locatie");
/// `Ok(None)` when it does not exist or is not public.
#[server]
pub async fn get_place(soort: String, id: String) -> Result<Option<PlacePage>, ServerFnError> {
    use crate::service::programme::{page, Place};
    let Ok(id) = id.trim().parse::<uuid::Uuid>() else {
        return Ok(None);
    };
    let place = match soort.as_str() {
        "organisatie" => Place::Organisation(id),
        "locatie" => Place::Location(id),
        _ => return Ok(None),
    };
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    page(&state, place, crate::i18n::Lang::detect())
        .await
        .map_err(crate::Error::into_server_fn_error)
}
