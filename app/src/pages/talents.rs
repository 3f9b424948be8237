//! "Ik kan iets": pick what you like or are good at, see who nearby needs exactly that.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::find_roles;
use crate::i18n::{fill, use_texts};
use crate::model::{RoleSuggestion, RolesOutcome};

/// Talent codes (kept in step with `data/taxonomy.json`); the words are in [`crate::i18n`].
const TALENTS: [&str; 20] = [
    "koken",
    "voetbal",
    "sport",
    "muziek",
    "taal",
    "computer",
    "klussen",
    "tuinieren",
    "luisteren",
    "administratie",
    "rijden",
    "creatief",
    "organiseren",
    "kinderen",
    "talen",
    "naaien",
    "fietsen",
    "dieren",
    "schoonmaken",
    "fotografie",
];

/// `/ik-kan-iets?talent=voetbal&talent=koken&waar=3454`.
#[component]
pub fn TalentsPage() -> impl IntoView {
    let query = use_query_map();
    let t = use_texts();
    let chosen = move || query.read().get_all("talent").unwrap_or_default();
    let waar = move || query.read().get("waar").unwrap_or_default();
    let results = Resource::new(
        move || (chosen(), waar()),
        |(talents, waar)| async move {
            if talents.is_empty() {
                return Ok(None);
            }
            find_roles(talents, waar).await.map(Some)
        },
    );
    view! {
        <Title text=t.talents_title/>
        <section class="search-hero">
            <h1>{t.talents_title}</h1>
            <p class="lead">{t.talents_lead}</p>
            <Form method="get" action="/ik-kan-iets">
                <fieldset class="talents">
                    <legend>{t.talents_pick}</legend>
                    <ul>
                        {TALENTS
                            .iter()
                            .map(|code| {
                                let id = format!("talent-{code}");
                                let checked = move || chosen().iter().any(|c| c == code);
                                view! {
                                    <li>
                                        <input type="checkbox" id=id.clone() name="talent" value=*code checked=checked prop:checked=checked/>
                                        <label for=id>{t.talent(code)}</label>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </fieldset>
                <div class="field field-small">
                    <label for="waar">{t.place_label}</label>
                    <input id="waar" name="waar" type="text" autocomplete="postal-code" value=waar prop:value=waar/>
                </div>
                <button type="submit" class="button-primary">{t.talents_show}</button>
            </Form>
        </section>
        <Suspense fallback=move || view! { <p class="loading">{t.searching}</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(Some(outcome)) => view! { <Roles outcome/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(_) => {
                        set_status(500);
                        view! { <p class="problem" role="alert">{t.problem_generic}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Roles(outcome: RolesOutcome) -> impl IntoView {
    let t = use_texts();
    if let Some(problem) = outcome.problem {
        set_status(400);
        return view! { <p class="problem" role="alert">{problem}</p> }.into_any();
    }
    let heading = match outcome.roles.len() {
        0 => t.talents_none.to_string(),
        1 => t.talents_one.to_string(),
        n => fill(t.talents_many, &[&n.to_string()]),
    };
    view! {
        <section class="results" aria-labelledby="rollen-titel">
            <h2 id="rollen-titel" aria-live="polite">{heading}</h2>
            <ol class="offer-list">
                {outcome.roles.into_iter().map(|role| view! { <Role role/> }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

#[component]
fn Role(role: RoleSuggestion) -> impl IntoView {
    let t = use_texts();
    view! {
        <li class="offer-card role">
            <h3>{role.title.clone()}</h3>
            <p class="org">{role.organisation.clone()}</p>
            <p class="summary">{role.description.clone()}</p>
            <p class="why">{role.reasons.clone()}</p>
            {role.offer.map(|id| view! { <p><A href=format!("/aanbod/{id}")>{t.talents_see_offer}</A></p> })}
        </li>
    }
}
