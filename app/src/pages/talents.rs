//! "Ik kan iets": pick what you like or are good at, see who nearby needs exactly that.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::find_roles;
use crate::model::{RoleSuggestion, RolesOutcome};

/// Talent codes and what people read (kept in step with `data/taxonomy.json`).
const TALENTS: [(&str, &str); 20] = [
    ("koken", "Koken"),
    ("voetbal", "Voetbal"),
    ("sport", "Sport en spel"),
    ("muziek", "Muziek"),
    ("taal", "Taal en lezen"),
    ("computer", "Computer en telefoon"),
    ("klussen", "Klussen"),
    ("tuinieren", "Tuinieren"),
    ("luisteren", "Luisteren en gezelschap"),
    ("administratie", "Administratie en geldzaken"),
    ("rijden", "Autorijden"),
    ("creatief", "Creatief"),
    ("organiseren", "Organiseren"),
    ("kinderen", "Met kinderen werken"),
    ("talen", "Andere talen spreken"),
    ("naaien", "Naaien en repareren"),
    ("fietsen", "Fietsen en fietsles"),
    ("dieren", "Dieren"),
    ("schoonmaken", "Schoonmaken"),
    ("fotografie", "Foto en video"),
];

/// `/ik-kan-iets?talent=voetbal&talent=koken&waar=3454`.
#[component]
pub fn TalentsPage() -> impl IntoView {
    let query = use_query_map();
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
        <Title text="Ik kan iets"/>
        <section class="search-hero">
            <h1>"Ik kan iets"</h1>
            <p class="lead">"Wat doe je graag of waar ben je goed in? Kijk wie in de buurt jou goed kan gebruiken."</p>
            <Form method="get" action="/ik-kan-iets">
                <fieldset class="talents">
                    <legend>"Kies wat bij je past"</legend>
                    <ul>
                        {TALENTS
                            .iter()
                            .map(|(code, label)| {
                                let id = format!("talent-{code}");
                                let checked = move || chosen().iter().any(|c| c == code);
                                view! {
                                    <li>
                                        <input type="checkbox" id=id.clone() name="talent" value=*code checked=checked prop:checked=checked/>
                                        <label for=id>{*label}</label>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </fieldset>
                <div class="field field-small">
                    <label for="waar">"Postcode of plaats"</label>
                    <input id="waar" name="waar" type="text" autocomplete="postal-code" value=waar prop:value=waar/>
                </div>
                <button type="submit" class="button-primary">"Laat zien"</button>
            </Form>
        </section>
        <Suspense fallback=|| view! { <p class="loading">"Even zoeken..."</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(Some(outcome)) => view! { <Roles outcome/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(_) => {
                        set_status(500);
                        view! { <p class="problem" role="alert">"Er ging iets mis. Probeer het later nog eens."</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Roles(outcome: RolesOutcome) -> impl IntoView {
    if let Some(problem) = outcome.problem {
        set_status(400);
        return view! { <p class="problem" role="alert">{problem}</p> }.into_any();
    }
    let heading = match outcome.roles.len() {
        0 => "We vonden nu niemand die dit zoekt. Kijk later nog eens, of kies iets anders."
            .to_string(),
        1 => "1 plek waar ze jou goed kunnen gebruiken".to_string(),
        n => format!("{n} plekken waar ze jou goed kunnen gebruiken"),
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
    view! {
        <li class="offer-card role">
            <h3>{role.title.clone()}</h3>
            <p class="org">{role.organisation.clone()}</p>
            <p class="summary">{role.description.clone()}</p>
            <p class="why">{role.reasons.clone()}</p>
            {role.offer.map(|id| view! { <p><A href=format!("/aanbod/{id}")>"Bekijk het aanbod"</A></p> })}
        </li>
    }
}
