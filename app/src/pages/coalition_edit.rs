//! `/coalities/:id/bewerken`: the coalition's partners and the gemeente keep it up to date
//! (goal, status with a reason, two link persons, place, participants) and invite partners
//! from the map. Works without JavaScript: every form posts and comes back here.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{found_or_not, set_status};
use crate::api::{
    coalition, coalition_candidates, may_change_coalition, AddFunding, InviteCoalitionPartner,
    InviteNewcomer, RemoveFunding, SaveCoalition,
};
use crate::auth::csrf_token;
use crate::coalitions::{CoalitionForm, CoalitionView, ROLES, STATUSES};
use crate::components::{FieldKit, PartnerList};
use crate::i18n::{fill, use_texts, Texts};

/// The edit page; visitors go to the login page, others who may not change it get a 403.
#[component]
pub fn CoalitionEditPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            params.read().get("id").unwrap_or_default(),
            q.get("bijgewerkt"),
        )
    };
    let found = Resource::new(key, |(id, _)| coalition(id));
    let rights = Resource::new(key, |(id, _)| may_change_coalition(id));
    let who = Resource::new(|| (), |_| crate::api::who_am_i());
    view! {
        <Title text=t.co_edit/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let change = rights.await.map(|r| r.change).unwrap_or(false);
                let logged_in = matches!(who.await, Ok(Some(_)));
                found_or_not(found.await, |c| {
                    if change {
                        view! { <Editor c/> }.into_any()
                    } else if !logged_in {
                        super::to_login()
                    } else {
                        set_status(403);
                        view! { <p class="problem" role="alert">{t.ce_not_yours}</p> }.into_any()
                    }
                })
            })}
        </Suspense>
    }
}

/// The message for the field that came back wrong.
fn problem_text(t: &'static Texts, field: &str) -> &'static str {
    match field {
        "naam" => t.ce_bad_name,
        "doel" => t.ce_bad_goal,
        "status" => t.ce_bad_status,
        "reden" => t.ce_bad_reason,
        "deelnemers" => t.ce_bad_participants,
        _ => t.ce_bad_text,
    }
}

#[component]
fn Editor(c: CoalitionView) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<SaveCoalition>::new();
    let id = c.id.to_string();
    let stored = CoalitionForm::from_view(&c);
    let form = move || {
        let q = query.read();
        let problem = q.get("fout").and_then(|f| {
            stored
                .fields()
                .into_iter()
                .map(|(name, _)| name)
                .find(|name| *name == f)
        });
        // After a problem the fields show what was typed, not what is stored.
        let shown = match problem {
            Some(_) => CoalitionForm::from_typed(|name| q.get(name).unwrap_or_default()),
            None => stored.clone(),
        };
        let kit = FieldKit::new(problem, problem.map_or("", |f| problem_text(t, f)));
        let started = q.get("nieuw").is_some();
        let statuses: Vec<(String, String)> = STATUSES
            .iter()
            .map(|code| (code.to_string(), t.status(code).to_string()))
            .collect();
        let id = id.clone();
        view! {
            <ActionForm action attr:id="coalitie-bewerken">
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="coalitie" value=id/>
                {problem.map(|_| view! { <p class="problem" role="alert" id="fout">{t.ce_check}</p> })}
                {started.then(|| view! { <p class="notice" role="status" id="begonnen">{t.cn_started}</p> })}
                {kit.text("naam", t.ce_name, shown.naam.clone(), "text")}
                {kit.area("doel", t.ce_goal, shown.doel.clone(), 4)}
                {kit.select("status", t.ce_status, statuses, shown.status.clone())}
                {kit.text("reden", t.ce_reason, shown.reden.clone(), "text")}
                {kit.text("schakel", t.ce_link, shown.schakel.clone(), "text")}
                {kit.text("schakel_contact", t.ce_link_contact, shown.schakel_contact.clone(), "text")}
                {kit.text("tweede", t.ce_deputy, shown.tweede.clone(), "text")}
                {kit.text("tweede_contact", t.ce_deputy_contact, shown.tweede_contact.clone(), "text")}
                {kit.text("deelnemers", t.ce_participants, shown.deelnemers.clone(), "number")}
                {kit.text("plek", t.ce_venue, shown.plek.clone(), "text")}
                <button type="submit" class="button-primary" id="bewaren">{t.ce_save}</button>
            </ActionForm>
        }
    };
    view! {
        <article class="prose coalition-edit">
            <p class="breadcrumb"><A href=format!("/coalities/{}", c.id)>{t.ce_back}</A></p>
            <h1>{t.co_edit} ": " {c.name.clone()}</h1>
            {form}
            <Funding c=c.clone()/>
            <Partners c/>
        </article>
    }
}

