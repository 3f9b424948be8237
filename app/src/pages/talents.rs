//! "Ik kan iets": pick or type what you like or are good at, see who nearby needs exactly that
//! (the *bijdragen* and *samen* lanes of the matching engine), and, if you want, let
//! organisations know anonymously that someone here can do it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::keukentafel::TALENTS;
use super::set_status;
use crate::api::{match_lanes, LeaveTalentEntry};
use crate::components::{ProposalCard, SuggestionCard};
use crate::i18n::use_texts;
use crate::profile::{LanesView, ProfileInput};

/// How far "ik kan iets" looks (km): helping is worth a longer trip than a weekly activity.
const RADIUS_KM: f64 = 15.0;

/// `/ik-kan-iets?talent=voetbal&talent=koken&woorden=...&waar=3454`.
#[component]
pub fn TalentsPage() -> impl IntoView {
    let query = use_query_map();
    let t = use_texts();
    let chosen = move || query.read().get_all("talent").unwrap_or_default();
    let woorden = move || query.read().get("woorden").unwrap_or_default();
    let waar = move || query.read().get("waar").unwrap_or_default();
    let saved = move || query.read().get("bewaard").is_some_and(|v| v == "ja");
    let reachable = move || query.read().get("benaderen").is_some_and(|v| v == "ja");
    let entry_problem = move || query.read().get("fout");
    let revoked = move || query.read().get("ingetrokken");
    let results = Resource::new(
        move || (chosen(), woorden(), waar()),
        |(talents, talent_words, postcode)| async move {
            let input = ProfileInput {
                talents,
                talent_words,
                postcode,
                max_km: Some(RADIUS_KM),
                ..Default::default()
            };
            if input.is_empty() {
                return Ok(None);
            }
            match_lanes(input).await.map(Some)
        },
    );
    view! {
        <Title text=t.talents_title/>
        <section class="search-hero">
            {move || revoked().map(|r| view! {
                <p class="notice" role="status" id="ingetrokken">
                    {if r == "ja" { t.te_revoked } else { t.te_revoked_unknown }}
                </p>
            })}
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
                <div class="field">
                    <label for="woorden">{t.talents_words}</label>
                    <input id="woorden" name="woorden" type="text" maxlength="300" value=woorden prop:value=woorden/>
                </div>
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
                    Ok(Some(lanes)) => view! {
                        <Roles lanes/>
                        <LeaveEntry talents=chosen() woorden=woorden() waar=waar() saved=saved() reachable=reachable() problem=entry_problem()/>
                    }.into_any(),
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
fn Roles(lanes: LanesView) -> impl IntoView {
    let t = use_texts();
    if let Some(problem) = lanes.problem {
        set_status(400);
        return view! { <p class="problem" role="alert">{problem}</p> }.into_any();
    }
    let title = match lanes.bijdragen.len() {
        0 => t.talents_none.to_string(),
        1 => t.talents_one.to_string(),
        n => crate::i18n::fill(t.talents_many, &[&n.to_string()]),
    };
    view! {
        <section class="results lane lane-bijdragen" aria-labelledby="rollen-titel">
            <h2 id="rollen-titel" aria-live="polite">{title}</h2>
            <p class="lane-lead">{t.kt_lane_bijdragen_lead}</p>
            <ol class="offer-list">
                {lanes.bijdragen.into_iter().map(|s| view! { <SuggestionCard s/> }).collect_view()}
            </ol>
        </section>
        {(!lanes.samen.is_empty()).then(|| view! {
            <section class="lane lane-samen" aria-labelledby="samen-titel">
                <h2 id="samen-titel">{t.kt_lane_samen}</h2>
                <p class="lane-lead">{t.kt_lane_samen_lead}</p>
                {lanes.samen.into_iter().map(|p| view! { <ProposalCard p/> }).collect_view()}
            </section>
        })}
    }
    .into_any()
}

/// The consent form for an anonymous entry. Only shown with results, never required.
#[component]
fn LeaveEntry(
    talents: Vec<String>,
    woorden: String,
    waar: String,
    saved: bool,
    reachable: bool,
    problem: Option<String>,
) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<LeaveTalentEntry>::new();
    if saved {
        return view! {
            <p class="notice" role="status" id="talent-bewaard">
                {t.te_saved} {reachable.then_some(t.te_reach_saved)}
            </p>
        }
        .into_any();
    }
    let contact_problem = problem.as_deref() == Some("talent-contact");
    let problem = problem.filter(|p| p != "talent-contact");
    view! {
        <section class="talent-entry" aria-labelledby="laat-weten-titel">
            <h2 id="laat-weten-titel">{t.te_title}</h2>
            <p>{t.te_text}</p>
            {problem.map(|_| view! { <p class="problem" role="alert">{t.te_problem}</p> })}
            {contact_problem.then(|| view! { <p class="problem" role="alert" id="benaderen-probleem">{t.te_contact_problem}</p> })}
            <ActionForm action>
                <input type="hidden" name="talenten" value=talents.join(",")/>
                <input type="hidden" name="woorden" value=woorden/>
                <input type="hidden" name="waar" value=waar/>
                <div class="field field-small">
                    <label for="leeftijd">{t.te_age}</label>
                    <input id="leeftijd" name="leeftijd" type="number" min="10" max="110" inputmode="numeric"/>
                </div>
                <fieldset class="reach">
                    <legend>{t.te_reach_legend}</legend>
                    <div class="field field-check">
                        <input id="benaderen" name="benaderen" type="checkbox" value="ja"/>
                        <label for="benaderen">{t.te_reach}</label>
                    </div>
                    <p class="privacy">{t.te_reach_note}</p>
                    <div class="field">
                        <label for="te-naam">{t.te_name}</label>
                        <input id="te-naam" name="naam" type="text" maxlength="60" autocomplete="given-name"/>
                    </div>
                    <div class="field">
                        <label for="te-email">{t.te_email}</label>
                        <input id="te-email" name="email" type="email" maxlength="200" autocomplete="email"
                            aria-invalid=contact_problem.to_string()
                            aria-describedby=contact_problem.then_some("benaderen-probleem")/>
                    </div>
                </fieldset>
                <button type="submit" class="button-primary" id="laat-weten">{t.te_send}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
