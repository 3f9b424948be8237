//! Home and search: one box, a place, example searches, results.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::search_offers;
use crate::components::{LocateMe, OfferCard};
use crate::model::SearchOutcome;

const EXAMPLES: [(&str, &str); 5] = [
    ("iets voor mijn kind", "kinderen"),
    ("samen eten", "samen eten"),
    ("hulp bij geldzaken", "geldzaken"),
    ("vrijwilligerswerk", "vrijwilligerswerk"),
    ("Nederlands oefenen", "taalcafe"),
];

/// The search page. The URL holds the whole search (`?q=..&waar=..&pagina=..`).
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let waar = move || query.read().get("waar").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("pagina")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1u32)
    };
    let waar_input = NodeRef::<leptos::html::Input>::new();
    let results = Resource::new(
        move || (q(), waar(), page()),
        |(q, waar, page)| async move {
            if q.trim().is_empty() && waar.trim().is_empty() {
                return Ok(None);
            }
            search_offers(q, waar, page.max(1)).await.map(Some)
        },
    );
    view! {
        <Title text=""/>
        <section class="search-hero" aria-labelledby="zoek-titel">
            <h1 id="zoek-titel">"Wat zoek je?"</h1>
            <p class="lead">"Activiteiten, hulp en vrijwilligerswerk bij jou in de buurt."</p>
            <Form method="get" action="/">
                <div class="search-fields">
                    <div class="field">
                        <label for="q">"Waar heb je zin in of wat zoek je?"</label>
                        <input id="q" name="q" type="search" autocomplete="off"
                            placeholder="bijvoorbeeld: voetbal, taalcafé, hulp bij post"
                            value=q prop:value=q/>
                    </div>
                    <div class="field field-small">
                        <label for="waar">"Postcode of plaats"</label>
                        <input id="waar" name="waar" type="text" autocomplete="postal-code"
                            placeholder="3511 of De Meern" value=waar prop:value=waar node_ref=waar_input/>
                    </div>
                    <button type="submit" class="button-primary">"Zoeken"</button>
                </div>
                <LocateMe target=waar_input/>
            </Form>
            <nav aria-label="Voorbeelden" class="examples">
                <span>"Bijvoorbeeld: "</span>
                <ul class="chips">
                    {EXAMPLES
                        .iter()
                        .map(|(label, search)| {
                            let href = format!("/?q={}", search.replace(' ', "+"));
                            // A plain link: the router still handles it after hydration, and
                            // it does not get aria-current like a route link would.
                            view! { <li><a href=href class="chip">{*label}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </section>
        <Suspense fallback=|| view! { <p class="loading">"Even zoeken..."</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(Some(outcome)) => view! { <Results outcome/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => {
                        set_status(500);
                        view! { <p class="problem" role="alert">{server_message(&e)}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn server_message(e: &ServerFnError) -> String {
    match e {
        ServerFnError::ServerError(message) => message.clone(),
        _ => "Er ging iets mis. Probeer het later nog eens.".into(),
    }
}

#[component]
fn Results(outcome: SearchOutcome) -> impl IntoView {
    if let Some(problem) = outcome.problem {
        set_status(400);
        return view! { <p class="problem" role="alert" id="zoek-probleem">{problem}</p> }
            .into_any();
    }
    let heading = match (outcome.total, &outcome.near) {
        (0, _) => "We vonden niets dat past.".to_string(),
        (1, Some(near)) => format!("1 resultaat in de buurt van {near}"),
        (n, Some(near)) => format!("{n} resultaten in de buurt van {near}"),
        (1, None) => "1 resultaat".to_string(),
        (n, None) => format!("{n} resultaten"),
    };
    let empty = outcome.total == 0;
    view! {
        <section class="results" aria-labelledby="resultaten-titel">
            <h2 id="resultaten-titel" aria-live="polite">{heading}</h2>
            {empty.then(|| view! {
                <p>"Probeer andere woorden, of zoek zonder postcode om in de hele stad te kijken."</p>
            })}
            <ol class="offer-list">
                {outcome.items.into_iter().map(|offer| view! { <OfferCard offer/> }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}
