//! `/wijkteam/traject/:id` (`nieuw` for a new one): the strength-based profile of one person or
//! household (pseudonymous), the plan in order, suggestions with reasons, and referrals.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{
    load_traject, AssignTraject, CloseTraject, DeleteTraject, PinSuggestion, SaveTraject,
    UnpinSuggestion,
};
use crate::auth::csrf_token;
use crate::components::FieldKit;
use crate::i18n::{use_texts, Texts};
use crate::manage::LEEFGEBIEDEN;
use crate::profile::SuggestionView;
use crate::referrals::{TrajectTeam, TrajectView, ASSIGN_FIELDS};

fn message(t: &Texts, field: &str) -> &'static str {
    match field {
        "naam" => t.tr_bad_naam,
        "leeftijd" => t.ed_bad_age,
        "waar" => t.tr_bad_waar,
        "netwerk" | "belangrijkst" => t.loc_bad_long,
        "stappen" => t.tr_bad_steps,
        "talen" => t.tr_bad_talen,
        "km" => t.tr_bad_km,
        _ => t.tr_bad_choice,
    }
}

const FIELDS: [&str; 18] = [
    "naam",
    "leeftijd",
    "waar",
    "vragen",
    "talenten",
    "graag",
    "groepen",
    "dagen",
    "talen",
    "km",
    "gratis",
    "zonder_indicatie",
    "uitkering",
    "vervoer",
    "eigen_buurt",
    "belangrijkst",
    "netwerk",
    "stappen",
];

/// Every leefgebied as (code, name) for a list of checkboxes.
pub(crate) fn topic_choices(t: &Texts) -> Vec<(String, String)> {
    LEEFGEBIEDEN
        .iter()
        .map(|c| (c.to_string(), t.leefgebied(c).unwrap_or(c).to_string()))
        .collect()
}

/// Every talent as (code, name) for a list of checkboxes.
pub(crate) fn talent_choices(t: &Texts) -> Vec<(String, String)> {
    super::keukentafel::TALENTS
        .iter()
        .map(|c| (c.to_string(), t.talent(c).unwrap_or(c).to_string()))
        .collect()
}

