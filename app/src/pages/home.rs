//! Home and search: one box, a place, example searches, results.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::{encode, set_status};
use crate::api::{search_offers, SearchQuery, DISTANCES_KM};
use crate::components::{IslandBundle, LocateMe, Map, Marker, OfferCard};
use crate::i18n::{fill, use_lang, use_texts, Texts};
use crate::model::{FacetCount, OfferSummary, SearchOutcome};

/// Browse by leefgebied: code and a friendly icon (the words are in [`crate::i18n`]).
const LEEFGEBIEDEN: [(&str, &str); 10] = [
    ("meedoen", "☕"),
    ("geldzaken", "💶"),
    ("werk", "🧰"),
    ("leren", "📚"),
    ("gezondheid", "🍎"),
    ("bewegen", "⚽"),
    ("opgroeien", "🧸"),
    ("wonen", "🏠"),
    ("zorg", "🤝"),
    ("veiligheid", "🛡"),
];

/// Results per page (the server uses the same number).
const PAGE_SIZE: usize = 20;

/// Example searches: what the chip says, what it searches for (the index speaks Dutch).
fn examples(t: &Texts) -> [(&'static str, &'static str); 5] {
    [
        (t.example_child, "kinderen"),
        (t.example_meal, "samen eten"),
        (t.example_money, "geldzaken"),
        (t.example_volunteer, "vrijwilligerswerk"),
        (t.example_dutch, "taalcafe"),
    ]
}

/// The search box with suggestions as you type: an island, so the only part of the page that
/// hydrates (the box works as a plain field without JavaScript).
#[island]
fn QueryField(value: String, placeholder: String) -> impl IntoView {
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
    view! {
        <input id="q" name="q" type="search" autocomplete="off" list="suggesties"
            placeholder=placeholder value=value on:input=on_typed/>
        <datalist id="suggesties">
            <For each=move || suggestions.get() key=|s| s.clone() let:name>
                <option value=name></option>
            </For>
        </datalist>
    }
}

