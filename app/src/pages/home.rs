//! Home and search: one box, a place, example searches, results.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::{search_offers, SearchQuery};
use crate::components::{LocateMe, Map, Marker, OfferCard};
use crate::model::{FacetCount, SearchOutcome};

/// Browse by leefgebied: code, a friendly icon, the words people read.
const LEEFGEBIEDEN: [(&str, &str, &str); 10] = [
    ("meedoen", "☕", "Meedoen en contact"),
    ("geldzaken", "💶", "Geld en papieren"),
    ("werk", "🧰", "Werk en dagbesteding"),
    ("leren", "📚", "Taal en leren"),
    ("gezondheid", "🍎", "Gezondheid"),
    ("bewegen", "⚽", "Sport en bewegen"),
    ("opgroeien", "🧸", "Opgroeien en opvoeden"),
    ("wonen", "🏠", "Wonen en buurt"),
    ("zorg", "🤝", "Zorg en mantelzorg"),
    ("veiligheid", "🛡", "Veilig thuis"),
];

/// Results per page (the server uses the same number).
const PAGE_SIZE: usize = 20;

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
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        let get = |k: &str| p.get(k).unwrap_or_default();
        SearchQuery {
            q: get("q"),
            waar: get("waar"),
            soort: get("soort"),
            leefgebied: get("leefgebied"),
            dag: get("dag"),
            gratis: get("gratis"),
            gebied: get("gebied"),
            pagina: get("pagina").parse().unwrap_or(1).max(1),
        }
    };
    let q = move || query().q;
    let waar = move || query().waar;
    let waar_input = NodeRef::<leptos::html::Input>::new();
    // Suggestions as you type; only after hydration (the box works without them).
    let suggestions = RwSignal::new(Vec::<String>::new());
    let typed_generation = StoredValue::new(0u64);
    let on_typed = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        typed_generation.update_value(|g| *g += 1);
        let generation = typed_generation.get_value();
        leptos::task::spawn_local(async move {
            let found = crate::api::suggest(typed).await.unwrap_or_default();
            // A slower answer to an older keystroke must not replace a newer one.
            if typed_generation.get_value() == generation {
                suggestions.set(found);
            }
        });
    };
    let results = Resource::new(query, |query| async move {
        if query.is_empty() {
            return Ok(None);
        }
        search_offers(query.clone())
            .await
            .map(|outcome| Some((query, outcome)))
    });
    view! {
        <Title text=""/>
        <section class="search-hero" aria-labelledby="zoek-titel">
            <h1 id="zoek-titel">"Wat zoek je?"</h1>
            <p class="lead">"Activiteiten, hulp en vrijwilligerswerk bij jou in de buurt."</p>
            <Form method="get" action="/">
                <div class="search-fields">
                    <div class="field">
                        <label for="q">"Waar heb je zin in of wat zoek je?"</label>
                        <input id="q" name="q" type="search" autocomplete="off" list="suggesties"
                            placeholder="bijvoorbeeld: voetbal, taalcafé, hulp bij post"
                            value=q prop:value=q on:input=on_typed/>
                        <datalist id="suggesties">
                            <For each=move || suggestions.get() key=|s| s.clone() let:name>
                                <option value=name></option>
                            </For>
                        </datalist>
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
        <Show when=move || query().is_empty()>
            <nav class="leefgebieden" aria-labelledby="leefgebied-titel">
                <h2 id="leefgebied-titel">"Kijk per onderwerp"</h2>
                <ul>
                    {LEEFGEBIEDEN
                        .iter()
                        .map(|(code, icon, label)| view! {
                            <li><a href=format!("/?leefgebied={code}")>
                                <span class="icon" aria-hidden="true">{*icon}</span>{*label}
                            </a></li>
                        })
                        .collect_view()}
                </ul>
            </nav>
        </Show>
        <Suspense fallback=|| view! { <p class="loading">"Even zoeken..."</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(Some((query, outcome))) => view! { <Results query outcome/> }.into_any(),
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

/// The URL of a search; `None` values drop the parameter.
fn search_href(q: &SearchQuery, change: &[(&str, Option<String>)]) -> String {
    let mut pairs: Vec<(&str, String)> = vec![
        ("q", q.q.clone()),
        ("waar", q.waar.clone()),
        ("soort", q.soort.clone()),
        ("leefgebied", q.leefgebied.clone()),
        ("dag", q.dag.clone()),
        ("gratis", q.gratis.clone()),
        ("gebied", q.gebied.clone()),
    ];
    for (key, value) in change {
        pairs.retain(|(k, _)| k != key);
        if let Some(v) = value {
            pairs.push((key, v.clone()));
        }
    }
    let encoded: Vec<String> = pairs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect();
    format!("/?{}", encoded.join("&"))
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn Facets(query: SearchQuery, facets: Vec<FacetCount>) -> impl IntoView {
    let groups = [
        ("gratis", "Kosten"),
        ("soort", "Soort"),
        ("leefgebied", "Onderwerp"),
        ("dag", "Dag"),
    ];
    let selected = |param: &str| match param {
        "gratis" => query.gratis.clone(),
        "soort" => query.soort.clone(),
        "leefgebied" => query.leefgebied.clone(),
        "dag" => query.dag.clone(),
        _ => String::new(),
    };
    view! {
        <nav class="facets" aria-label="Filters">
            {groups
                .into_iter()
                .filter(|(param, _)| facets.iter().any(|f| f.param == *param))
                .map(|(param, title)| {
                    let current = selected(param);
                    let items = facets
                        .iter()
                        .filter(|f| f.param == param)
                        .map(|f| {
                            let on = current == f.value;
                            let href = search_href(&query, &[(param, (!on).then(|| f.value.clone())), ("pagina", None)]);
                            let label = format!("{} ({})", f.label, f.count);
                            view! {
                                <li><a href=href class:facet-on=on aria-current=on.then_some("true")>
                                    {on.then_some("✓ ")}{label}
                                </a></li>
                            }
                        })
                        .collect_view();
                    view! { <div class="facet"><h3>{title}</h3><ul>{items}</ul></div> }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn Results(query: SearchQuery, outcome: SearchOutcome) -> impl IntoView {
    if let Some(problem) = outcome.problem {
        set_status(400);
        return view! { <p class="problem" role="alert" id="zoek-probleem">{problem}</p> }
            .into_any();
    }
    let in_area = !query.gebied.is_empty();
    let heading = match (outcome.total, &outcome.near) {
        (0, _) => "We vonden niets dat past.".to_string(),
        (1, _) if in_area => "1 resultaat in dit deel van de kaart".to_string(),
        (n, _) if in_area => format!("{n} resultaten in dit deel van de kaart"),
        (1, Some(near)) => format!("1 resultaat in de buurt van {near}"),
        (n, Some(near)) => format!("{n} resultaten in de buurt van {near}"),
        (1, None) => "1 resultaat".to_string(),
        (n, None) => format!("{n} resultaten"),
    };
    let empty = outcome.total == 0;
    let help = outcome.nearest_help;
    let show_map = RwSignal::new(false);
    let page = query.pagina.max(1);
    let pages = outcome.total.div_ceil(PAGE_SIZE).max(1) as u32;
    let previous =
        (page > 1).then(|| search_href(&query, &[("pagina", Some((page - 1).to_string()))]));
    let next =
        (page < pages).then(|| search_href(&query, &[("pagina", Some((page + 1).to_string()))]));
    view! {
        <section class="results" class:met-kaart=move || show_map.get() aria-labelledby="resultaten-titel">
            <h2 id="resultaten-titel" aria-live="polite">{heading}</h2>
            {empty.then(|| {
                let wider = (!query.waar.is_empty()).then(|| search_href(&query, &[("waar", None), ("pagina", None)]));
                view! {
                    <div class="empty">
                        <p>"Probeer andere of minder woorden."</p>
                        {wider.map(|href| view! { <p><a href=href>"Zoek in de hele stad, niet alleen in de buurt"</a></p> })}
                        {help.map(|offer| view! {
                            <p>"Je kunt ook altijd binnenlopen bij het buurtteam. Zij denken met je mee."</p>
                            <ol class="offer-list"><OfferCard offer/></ol>
                        })}
                    </div>
                }
            })}
            <div class="results-layout">
                <Facets query=query.clone() facets=outcome.facets/>
                <div>
                    // On phones the list comes first; the map is one tap away.
                    <button type="button" class="kaart-toggle" aria-controls="resultaten-kaart"
                        aria-expanded=move || show_map.get().to_string()
                        on:click=move |_| show_map.update(|s| *s = !*s)>
                        {move || if show_map.get() { "Verberg de kaart" } else { "Toon de kaart" }}
                    </button>
                    <Map label="Kaart met de resultaten" markers=Marker::of_offers(&outcome.items)/>
                    <ol class="offer-list">
                        {outcome.items.into_iter().map(|offer| view! { <OfferCard offer/> }).collect_view()}
                    </ol>
                    {(pages > 1).then(|| view! {
                        <nav class="pager" aria-label="Pagina's">
                            {previous.map(|href| view! { <a href=href rel="prev">"Vorige"</a> })}
                            <span>{format!("Pagina {page} van {pages}")}</span>
                            {next.map(|href| view! { <a href=href rel="next">"Volgende"</a> })}
                        </nav>
                    })}
                </div>
            </div>
        </section>
    }
    .into_any()
}
