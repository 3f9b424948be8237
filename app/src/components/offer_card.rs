//! One offer in a result list.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{fill, use_lang};
use crate::model::{format_km, OfferSummary};

/// A result card: what, who, where, how far, free or not, when; `also` lists the same activity
/// at other places, folded.
#[component]
pub fn OfferCard(offer: OfferSummary, #[prop(optional)] also: Vec<OfferSummary>) -> impl IntoView {
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
            {(!also.is_empty()).then(|| view! { <AlsoAt also/> })}
        </li>
    }
}

/// The same activity elsewhere: where, who and how far, each a link to its own page.
#[component]
fn AlsoAt(also: Vec<OfferSummary>) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let summary = match also.len() {
        1 => t.also_at_one.to_string(),
        n => fill(t.also_at, &[&n.to_string()]),
    };
    let items = also
        .into_iter()
        .map(|o| {
            let href = o.href();
            let place = [o.organisation.clone(), o.address.clone()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let distance = o
                .distance_km
                .map(|d| format!(" · {}", fill(t.distance_away, &[&format_km(d, lang)])));
            view! { <li><A href=href>{place}</A>{distance}</li> }
        })
        .collect_view();
    view! {
        <details class="also-at">
            <summary>{summary}</summary>
            <ul>{items}</ul>
        </details>
    }
}
