//! The household on a traject page: its members (one small form each, so the page works
//! without JavaScript and never sends every member's checkboxes at once) and the plan's steps
//! with who does each and for whom.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::api::{RemoveMember, SaveMember};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts, Texts};
use crate::profile::{MemberInput, MEMBER_ROLES};
use crate::referrals::{PlanStep, MAX_STEPS, STEP_DOERS};

/// "Sam, 8 jaar" (or just the name without an age).
pub(crate) fn member_label(t: &Texts, name: &str, age: Option<u8>) -> String {
    match age {
        Some(age) => fill(t.tr_member_years, &[name, &age.to_string()]),
        None => name.to_string(),
    }
}

/// The members, each folded with its form, and a form to add one.
#[component]
pub(crate) fn Household(id: Uuid, members: Vec<MemberInput>) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveMember>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let query = use_query_map();
    // Which form (its number, empty for a new one) had which problem.
    let problem = move |nummer: &str| -> Option<&'static str> {
        let q = query.read();
        (q.get("lid").unwrap_or_default() == nummer)
            .then(|| q.get("lid_fout"))
            .flatten()
            .map(|f| match f.as_str() {
                "naam" => t.tr_bad_naam,
                "leeftijd" => t.tr_bad_member_age,
                "te-veel" => t.tr_too_many_members,
                _ => t.tr_bad_choice,
            })
    };
    let empty = members.is_empty();
    let full = members.len() >= crate::profile::MAX_MEMBERS;
    view! {
        <section class="household" id="gezin" aria-labelledby="gezin-titel">
            <h2 id="gezin-titel">{t.tr_household}</h2>
            <p>{t.tr_household_lead}</p>
            {empty.then(|| view! { <p>{t.tr_no_members}</p> })}
            <ul class="members">
                {members.into_iter().enumerate().map(|(i, m)| {
                    let nummer = (i + 1).to_string();
                    let label = format!("{} · {}", member_label(t, &m.name, m.age), t.member_role(&m.role));
                    let wrong = problem(&nummer).is_some();
                    view! {
                        <li>
                            <details class="member" open=wrong>
                                <summary id=format!("lid-{nummer}")>{label}</summary>
                                <MemberFields action=save id nummer=nummer.clone() member=m problem/>
                                <ActionForm action=remove attr:class="remove-member">
                                    <input type="hidden" name="csrf" value=csrf_token()/>
                                    <input type="hidden" name="traject" value=id.to_string()/>
                                    <input type="hidden" name="nummer" value=nummer/>
                                    <button type="submit" class="button-link">{t.tr_member_remove}</button>
                                </ActionForm>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!full).then(|| {
                let wrong = problem("").is_some();
                view! {
                    <details class="member" id="gezinslid-nieuw" open=wrong>
                        <summary>{t.tr_member_add}</summary>
                        <MemberFields action=save id nummer=String::new() member=MemberInput::default() problem/>
                    </details>
                }
            })}
        </section>
    }
}

/// The form of one member (`nummer` empty: a new one); ids carry the number so several
/// forms can be on one page.
#[component]
fn MemberFields(
    action: ServerAction<SaveMember>,
    id: Uuid,
    nummer: String,
    member: MemberInput,
    problem: impl Fn(&str) -> Option<&'static str> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let t = use_texts();
    let key = if nummer.is_empty() {
        "nieuw".to_string()
    } else {
        nummer.clone()
    };
    let field = {
        let key = key.clone();
        move |name: &str| format!("lid{key}-{name}")
    };
    let which = nummer.clone();
    let message = move || problem(&which);
    let note_id = field("fout");
    let roles: Vec<(String, &'static str)> = MEMBER_ROLES
        .iter()
        .map(|r| (r.to_string(), t.member_role(r)))
        .collect();
    let checks = |base: String,
                  name: &'static str,
                  legend: &'static str,
                  options: Vec<(String, String)>,
                  chosen: Vec<String>| {
        view! {
            <fieldset class="field checks">
                <legend>{legend}</legend>
                <ul class="chips">
                    {options.into_iter().enumerate().map(|(n, (v, l))| {
                        let id = format!("{base}-{n}");
                        let on = chosen.contains(&v);
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() name=format!("form[{name}][]") value=v checked=on/>
                                <label for=id>{l}</label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
        }
    };
    let topics = super::traject::topic_choices(t);
    let talents = super::traject::talent_choices(t);
    let age = member.age.map(|a| a.to_string()).unwrap_or_default();
    view! {
        <ActionForm action attr:class="member-form">
            <input type="hidden" name="csrf" value=csrf_token()/>
            <input type="hidden" name="traject" value=id.to_string()/>
            <input type="hidden" name="nummer" value=nummer/>
            {let note_id = note_id.clone(); move || message().map(|m| view! { <p class="problem" role="alert" id=note_id.clone()>{m}</p> })}
            <div class="field">
                <label for=field("naam")>{t.tr_member_name}</label>
                <input id=field("naam") name="form[naam]" type="text" required maxlength="40" value=member.name.clone()/>
            </div>
            <div class="field">
                <label for=field("leeftijd")>{t.tr_member_age}</label>
                <input id=field("leeftijd") name="form[leeftijd]" type="text" inputmode="numeric" required value=age/>
            </div>
            <div class="field">
                <label for=field("rol")>{t.tr_member_role}</label>
                <select id=field("rol") name="form[rol]">
                    {roles.into_iter().map(|(v, l)| {
                        let selected = v == member.role;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
            {checks(field("vragen"), "vragen", t.tr_member_needs, topics, member.needs.clone())}
            {checks(field("talenten"), "talenten", t.tr_member_talents, talents, member.talents.clone())}
            {checks(field("vervoer"), "vervoer", t.tr_member_getting_there, vec![
                ("rolstoel".to_string(), t.kt_wheelchair.to_string()),
                ("geen-fiets".to_string(), t.kt_no_bike.to_string()),
            ], member.mobility.clone())}
            <button type="submit" class="button-secondary">{t.tr_member_save}</button>
        </ActionForm>
    }
}

/// The plan's steps in the traject form: every step as a small group (what, who does it, for
/// whom, its place in the order), then empty ones to add, up to [`MAX_STEPS`].
pub(crate) fn plan_fields(
    t: &'static Texts,
    steps: Vec<PlanStep>,
    people: Vec<String>,
    wrong: impl Fn() -> bool + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let blank = MAX_STEPS.saturating_sub(steps.len()).min(3);
    let rows: Vec<PlanStep> = steps
        .into_iter()
        .chain(std::iter::repeat_n(PlanStep::default(), blank))
        .collect();
    let doers: Vec<(String, &'static str)> = std::iter::once((String::new(), t.tr_not_chosen))
        .chain(STEP_DOERS.iter().map(|d| (d.to_string(), t.doer(d))))
        .collect();
    let whom: Vec<(String, String)> = std::iter::once((String::new(), t.tr_not_chosen.to_string()))
        .chain(people.into_iter().map(|p| (p.clone(), p)))
        .chain(std::iter::once((
            "gezin".to_string(),
            t.tr_whole_household.to_string(),
        )))
        .collect();
    view! {
        <fieldset class="field plan-steps" id="stappen"
            aria-describedby=move || wrong().then_some("stappen-fout")>
            <legend>{t.tr_plan_field}</legend>
            {move || wrong().then(|| view! { <p class="problem field-problem" id="stappen-fout">{t.tr_bad_steps}</p> })}
            {rows.into_iter().enumerate().map(|(i, step)| {
                let f = |name: &str| format!("stap{}-{name}", i + 1);
                let n = |name: &str| format!("form[stappen][{i}][{name}]");
                let order = if step.wat.is_empty() { String::new() } else { (i + 1).to_string() };
                view! {
                    <fieldset class="plan-step">
                        <legend>{fill(t.tr_step, &[&(i + 1).to_string()])}</legend>
                        <div class="field">
                            <label for=f("wat")>{t.tr_step_what}</label>
                            <input id=f("wat") name=n("wat") type="text" maxlength="200" value=step.wat.clone()/>
                        </div>
                        <div class="field">
                            <label for=f("wie")>{t.tr_step_who}</label>
                            <select id=f("wie") name=n("wie")>
                                {doers.iter().map(|(v, l)| {
                                    let selected = *v == step.wie;
                                    view! { <option value=v.clone() selected=selected>{*l}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=f("voor")>{t.tr_step_for}</label>
                            <select id=f("voor") name=n("voor")>
                                {whom.iter().map(|(v, l)| {
                                    let selected = *v == step.voor;
                                    view! { <option value=v.clone() selected=selected>{l.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=f("volgorde")>{t.tr_step_order}</label>
                            <input id=f("volgorde") name=n("volgorde") type="text" inputmode="numeric" size="3" value=order/>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A step as the plan shows it: what, then who does it and for whom when said.
pub(crate) fn step_line(t: &Texts, step: &PlanStep) -> String {
    let who = t.doer(&step.wie);
    let whom = match step.voor.as_str() {
        "" => String::new(),
        "gezin" => t.tr_whole_household.to_lowercase(),
        name => name.to_string(),
    };
    let mut parts = vec![step.wat.clone()];
    if !who.is_empty() {
        parts.push(format!("{}: {who}", t.tr_step_who));
    }
    if !whom.is_empty() {
        parts.push(format!("{}: {whom}", t.tr_step_for.to_lowercase()));
    }
    parts.join(" · ")
}
