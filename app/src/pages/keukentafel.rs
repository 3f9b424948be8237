//! The keukentafel: a strength-based profile in plain words, and the three lanes it gives.
//! The whole profile lives in the URL (a GET form), so nothing is stored and the page can be
//! printed or shared with the person.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::match_lanes;
use crate::components::{Lane, ProposalCard};
use crate::i18n::{fill, use_lang, use_texts, weekdays};
use crate::manage::LEEFGEBIEDEN;
use crate::profile::{LanesView, ProfileInput};

/// Talent codes of the chips.
pub(crate) const TALENTS: [&str; 20] = [
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
pub(crate) const GROUPS: [&str; 6] = [
    "ouders",
    "ouderen",
    "jongeren",
    "nieuwkomers",
    "mantelzorgers",
    "werkzoekenden",
];
const DISTANCES: [u32; 5] = [1, 3, 5, 10, 25];

/// The profile from the URL (`?nodig=zorg&talent=koken&graag=koken&leeftijd=70&waar=3511...`).
fn profile_from_query(q: &leptos_router::params::ParamsMap) -> ProfileInput {
    let all = |k: &str| q.get_all(k).unwrap_or_default();
    let one = |k: &str| q.get(k).unwrap_or_default();
    ProfileInput {
        needs: all("nodig"),
        talents: all("talent"),
        talent_words: one("woorden"),
        interests: all("graag"),
        groups: all("groep"),
        age: one("leeftijd").trim().parse().ok(),
        postcode: one("waar"),
        max_km: one("km").trim().parse().ok(),
        days: all("dag").iter().filter_map(|d| d.parse().ok()).collect(),
        languages: crate::profile::language_codes(&one("talen")),
        free_only: one("gratis") == "ja",
        without_referral: one("zonder-indicatie") == "ja",
        keeps_benefit: one("uitkering") == "ja",
        mobility: all("vervoer"),
        avoid_own_wijk: one("eigen-buurt") == "ja",
        network: one("netwerk")
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .take(10)
            .collect(),
        // One person at the keukentafel; a household is the traject's (and the API's).
        household: Vec::new(),
    }
}

/// A fieldset of checkboxes for one URL parameter.
#[component]
fn Chips(
    legend: &'static str,
    param: &'static str,
    options: Vec<(String, String)>,
    chosen: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="talents chips-field">
            <legend>{legend}</legend>
            <ul>
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        let id = format!("{param}-{value}");
                        let v = value.clone();
                        let checked = Signal::derive(move || chosen.get().contains(&v));
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() name=param value=value
                                    checked=checked prop:checked=checked/>
                                <label for=id>{label}</label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// `/keukentafel`.
#[component]
pub fn KeukentafelPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let query = use_query_map();
    let input = move || profile_from_query(&query.read());
    let all =
        move |k: &'static str| Signal::derive(move || query.read().get_all(k).unwrap_or_default());
    let one = move |k: &'static str| move || query.read().get(k).unwrap_or_default();
    let lanes = Resource::new(input, |input| async move {
        if input.is_empty() {
            return Ok(None);
        }
        match_lanes(input).await.map(Some)
    });
    let labelled = |codes: &[&str], label: &dyn Fn(&str) -> Option<&'static str>| {
        codes
            .iter()
            .map(|c| (c.to_string(), label(c).unwrap_or(c).to_string()))
            .collect::<Vec<_>>()
    };
    let need_options = labelled(&LEEFGEBIEDEN, &|c| t.leefgebied(c));
    let talent_options = labelled(&TALENTS, &|c| t.talent(c));
    let group_options = labelled(&GROUPS, &|c| t.group(c));
    let day_options: Vec<(String, String)> = weekdays(lang)
        .iter()
        .enumerate()
        .map(|(i, d)| ((i + 1).to_string(), d.to_string()))
        .collect();
    let flag = move |k: &'static str| move || query.read().get(k).is_some_and(|v| v == "ja");
    let has = move |k: &'static str, v: &'static str| {
        move || {
            query
                .read()
                .get_all(k)
                .is_some_and(|all| all.iter().any(|x| x == v))
        }
    };
    view! {
        <Title text=t.nav_keukentafel/>
        <section class="search-hero keukentafel">
            <h1>{t.kt_title}</h1>
            <p class="lead">{t.kt_lead}</p>
            // `data-live`: with JavaScript every change re-runs the match at once (pagina.js).
            <form method="get" action="/keukentafel" data-live="">
                <Chips legend=t.kt_needs param="nodig" options=need_options chosen=all("nodig")/>
                <Chips legend=t.kt_talents param="talent" options=talent_options.clone() chosen=all("talent")/>
                <Chips legend=t.kt_interests param="graag" options=talent_options chosen=all("graag")/>
                <Chips legend=t.kt_groups param="groep" options=group_options chosen=all("groep")/>
                <div class="search-fields">
                    <div class="field field-small">
                        <label for="waar">{t.place_label}</label>
                        <input id="waar" name="waar" type="text" autocomplete="postal-code"
                            value=one("waar") prop:value=one("waar")/>
                    </div>
                    <div class="field field-small">
                        <label for="leeftijd">{t.kt_age}</label>
                        <input id="leeftijd" name="leeftijd" type="number" min="0" max="120" inputmode="numeric"
                            value=one("leeftijd") prop:value=one("leeftijd")/>
                    </div>
                    <div class="field field-small">
                        <label for="km">{t.kt_km}</label>
                        <select id="km" name="km">
                            {DISTANCES
                                .iter()
                                .map(|km| {
                                    let value = km.to_string();
                                    let v = value.clone();
                                    let selected = move || {
                                        let chosen = query.read().get("km").unwrap_or_else(|| "5".into());
                                        chosen == v
                                    };
                                    view! { <option value=value selected=selected>{fill(t.km_option, &[&km.to_string()])}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <Chips legend=t.kt_days param="dag" options=day_options chosen=all("dag")/>
                <fieldset class="talents chips-field">
                    <legend>{t.kt_conditions}</legend>
                    <ul>
                        <li><input type="checkbox" id="gratis" name="gratis" value="ja" checked=flag("gratis") prop:checked=flag("gratis")/>
                            <label for="gratis">{t.kt_free}</label></li>
                        <li><input type="checkbox" id="zonder-indicatie" name="zonder-indicatie" value="ja"
                            checked=flag("zonder-indicatie") prop:checked=flag("zonder-indicatie")/>
                            <label for="zonder-indicatie">{t.kt_no_referral}</label></li>
                        <li><input type="checkbox" id="uitkering" name="uitkering" value="ja" checked=flag("uitkering") prop:checked=flag("uitkering")/>
                            <label for="uitkering">{t.kt_keeps_benefit}</label></li>
                    </ul>
                </fieldset>
                <fieldset class="talents chips-field">
                    <legend>{t.kt_getting_there}</legend>
                    <ul>
                        <li><input type="checkbox" id="vervoer-rolstoel" name="vervoer" value="rolstoel"
                            checked=has("vervoer", "rolstoel") prop:checked=has("vervoer", "rolstoel")/>
                            <label for="vervoer-rolstoel">{t.kt_wheelchair}</label></li>
                        <li><input type="checkbox" id="vervoer-geen-fiets" name="vervoer" value="geen-fiets"
                            checked=has("vervoer", "geen-fiets") prop:checked=has("vervoer", "geen-fiets")/>
                            <label for="vervoer-geen-fiets">{t.kt_no_bike}</label></li>
                        <li><input type="checkbox" id="eigen-buurt" name="eigen-buurt" value="ja" checked=flag("eigen-buurt") prop:checked=flag("eigen-buurt")/>
                            <label for="eigen-buurt">{t.kt_not_own_wijk}</label></li>
                    </ul>
                </fieldset>
                <div class="field">
                    <label for="talen">{t.kt_languages}</label>
                    <input id="talen" name="talen" type="text" maxlength="60"
                        value=one("talen") prop:value=one("talen")/>
                </div>
                <div class="field">
                    <label for="netwerk">{t.kt_network}</label>
                    <input id="netwerk" name="netwerk" type="text" maxlength="500"
                        value=one("netwerk") prop:value=one("netwerk")/>
                </div>
                <button type="submit" class="button-primary">{t.kt_show}</button>
            </form>
        </section>
        <Suspense fallback=move || view! { <p class="loading">{t.searching}</p> }>
            {move || Suspend::new(async move {
                match lanes.await {
                    Ok(Some(lanes)) => view! { <Lanes lanes/> }.into_any(),
                    Ok(None) => view! { <p class="lane-empty">{t.kt_empty}</p> }.into_any(),
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
fn Lanes(lanes: LanesView) -> impl IntoView {
    let t = use_texts();
    if let Some(problem) = lanes.problem {
        set_status(400);
        return view! { <p class="problem" role="alert" id="profiel-probleem">{problem}</p> }
            .into_any();
    }
    view! {
        <div class="lanes" aria-live="polite">
            {(!lanes.own_strengths.is_empty()).then(|| view! {
                <section class="lane lane-eigen" aria-labelledby="eigen-titel">
                    <h2 id="eigen-titel">{t.kt_step_own}</h2>
                    <ul class="chips">
                        {lanes.own_strengths.iter().map(|s| view! { <li class="chip">{s.clone()}</li> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!lanes.money_first.is_empty()).then(|| view! {
                <Lane id="geld-eerst" title=t.kt_money_first lead=t.kt_money_first_lead items=lanes.money_first/>
            })}
            <Lane id="meedoen" title=t.kt_lane_meedoen lead=t.kt_lane_meedoen_lead items=lanes.meedoen/>
            <Lane id="bijdragen" title=t.kt_lane_bijdragen lead=t.kt_lane_bijdragen_lead items=lanes.bijdragen/>
            <section class="lane lane-samen" aria-labelledby="samen-titel">
                <h2 id="samen-titel">{t.kt_lane_samen}</h2>
                <p class="lane-lead">{t.kt_lane_samen_lead}</p>
                {if lanes.samen.is_empty() {
                    view! { <p class="lane-empty">{t.kt_none}</p> }.into_any()
                } else {
                    lanes.samen.into_iter().map(|p| view! { <ProposalCard p/> }).collect_view().into_any()
                }}
            </section>
        </div>
    }
    .into_any()
}
