//! `/gevraagd`: "gevraagd in jouw wijk" for initiatiefnemers: what people nearby look for and
//! do not find, and which talents wait for a role, so a club or buurthuis can start
//! something. Only what came up 5 times or more, in bands; a GET form, so it works without
//! JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::asked_nearby;
use crate::i18n::{fill, use_texts};
use crate::signals::{Asked, AskedView};
use crate::web::encode;

/// The page.
#[component]
pub fn AskedPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let place = move || query.read().get("waar").unwrap_or_default();
    let data = Resource::new(place, asked_nearby);
    view! {
        <Title text=t.ak_title/>
        <article class="prose asked">
            <h1>{t.ak_title}</h1>
            <p class="lead">{t.ak_lead}</p>
            <form method="get" action="/gevraagd" class="period-form" role="search">
                <label for="waar">{t.ak_where}</label>
                <input id="waar" name="waar" type="text" autocomplete="postal-code" maxlength="100"
                    value=place/>
                <button type="submit" class="button-primary">{t.ak_show}</button>
            </form>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(outcome) => match (outcome.view, outcome.problem) {
                            (Some(view), _) => view! { <Found view/> }.into_any(),
                            (None, Some(problem)) => {
                                super::set_status(400);
                                view! { <p class="problem" role="alert" id="probleem">{problem}</p> }.into_any()
                            }
                            (None, None) => ().into_any(),
                        },
                        Err(_) => {
                            super::set_status(500);
                            view! { <p class="problem" role="alert">{t.problem_generic}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn Found(view: AskedView) -> impl IntoView {
    let t = use_texts();
    let wijk = view.wijk_code.clone();
    view! {
        <h2 id="gevraagd-wijk">{fill(t.ak_heading, &[&view.wijk])}</h2>
        <p>{fill(t.ak_period, &[&view.period])}</p>
        <List id="onderwerpen" title=t.ak_topics items=view.topics wijk=wijk.clone() talents=false/>
        <List id="gezocht" title=t.ak_searched items=view.searched wijk=wijk.clone() talents=false/>
        <List id="talenten" title=t.ak_talents items=view.talents wijk=wijk talents=true/>
        <p><A href="/beheer">{t.ak_start}</A></p>
    }
}

#[component]
fn List(
    id: &'static str,
    title: &'static str,
    items: Vec<Asked>,
    wijk: String,
    talents: bool,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby=format!("{id}-titel")>
            <h3 id=format!("{id}-titel")>{title}</h3>
            {if items.is_empty() {
                view! { <p>{t.ak_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="spread-list" id=id>
                        {items.into_iter().map(|a| {
                            let href = if a.leefgebied.is_empty() {
                                format!("/?wijk={}", encode(&wijk))
                            } else {
                                format!("/?wijk={}&leefgebied={}", encode(&wijk), encode(&a.leefgebied))
                            };
                            view! {
                                <li>
                                    <strong>{a.label}</strong> ": " {fill(t.ak_times, &[&a.band])}
                                    " · " <A href=href>{t.ak_offers}</A>
                                    {talents.then(|| view! { " · " <A href="/beheer/vraag/nieuw">{t.ak_role}</A> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