/// The search page. The URL holds the whole search (`?q=..&waar=..&pagina=..`).
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
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
            gelijkvloers: get("gelijkvloers"),
            voor: get("voor"),
            taal: get("taal"),
            wijk: get("wijk"),
            gebied: get("gebied"),
            afstand: get("afstand"),
            volgorde: get("volgorde"),
            pagina: get("pagina").parse().unwrap_or(1).max(1),
        }
    };
    let q = move || query().q;
    let waar = move || query().waar;
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
        <IslandBundle/>
        // After a search a phone shows the results, not the introduction (see main.css).
        <section class="search-hero" class:compact=move || !query().is_empty() aria-labelledby="zoek-titel">
            <h1 id="zoek-titel">{t.search_title}</h1>
            <p class="lead">{t.search_lead}</p>
            <Form method="get" action="/">
                <div class="search-fields">
                    <div class="field">
                        <label for="q">{t.search_label}</label>
                        <QueryField value=q() placeholder=t.search_placeholder.to_string()/>
                    </div>
                    <div class="field field-small">
                        <label for="waar">{t.place_label}</label>
                        <input id="waar" name="waar" type="text" autocomplete="postal-code"
                            placeholder=t.place_placeholder value=waar/>
                    </div>
                    <button type="submit" class="button-primary">{t.search_button}</button>
                </div>
                <LocateMe target="waar".to_string()/>
            </Form>
            <nav aria-label=t.examples_label class="examples">
                <span>{t.examples_intro}</span>
                <ul class="chips">
                    {examples(t)
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
                <h2 id="leefgebied-titel">{t.browse_title}</h2>
                <ul>
                    {LEEFGEBIEDEN
                        .iter()
                        .map(|(code, icon)| view! {
                            <li><a href=format!("/?leefgebied={code}")>
                                <span class="icon" aria-hidden="true">{*icon}</span>{t.leefgebied(code)}
                            </a></li>
                        })
                        .collect_view()}
                </ul>
            </nav>
        </Show>
        // Filter, order and page links end in #resultaten: without JavaScript the browser and
        // with it the router scroll here, so a tap never sends a phone back to the top. The
        // anchor sits outside the Suspense so it exists while new results load.
        <div id="resultaten">
        <Suspense fallback=move || view! { <p class="loading">{t.searching}</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(Some((query, outcome))) => view! { <Results query outcome/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => {
                        set_status(500);
                        view! { <p class="problem" role="alert">{server_message(&e, t)}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
        </div>
    }
}

fn server_message(e: &ServerFnError, t: &Texts) -> String {
    match e {
        ServerFnError::ServerError(message) => message.clone(),
        _ => t.problem_generic.into(),
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
        ("gelijkvloers", q.gelijkvloers.clone()),
        ("voor", q.voor.clone()),
        ("taal", q.taal.clone()),
        ("wijk", q.wijk.clone()),
        ("gebied", q.gebied.clone()),
        ("afstand", q.afstand.clone()),
        ("volgorde", q.volgorde.clone()),
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
    format!("/?{}#resultaten", encoded.join("&"))
}

/// The distance chosen on the page (km), when it is one offered and not the default.
fn chosen_km(q: &SearchQuery) -> Option<u32> {
    q.afstand
        .trim()
        .parse()
        .ok()
        .filter(|km| DISTANCES_KM.contains(km) && *km != DEFAULT_KM)
}

/// The distance around a place when the person chose none (the service's default too).
const DEFAULT_KM: u32 = 10;

/// The filters that are on, as (parameter, value) pairs in the order of the filter list.
fn active_filters(q: &SearchQuery) -> Vec<(&'static str, String)> {
    [
        (
            "afstand",
            &chosen_km(q).map(|km| km.to_string()).unwrap_or_default(),
        ),
        ("gratis", &q.gratis),
        ("gelijkvloers", &q.gelijkvloers),
        ("soort", &q.soort),
        ("leefgebied", &q.leefgebied),
        ("voor", &q.voor),
        ("dag", &q.dag),
        ("wijk", &q.wijk),
        ("taal", &q.taal),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(p, v)| (p, v.trim().to_string()))
    .collect()
}

/// The filters that are on as chips that each take one off; one more takes all off.
#[component]
fn ActiveFilters(query: SearchQuery, facets: Vec<FacetCount>) -> impl IntoView {
    let t = use_texts();
    let on = active_filters(&query);
    if on.is_empty() {
        return ().into_any();
    }
    let clear: Vec<(&str, Option<String>)> = on
        .iter()
        .map(|(p, _)| (*p, None))
        .chain([("pagina", None)])
        .collect();
    let clear_href = search_href(&query, &clear);
    let chips = on
        .iter()
        .map(|(param, value)| {
            // The facet's own label when it is listed; a value from a typed URL shows as is.
            let label = match *param {
                "afstand" => fill(t.within_km, &[value]),
                _ => facets
                    .iter()
                    .find(|f| f.param == *param && f.value == *value)
                    .map(|f| f.label.clone())
                    .unwrap_or_else(|| value.clone()),
            };
            let href = search_href(&query, &[(param, None), ("pagina", None)]);
            let aria = fill(t.remove_filter, &[&label]);
            view! {
                <li><a href=href class="chip chip-on" aria-label=aria>
                    {label}<span aria-hidden="true">" ✕"</span>
                </a></li>
            }
        })
        .collect_view();
    view! {
        <div class="active-filters">
            <h3 class="visually-hidden">{t.chosen_filters}</h3>
            <ul class="chips">
                {chips}
                <li><a href=clear_href class="clear-filters">{t.clear_filters}</a></li>
            </ul>
        </div>
    }
    .into_any()
}

/// Best match or nearest first; only with a place.
#[component]
fn Order(query: SearchQuery) -> impl IntoView {
    let t = use_texts();
    let nearest = query.volgorde == "afstand";
    let orders = [("", t.order_best, !nearest), ("afstand", t.order_near, nearest)]
        .into_iter()
        .map(|(value, label, on)| {
            let href = search_href(
                &query,
                &[("volgorde", (!value.is_empty()).then(|| value.into())), ("pagina", None)],
            );
            view! { <li><a href=href class="chip" class:chip-on=on aria-current=on.then_some("true")>{label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="order" aria-label=t.order_label>
            <ul class="chips">{orders}</ul>
        </nav>
    }
}

/// How far around the place, as the first group of the filters.
#[component]
fn Distances(query: SearchQuery) -> impl IntoView {
    let t = use_texts();
    let chosen = chosen_km(&query).unwrap_or(DEFAULT_KM);
    let items = DISTANCES_KM
        .into_iter()
        .map(|km| {
            let on = km == chosen;
            // The default keeps the URL short.
            let value = (km != DEFAULT_KM).then(|| km.to_string());
            let href = search_href(&query, &[("afstand", value), ("pagina", None)]);
            view! {
                <li><a href=href class:facet-on=on aria-current=on.then_some("true")>
                    {on.then_some("✓ ")}{fill(t.distance_km, &[&km.to_string()])}
                </a></li>
            }
        })
        .collect_view();
    view! { <div class="facet"><h3>{t.distance_label}</h3><ul>{items}</ul></div> }
}

/// The same activity at several places (one name, many buurthuizen) shows once, at its best
/// place, with the others folded under it; the page keeps the engine's order otherwise.
fn group_same_name(items: Vec<OfferSummary>) -> Vec<(OfferSummary, Vec<OfferSummary>)> {
    let key = |o: &OfferSummary| o.name.trim().to_lowercase();
    let mut groups: Vec<(OfferSummary, Vec<OfferSummary>)> = Vec::new();
    for item in items {
        match groups
            .iter_mut()
            .find(|(first, _)| key(first) == key(&item))
        {
            Some((_, others)) => others.push(item),
            None => groups.push((item, Vec::new())),
        }
    }
    groups
}

#[component]
fn Facets(
    query: SearchQuery,
    facets: Vec<FacetCount>,
    near: bool,
    estimated: bool,
) -> impl IntoView {
    let t = use_texts();
    let groups = [
        ("gratis", t.facet_cost),
        ("gelijkvloers", t.facet_access),
        ("soort", t.facet_kind),
        ("leefgebied", t.facet_topic),
        ("voor", t.facet_for_whom),
        ("dag", t.facet_day),
        ("wijk", t.facet_wijk),
        ("taal", t.facet_language),
    ];
    let selected = |param: &str| match param {
        "gratis" => query.gratis.clone(),
        "gelijkvloers" => query.gelijkvloers.clone(),
        "soort" => query.soort.clone(),
        "leefgebied" => query.leefgebied.clone(),
        "dag" => query.dag.clone(),
        "voor" => query.voor.clone(),
        "taal" => query.taal.clone(),
        "wijk" => query.wijk.clone(),
        _ => String::new(),
    };
    let active = active_filters(&query).len();
    let summary = if active == 0 {
        t.facets_label.to_string()
    } else {
        fill(t.filters_count, &[&active.to_string()])
    };
    view! {
        // Folded on a phone so the results come first; always open on a wide screen (main.css),
        // and pagina.js opens the element there too, so what it says matches what is shown.
        <details class="filters" data-open-wide="768">
        <summary>{summary}</summary>
        <nav class="facets" aria-label=t.facets_label>
            {near.then(|| view! { <Distances query=query.clone()/> })}
            {estimated.then(|| view! { <p class="facets-note">{t.facets_estimated}</p> })}
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
                            let label = if estimated {
                                fill(t.facet_about, &[&f.label, &about(f.count as usize, t.thousands_separator)])
                            } else {
                                format!("{} ({})", f.label, f.count)
                            };
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
        </details>
    }
}

/// An estimated count to two significant digits (12,345 → 12,000; 987 → 990): the digits
/// after those are not known, so they are not shown.
fn round_estimate(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

#[component]
fn Results(query: SearchQuery, outcome: SearchOutcome) -> impl IntoView {
    let t = use_texts();
    if let Some(problem) = outcome.problem {
        set_status(400);
        return view! { <p class="problem" role="alert" id="zoek-probleem">{problem}</p> }
            .into_any();
    }
    let in_area = !query.gebied.is_empty();
    let n = if outcome.total_estimated {
        fill(
            t.results_about,
            &[&about(outcome.total, t.thousands_separator)],
        )
    } else {
        outcome.total.to_string()
    };
    let heading = match (outcome.total, &outcome.near) {
        (0, _) => t.results_none.to_string(),
        (1, _) if in_area => t.results_one_area.to_string(),
        (_, _) if in_area => fill(t.results_many_area, &[&n]),
        (1, Some(near)) => fill(t.results_one_near, &[near]),
        (_, Some(near)) => fill(t.results_many_near, &[&n, near]),
        (1, None) => t.results_one.to_string(),
        (_, None) => fill(t.results_many, &[&n]),
    };
    let empty = outcome.total == 0;
    let near = outcome.near.is_some() && !in_area;
    let help = outcome.nearest_help;
    let page = query.pagina.max(1);
    let pages = outcome.total.div_ceil(PAGE_SIZE).max(1) as u32;
    let previous =
        (page > 1).then(|| search_href(&query, &[("pagina", Some((page - 1).to_string()))]));
    let next =
        (page < pages).then(|| search_href(&query, &[("pagina", Some((page + 1).to_string()))]));
    view! {
        <section class="results" aria-labelledby="resultaten-titel">
            <h2 id="resultaten-titel" aria-live="polite">{heading}</h2>
            // Say what the question was read as, so a person can see why these came first and
            // rephrase when we got it wrong.
            {(!outcome.understood.is_empty()).then(|| view! {
                <p class="understood" id="begrepen">{format!("{} {}", t.understood_lead, outcome.understood.join(", "))}</p>
            })}
            {empty.then(|| {
                let wider = (!query.waar.is_empty()).then(|| search_href(&query, &[("waar", None), ("pagina", None)]));
                view! {
                    <div class="empty">
                        <p>{t.empty_hint}</p>
                        {wider.map(|href| view! { <p><a href=href>{t.empty_wider}</a></p> })}
                        {help.map(|offer| view! {
                            <p>{t.empty_help}</p>
                            <ol class="offer-list"><OfferCard offer/></ol>
                        })}
                    </div>
                }
            })}
            <div class="results-layout">
                <Facets query=query.clone() facets=outcome.facets.clone() near estimated=outcome.facets_estimated/>
                <div>
                    <ActiveFilters query=query.clone() facets=outcome.facets/>
                    <div class="order-row">
                        {near.then(|| view! { <Order query=query.clone()/> })}
                        // On phones the list comes first; the map is one tap away (pagina.js
                        // toggles it and swaps the button's words).
                        <button type="button" class="kaart-toggle" aria-controls="resultaten-kaart"
                            aria-expanded="false" data-hide=t.map_hide data-show=t.map_show>
                            {t.map_show}
                        </button>
                    </div>
                    <Map label=t.map_results_label markers=Marker::of_offers(&outcome.items, use_lang())/>
                    <ol class="offer-list">
                        {group_same_name(outcome.items)
                            .into_iter()
                            .map(|(offer, also)| view! { <OfferCard offer also/> })
                            .collect_view()}
                    </ol>
                    {(pages > 1).then(|| view! {
                        <nav class="pager" aria-label=t.pager_label>
                            {previous.map(|href| view! { <a href=href rel="prev">{t.pager_previous}</a> })}
                            <span>{fill(t.pager_position, &[&page.to_string(), &pages.to_string()])}</span>
                            {next.map(|href| view! { <a href=href rel="next">{t.pager_next}</a> })}
                        </nav>
                    })}
                </div>
            </div>
        </section>
    }
    .into_any()
}

/// An estimated count as people say it: two significant digits, thousands separated
/// ("ongeveer 99.000", not "ongeveer 98559", which would claim a precision it does not have).
fn about(n: usize, separator: &str) -> String {
    let digits = round_estimate(n as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{about, round_estimate};

    #[test]
    fn an_estimated_total_is_rounded_to_two_digits_with_thousands_separated() {
        assert_eq!(about(98_559, "."), "99.000");
        assert_eq!(about(2_049, "."), "2.000");
        assert_eq!(about(1_250_000, ","), "1,300,000");
        assert_eq!(about(87, "."), "87");
    }

    #[test]
    fn an_estimated_count_shows_only_its_two_significant_digits() {
        assert_eq!(round_estimate(7), 7);
        assert_eq!(round_estimate(99), 99);
        assert_eq!(round_estimate(987), 990);
        assert_eq!(round_estimate(12_345), 12_000);
        assert_eq!(round_estimate(61_886), 62_000);
    }
}