/// The traject page (professionals only: others get a 404, anonymous the login page).
#[component]
pub fn TrajectPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let loaded = Resource::new(
        move || (id(), query.read().get("bijgewerkt")),
        |(id, _)| load_traject(id),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(v)) => view! { <Traject v/> }.into_any(),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Traject(v: TrajectView) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveTraject>::new();
    let delete = ServerAction::<DeleteTraject>::new();
    let close = ServerAction::<CloseTraject>::new();
    let closed = v.closed;
    let is_new = v.id.is_nil();
    let id = v.id;
    let kit = FieldKit::from_query(&FIELDS, move |p| message(t, p));
    let topics = topic_choices(t);
    let talents = talent_choices(t);
    let interests = talent_choices(t);
    let groups = super::keukentafel::GROUPS
        .iter()
        .map(|c| (c.to_string(), t.group(c).unwrap_or(c).to_string()))
        .collect();
    let days = crate::i18n::weekdays(crate::i18n::use_lang())
        .iter()
        .enumerate()
        .map(|(i, d)| ((i + 1).to_string(), d.to_string()))
        .collect();
    let form = v.form.clone();
    let TrajectView {
        plan,
        lanes,
        referrals,
        coalitions,
        team,
        pinned,
        ..
    } = v;
    let (no_plan, no_referrals) = (plan.is_empty(), referrals.is_empty());
    let members = form.gezin.clone();
    // Who a step of the plan can be for: the person and everyone else in the household.
    let people: Vec<String> = std::iter::once(form.naam.trim().to_string())
        .filter(|n| !n.is_empty())
        .chain(members.iter().map(|m| m.name.clone()))
        .collect();
    let most_important = form.belangrijkst.trim().to_string();
    let title = if is_new {
        t.tr_new.to_string()
    } else {
        form.naam.clone()
    };
    let refer = move |s: &SuggestionView| {
        let key = s.key();
        (!key.is_empty()).then(|| format!("/wijkteam/traject/{id}/verwijs?naar={key}"))
    };
    let pin = ServerAction::<PinSuggestion>::new();
    let unpin = ServerAction::<UnpinSuggestion>::new();
    // The card of a suggestion; `reason`: it is pinned, with why (and a button to unpin).
    let card = move |s: SuggestionView, reason: Option<String>| {
        let link = refer(&s);
        let key = s.key();
        let field = format!("reden-{}", key.replace(':', "-"));
        let pinned = reason.is_some();
        view! {
            <li class="offer-card suggestion" class:pinned=pinned>
                <h4>{match (s.need_id, s.offer_id) {
                    (Some(need), _) => view! { <A href=format!("/vraag/{need}")>{s.title.clone()}</A> }.into_any(),
                    (None, Some(offer)) => view! { <A href=format!("/aanbod/{offer}")>{s.title.clone()}</A> }.into_any(),
                    _ => s.title.clone().into_any(),
                }}</h4>
                <p class="organisation">{s.organisation.clone()}</p>
                {reason.map(|r| view! { <p class="pin-reason"><strong>{t.tr_pinned_why}</strong> " " {r}</p> })}
                {(!s.explanation.is_empty()).then(|| view! { <p class="explanation">{s.explanation.clone()}</p> })}
                {link.map(|href| view! { <A href=href attr:class="button-link refer">{t.tr_refer}</A> })}
                {if pinned {
                    view! {
                        <ActionForm action=unpin attr:class="pin-form">
                            <input type="hidden" name="csrf" value=csrf_token()/>
                            <input type="hidden" name="traject" value=id.to_string()/>
                            <input type="hidden" name="doel" value=key.clone()/>
                            <button type="submit" class="button-link">{t.tr_unpin}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <details class="pin">
                            <summary>{t.tr_pin}</summary>
                            <ActionForm action=pin attr:class="pin-form">
                                <input type="hidden" name="csrf" value=csrf_token()/>
                                <input type="hidden" name="traject" value=id.to_string()/>
                                <input type="hidden" name="doel" value=key.clone()/>
                                <label for=field.clone()>{t.tr_pin_reason}</label>
                                <input id=field name="reden" type="text" required maxlength="200"/>
                                <button type="submit" class="button-secondary">{t.tr_pin_button}</button>
                            </ActionForm>
                        </details>
                    }.into_any()
                }}
            </li>
        }
    };
    let suggestion = move |s: SuggestionView| card(s, None);
    let pin_problem = move || match use_query_map().read().get("vast_fout").as_deref() {
        Some("reden") => Some(t.tr_pin_bad_reason),
        Some("te-veel") => Some(t.tr_pin_too_many),
        Some(_) => Some(t.tr_pin_gone),
        None => None,
    };
    view! {
        <Title text=title.clone()/>
        <article class="signup traject">
            <p class="breadcrumb"><A href="/wijkteam">{t.ws_title}</A></p>
            <h1>{title}</h1>
            <p>{t.tr_privacy}</p>
            {team.map(|team| view! { <TeamBlock id team/> })}
            {kit.summary(t.ed_bad)}
            {(!is_new).then(|| view! { <super::household::Household id members=members.clone()/> })}
            {(!is_new).then(move || view! {
                <section class="plan" aria-labelledby="plan-titel">
                    <h2 id="plan-titel">{t.tr_plan}</h2>
                    {no_plan.then(|| view! { <p>{t.tr_no_plan}</p> })}
                    <ol id="plan">{plan.iter().map(|p| view! { <li>{super::household::step_line(t, p)}</li> }).collect_view()}</ol>
                </section>
                <section class="referrals" aria-labelledby="verwijzingen-titel">
                    <h2 id="verwijzingen-titel">{t.tr_referrals}</h2>
                    {no_referrals.then(|| view! { <p>{t.tr_no_referrals}</p> })}
                    <ul>
                        {referrals.into_iter().map(|r| view! {
                            <li><A href=format!("/verwijzing/{}", r.id)>{r.target.clone()}</A> " · " {t.referral_status(r.status.code())} " · " {crate::i18n::date_words(&r.sent)}</li>
                        }).collect_view()}
                    </ul>
                    <p>
                        <A href=format!("/wijkteam/traject/{id}/uitdraai") attr:class="chip" attr:id="uitdraai">{t.tr_handout}</A>
                        " " <A href=format!("/wijkteam/traject/{id}/gegevens") attr:class="chip">{t.tr_export}</A>
                    </p>
                </section>
                <section class="suggestions" aria-labelledby="suggesties-titel">
                    <h2 id="suggesties-titel">{t.tr_suggestions}</h2>
                    {move || pin_problem().map(|p| view! { <p class="problem" role="alert" id="vastzetten-probleem">{p}</p> })}
                    {(!pinned.is_empty()).then(|| view! {
                        <h3 id="vastgezet">{t.tr_pinned_title}</h3>
                        <ul class="offer-list">{pinned.clone().into_iter().map(|p| card(p.suggestion, Some(p.reason))).collect_view()}</ul>
                    })}
                    {(!most_important.is_empty()).then(|| view! {
                        <p class="most-important" id="belangrijkst"><strong>{t.tr_most_important}</strong> " " {most_important.clone()}</p>
                    })}
                    {lanes.problem.clone().map(|p| view! { <p class="problem">{p}</p> })}
                    {(!lanes.own_strengths.is_empty()).then(|| view! {
                        <p>{t.kt_step_own}: {lanes.own_strengths.join(", ")}</p>
                    })}
                    {(!lanes.money_first.is_empty()).then(|| view! {
                        <h3 id="geld-eerst">{t.kt_money_first}</h3>
                        <p>{t.kt_money_first_lead}</p>
                        <ul class="offer-list">{lanes.money_first.clone().into_iter().map(suggestion).collect_view()}</ul>
                    })}
                    <h3>{t.kt_lane_meedoen}</h3>
                    <ul class="offer-list">{lanes.meedoen.clone().into_iter().take(8).map(suggestion).collect_view()}</ul>
                    <h3>{t.kt_lane_bijdragen}</h3>
                    <ul class="offer-list">{lanes.bijdragen.clone().into_iter().take(6).map(suggestion).collect_view()}</ul>
                    {(!lanes.together.is_empty()).then(|| view! {
                        <h3 id="samen-gezin">{t.tr_together}</h3>
                        <p>{t.tr_together_lead}</p>
                        <ul class="offer-list">{lanes.together.clone().into_iter().map(suggestion).collect_view()}</ul>
                    })}
                    {lanes.household.clone().into_iter().enumerate().map(|(i, m)| {
                        let who = super::household::member_label(t, &m.name, m.age);
                        let list: Vec<SuggestionView> = m.meedoen.into_iter().take(4)
                            .chain(m.bijdragen.into_iter().take(2)).collect();
                        let nothing = list.is_empty();
                        view! {
                            <h3 id=format!("voor-lid-{}", i + 1)>{crate::i18n::fill(t.tr_for_member, &[&who])}</h3>
                            {nothing.then(|| view! { <p>{t.results_none}</p> })}
                            <ul class="offer-list">{list.into_iter().map(suggestion).collect_view()}</ul>
                        }
                    }).collect_view()}
                    // No heading over an empty list.
                    {(!coalitions.is_empty()).then(|| view! {
                        <h3>{t.tr_coalitions}</h3>
                        <ul>
                            {coalitions.into_iter().map(|c| view! {
                                <li>{c.name.clone()} " · " {c.receiver.clone()} " "
                                    <A href=format!("/wijkteam/traject/{id}/verwijs?naar={}", c.key) attr:class="button-link refer">{t.tr_refer}</A>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                </section>
            })}
            <section aria-labelledby="profiel-titel">
                <h2 id="profiel-titel">{t.tr_profile}</h2>
                <ActionForm action=save>
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="form[traject]" value=form.traject.clone()/>
                    {kit.text("naam", t.tr_name, form.naam.clone(), "text")}
                    {kit.text("leeftijd", t.tr_age, form.leeftijd.clone(), "text")}
                    {kit.text("waar", t.tr_where, form.waar.clone(), "text")}
                    {kit.checks("vragen", t.tr_needs, topics, form.vragen.clone())}
                    {kit.checks("talenten", t.tr_talents, talents, form.talenten.clone())}
                    {kit.checks("graag", t.kt_interests, interests, form.graag.clone())}
                    {kit.checks("groepen", t.kt_groups, groups, form.groepen.clone())}
                    {kit.checks("dagen", t.kt_days, days, form.dagen.clone())}
                    {kit.text("talen", t.tr_languages, form.talen.clone(), "text")}
                    {kit.text("km", t.kt_km, form.km.clone(), "text")}
                    {kit.check("gratis", t.kt_free, form.gratis == "ja")}
                    {kit.check("zonder_indicatie", t.kt_no_referral, form.zonder_indicatie == "ja")}
                    {kit.check("uitkering", t.kt_keeps_benefit, form.uitkering == "ja")}
                    {kit.checks("vervoer", t.kt_getting_there, vec![
                        ("rolstoel".to_string(), t.kt_wheelchair.to_string()),
                        ("geen-fiets".to_string(), t.kt_no_bike.to_string()),
                    ], form.vervoer.clone())}
                    {kit.check("eigen_buurt", t.kt_not_own_wijk, form.eigen_buurt == "ja")}
                    {kit.area("belangrijkst", t.tr_most_important, form.belangrijkst.clone(), 2)}
                    {kit.area("netwerk", t.tr_network, form.netwerk.clone(), 2)}
                    {super::household::plan_fields(t, form.stappen.clone(), people.clone(), move || kit.problem() == Some("stappen"))}
                    <button type="submit" class="button-primary" id="traject-bewaren">{t.ed_save}</button>
                </ActionForm>
            </section>
            {(!is_new && !closed).then(|| view! { <super::knelpunten::ReportForm traject=id.to_string()/> })}
            {closed.then(|| view! { <p class="notice" id="afgesloten">{t.tr_closed}</p> })}
            {(!is_new && !closed).then(|| view! {
                <ActionForm action=close>
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="traject" value=id.to_string()/>
                    <button type="submit" class="button-link" id="afsluiten">{t.tr_close}</button>
                </ActionForm>
            })}
            {(!is_new).then(|| view! { <DeleteForm id=id.to_string() action=delete/> })}
        </article>
    }
}

/// Deleting a traject asks to be sure first: folded, with a box to tick (the browser and the
/// server both refuse without it).
#[component]
pub(crate) fn DeleteForm(id: String, action: ServerAction<DeleteTraject>) -> impl IntoView {
    let t = use_texts();
    let query = leptos_router::hooks::use_query_map();
    let unsure = move || query.read().get("fout").is_some_and(|f| f == "zeker");
    view! {
        <details class="danger" id="verwijderen" open=unsure>
            <summary>{t.tr_delete}</summary>
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="traject" value=id/>
                <p>{t.tr_delete_explain}</p>
                <div class="field field-check">
                    {move || unsure().then(|| view! { <p class="problem field-problem" id="zeker-fout" role="alert">{t.tr_delete_unsure}</p> })}
                    <input type="checkbox" id="zeker" name="zeker" value="ja" required
                        aria-invalid=move || unsure().to_string()
                        aria-describedby=move || unsure().then_some("zeker-fout")/>
                    <label for="zeker">{t.tr_delete_sure}</label>
                </div>
                <button type="submit" class="button-secondary" id="verwijder-traject">{t.tr_delete}</button>
            </ActionForm>
        </details>
    }
}

/// Who does it: the team, the primary professional and the stand-in; a lead chooses both, the
/// primary professional the stand-in (so the work goes on when they are away).
#[component]
fn TeamBlock(id: uuid::Uuid, team: TrajectTeam) -> impl IntoView {
    let t = use_texts();
    let assign = ServerAction::<AssignTraject>::new();
    let kit = FieldKit::from_query(&ASSIGN_FIELDS, move |_| t.tr_bad_member);
    let saved = use_query_map().read_untracked().get("toegewezen").is_some();
    let primary = team.name_of(team.primary);
    let standin = team.name_of(team.standin);
    let choices: Vec<(String, String)> = std::iter::once((String::new(), t.tr_nobody.to_string()))
        .chain(team.members.iter().map(|(m, n)| (m.to_string(), n.clone())))
        .collect();
    let id_of = |u: Option<uuid::Uuid>| u.map(|u| u.to_string()).unwrap_or_default();
    let (lead, choose) = (team.lead, team.may_choose_standin);
    view! {
        <section class="team" aria-labelledby="team-titel">
            <h2 id="team-titel">{t.tr_team_title}</h2>
            <p>{crate::i18n::fill(t.tr_team_in, &[&team.team])}</p>
            {saved.then(|| view! { <p class="notice" role="status" id="toegewezen">{t.tr_assigned}</p> })}
            <dl class="facts">
                <dt>{t.tr_primary}</dt>
                <dd id="eerste-contactpersoon">{primary.unwrap_or_else(|| t.tr_in_queue.to_string())}</dd>
                <dt>{t.tr_standin}</dt>
                <dd id="vervanger-naam">{standin.unwrap_or_else(|| t.tr_no_standin.to_string())}</dd>
            </dl>
            {choose.then(|| view! {
                {kit.summary(t.ed_bad)}
                <ActionForm action=assign attr:class="assign">
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="traject" value=id.to_string()/>
                    {if lead {
                        kit.select("eerste", t.tr_primary, choices.clone(), id_of(team.primary)).into_any()
                    } else {
                        view! { <input type="hidden" name="form[eerste]" value=id_of(team.primary)/> }.into_any()
                    }}
                    {kit.select("vervanger", t.tr_standin, choices.clone(), id_of(team.standin))}
                    <button type="submit" class="button-secondary" id="toewijzen">{t.tr_assign}</button>
                </ActionForm>
            })}
        </section>
    }
}
