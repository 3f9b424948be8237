//! `get_offer`: everything about one offer.

use leptos::prelude::*;

use crate::model::OfferDetail;

crate::guard!(GetOffer, crate::auth::Access::Public);
/// The offer with this id; `Ok(None)` when it does not exist or is not public.
#[server]
pub async fn get_offer(id: String) -> Result<Option<OfferDetail>, ServerFnError> {
    use crate::{db, AppState, Error};

    let Ok(id) = id.parse::<uuid::Uuid>() else {
        return Ok(None);
    };
    let state = AppState::from_context().map_err(Error::into_server_fn_error)?;
    let lang = crate::i18n::Lang::detect();
    // Roles share the page (and the link on result cards) with offers.
    let detail = match db::offer_detail(&state.db, id, lang).await {
        Err(Error::NotFound) => db::role_detail(&state.db, id, lang).await,
        other => other,
    };
    match detail {
        Ok(detail) => Ok(Some(detail)),
        Err(Error::NotFound) => Ok(None),
        Err(e) => Err(e.into_server_fn_error()),
    }
}

crate::guard!(SimilarOffers, crate::auth::Access::Public);
/// Up to six other offers on the same leefgebied within 3 km of this one, nearest first.
#[server]
pub async fn similar_offers(id: String) -> Result<Vec<crate::model::OfferSummary>, ServerFnError> {
    use crate::{AppState, Error};

    let Ok(id) = id.parse::<uuid::Uuid>() else {
        return Ok(Vec::new());
    };
    let state = AppState::from_context().map_err(Error::into_server_fn_error)?;
    let docs = crate::db::index_documents(&state.db, Some(&[id]))
        .await
        .map_err(Error::into_server_fn_error)?;
    let Some(doc) = docs.into_iter().find(|d| d.lat.is_some()) else {
        return Ok(Vec::new());
    };
    let Some(at) = doc
        .lat
        .zip(doc.lon)
        .and_then(|(lat, lon)| index::LatLon::parse(lat, lon).ok())
    else {
        return Ok(Vec::new());
    };
    let request = index::SearchRequest {
        filters: index::Filters {
            leefgebieden: doc.leefgebieden,
            ..Default::default()
        },
        sort: index::Sort::Distance,
        limit: 7,
        ..index::SearchRequest::text("").near(at, 3.0)
    };
    let found = crate::search::run(&state, request, crate::i18n::Lang::detect())
        .await
        .map_err(Error::into_server_fn_error)?;
    Ok(found
        .items
        .into_iter()
        .filter(|o| o.id != id)
        .take(6)
        .collect())
}
