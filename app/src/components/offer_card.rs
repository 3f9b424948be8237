//! One offer in a result list.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{fill, use_lang};
use crate::model::{format_km, OfferSummary};

/// A result card: what, who, where, how far, free or not, when.
#[component]
pub fn OfferCard(offer: OfferSummary) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let href = offer.href();
    let distance = offer
        .distance_km
        .map(|d| fill(t.distance_away, &[&format_km(d, lang)]));
    let place = [
        offer.address.clone(),
        offer.wijk.clone().unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <li class="offer-card">
            <h3><A href=href>{offer.name.clone()}</A></h3>
            <p class="org">{offer.organisation.clone()}</p>
            <p class="summary">{offer.summary.clone()}</p>
            <p class="meta">
                {offer.free.then(|| view! { <span class="badge badge-free">{t.free}</span> })}
                <span class="kind">{offer.kind_label.clone()}</span>
                {(!place.is_empty()).then(|| view! { <span class="place">{place}</span> })}
                {distance.map(|d| view! { <span class="distance">{d}</span> })}
            </p>
            {offer.next.clone().or(offer.when.clone()).map(|w| view! { <p class="when">{w}</p> })}
        </li>
    }
}