/// The partners, and a search on the map to invite one more.
#[component]
fn Partners(c: CoalitionView) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let id = c.id.to_string();
    let words = move || query.read().get("zoek").unwrap_or_default();
    let found = Resource::new(
        {
            let id = id.clone();
            move || (id.clone(), words())
        },
        |(id, words)| async move {
            if words.trim().chars().count() < 3 {
                return Ok(Vec::new());
            }
            coalition_candidates(id, words).await
        },
    );
    let notice = move || match query.read().get("fout").as_deref() {
        Some("rol" | "geeft" | "organisatie") => Some((t.ce_bad_invite, "problem")),
        Some("al-partner") => Some((t.ce_already, "problem")),
        Some("te-veel") => Some((t.ce_too_many, "problem")),
        Some("nieuw-naam" | "nieuw-email") => None,
        _ if query.read().get("uitgenodigd").as_deref() == Some("nieuw") => {
            Some((t.ce_new_invited, "notice"))
        }
        _ if query.read().get("uitgenodigd").is_some() => Some((t.ce_invited, "notice")),
        _ => None,
    };
    let path = format!("/coalities/{id}/bewerken");
    view! {
        <section class="coalition-partners" id="partners" aria-labelledby="partners-titel">
            <h2 id="partners-titel">{t.ce_partners}</h2>
            {move || notice().map(|(text, class)| view! {
                <p class=class role=if class == "problem" { "alert" } else { "status" } id="partner-melding">{text}</p>
            })}
            <PartnerList partners=c.partners.clone()/>
            <p>{t.ce_partners_lead}</p>
            <form method="get" action=path class="search-partner">
                <div class="field">
                    <label for="zoek-partner">{t.ce_search}</label>
                    <input id="zoek-partner" name="zoek" type="search" minlength="3" maxlength="100"
                        prop:value=words value=words()/>
                </div>
                <button type="submit" class="button-secondary">{t.ce_search_button}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || {
                    let id = id.clone();
                    Suspend::new(async move {
                        let list = found.await.unwrap_or_default();
                        if list.is_empty() {
                            return (words().trim().chars().count() >= 3)
                                .then(|| view! { <p id="geen-partner">{t.ce_no_match}</p> })
                                .into_any();
                        }
                        view! {
                            <ul class="candidates">
                                {list.into_iter().map(|(org, name)| view! { <Candidate coalition=id.clone() org name/> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
            <Newcomer coalition=c.id.to_string()/>
        </section>
    }
}

/// An organisation that is not on the map, invited through someone's e-mail address.
#[component]
fn Newcomer(coalition: String) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<InviteNewcomer>::new();
    move || {
        let coalition = coalition.clone();
        let q = query.read();
        let kit = match q.get("fout").as_deref() {
            Some("nieuw-naam") => FieldKit::new(Some("nieuw-naam"), t.ce_new_bad_name),
            Some("nieuw-email") => FieldKit::new(Some("nieuw-email"), t.ce_new_bad_email),
            _ => FieldKit::new(None, ""),
        };
        let open = q.get("fout").is_some_and(|f| f.starts_with("nieuw"));
        let name = q.get("nieuw-naam").unwrap_or_default();
        view! {
            <details class="newcomer" id="nieuw" open=open>
                <summary>{t.ce_new_summary}</summary>
                <p>{t.ce_new_lead}</p>
                <ActionForm action>
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="coalitie" value=coalition/>
                    {kit.input_named("nieuw-naam", "naam", t.ce_new_name, name, "text")}
                    {kit.input_named("nieuw-email", "email", t.ce_new_email, String::new(), "email")}
                    <PartnerFields suffix="nieuw".into()/>
                    <button type="submit" class="button-secondary" id="nieuw-sturen">{t.ce_new_send}</button>
                </ActionForm>
            </details>
        }
    }
}

/// A new partner's role and what it gives and gets; field ids end in `-{suffix}`, so several
/// forms fit on one page.
#[component]
fn PartnerFields(suffix: String) -> impl IntoView {
    let t = use_texts();
    let (rol, geeft, krijgt) = (
        format!("rol-{suffix}"),
        format!("geeft-{suffix}"),
        format!("krijgt-{suffix}"),
    );
    let roles: Vec<(&str, &str)> = ROLES.iter().map(|code| (*code, t.role(code))).collect();
    view! {
        <div class="field">
            <label for=rol.clone()>{t.ce_role}</label>
            <select id=rol name="rol">
                {roles.into_iter().map(|(code, label)| view! {
                    <option value=code selected=code == "supporter">{label}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=geeft.clone()>{t.ce_gives}</label>
            <input id=geeft name="geeft" type="text" maxlength="300"/>
        </div>
        <div class="field">
            <label for=krijgt.clone()>{t.ce_gets}</label>
            <input id=krijgt name="krijgt" type="text" maxlength="300"/>
        </div>
    }
}

/// One organisation to invite, with its role and what it gives and gets.
#[component]
fn Candidate(coalition: String, org: String, name: String) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<InviteCoalitionPartner>::new();
    view! {
        <li class="candidate">
            <h3>{name.clone()}</h3>
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="coalitie" value=coalition/>
                <input type="hidden" name="organisatie" value=org.clone()/>
                <PartnerFields suffix=org.clone()/>
                <button type="submit" class="button-primary">{fill(t.ce_invite, &[&name])}</button>
            </ActionForm>
        </li>
    }
}

/// The funding lines, each removable, and a form to add one.
#[component]
fn Funding(c: CoalitionView) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let add = ServerAction::<AddFunding>::new();
    let remove = ServerAction::<RemoveFunding>::new();
    let id = c.id.to_string();
    let notice = move || {
        let q = query.read();
        match (q.get("fout").as_deref(), q.get("geld").as_deref()) {
            (Some("geld"), _) => Some((t.ce_bad_funding, "problem")),
            (Some("geld-te-veel"), _) => Some((t.ce_too_much_funding, "problem")),
            (_, Some("ja")) => Some((t.ce_funding_added, "notice")),
            (_, Some("weg")) => Some((t.ce_funding_removed, "notice")),
            _ => None,
        }
    };
    let wrong = move || query.read().get("fout").is_some_and(|f| f == "geld");
    let typed = move |name: &str| {
        if wrong() {
            query.read().get(name).unwrap_or_default()
        } else {
            String::new()
        }
    };
    let lines = c.funding.clone();
    view! {
        <section class="coalition-funding" id="geld" aria-labelledby="geld-titel">
            <h2 id="geld-titel">{t.ce_funding}</h2>
            <p>{t.ce_funding_lead}</p>
            {move || notice().map(|(text, class)| view! {
                <p class=class role=if class == "problem" { "alert" } else { "status" } id="geld-melding">{text}</p>
            })}
            {lines.is_empty().then(|| view! { <p>{t.ce_funding_none}</p> })}
            <ul class="funding-lines">
                {lines.into_iter().enumerate().map(|(n, line)| {
                    let (id, label) = (id.clone(), fill(t.ce_remove_funding, &[&line.source]));
                    view! {
                        <li>
                            <super::coalition::FundingLines lines=vec![line] fallback=String::new()/>
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="csrf" value=csrf_token()/>
                                <input type="hidden" name="coalitie" value=id/>
                                <input type="hidden" name="regel" value=n.to_string()/>
                                <button type="submit" class="button-link">{label}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=add attr:id="geld-toevoegen">
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="coalitie" value=id.clone()/>
                <div class="field">
                    <label for="bron">{t.ce_source}</label>
                    <input id="bron" name="bron" type="text" required maxlength="200" value=typed("bron")
                        aria-invalid=move || wrong().to_string() aria-describedby=move || wrong().then_some("geld-melding")/>
                </div>
                <div class="field">
                    <label for="bedrag">{t.ce_amount}</label>
                    <input id="bedrag" name="bedrag" type="text" inputmode="numeric" maxlength="20" value=typed("bedrag")/>
                </div>
                <div class="field">
                    <label for="van">{t.ce_from}</label>
                    <input id="van" name="van" type="date" value=typed("van")/>
                </div>
                <div class="field">
                    <label for="tot">{t.ce_to}</label>
                    <input id="tot" name="tot" type="date" value=typed("tot")/>
                </div>
                <button type="submit" class="button-primary" id="geld-toevoegen-knop">{t.ce_add_funding}</button>
            </ActionForm>
        </section>
    }
}
