//! Knelpunten on three pages: the report form on a traject, the coordinator's board on
//! `/beheer/signalen`, and the public `/wat-we-oplosten`. Plain forms: they work without
//! JavaScript, and with it the report form keeps what was typed when it comes back refused.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{solved_knelpunten, DecideKnelpunt, ReportKnelpunt};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts};
use crate::knelpunten::{rules, RuleGroup, CATEGORIES, COST_MAX, NOTE_MAX, STATUSES, SUMMARY_MAX};

/// "Knelpunt melden" on a traject page.
#[component]
pub fn ReportForm(traject: String) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<ReportKnelpunt>::new();
    // Only the message follows the URL, so a refused form keeps its text with JavaScript on.
    let outcome = move || query.read().get("knelpunt");
    let rules = rules();
    view! {
        <details class="knelpunt-report" id="knelpunt" open=move || outcome().is_some()>
            <summary><h2 class="inline-heading">{t.kp_report}</h2></summary>
            <p>{t.kp_report_lead}</p>
            {move || outcome().map(|o| if o == "gemeld" {
                view! { <p class="notice" role="status" id="knelpunt-gemeld">{t.kp_sent}</p> }.into_any()
            } else {
                view! { <p class="problem" role="alert" id="knelpunt-probleem">{t.knelpunt_problem(&o)}</p> }.into_any()
            })}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="form[traject]" value=traject/>
                <label for="knelpunt-regel">{t.kp_rule}</label>
                <select id="knelpunt-regel" name="form[regel]" required>
                    <option value="">"—"</option>
                    {CATEGORIES.iter().map(|category| {
                        let in_category: Vec<_> = rules.iter().filter(|r| r.category == *category).cloned().collect();
                        view! {
                            <optgroup label=t.knelpunt_category(category)>
                                {in_category.into_iter().map(|r| view! {
                                    <option value=r.code title=r.about>{r.name}</option>
                                }).collect_view()}
                                <option value=format!("anders:{category}")>
                                    {t.kp_other} " (" {t.knelpunt_category(category).to_lowercase()} ")"
                                </option>
                            </optgroup>
                        }
                    }).collect_view()}
                </select>
                <label for="knelpunt-samenvatting">{t.kp_summary}</label>
                <textarea id="knelpunt-samenvatting" name="form[samenvatting]" rows="4"
                    maxlength=SUMMARY_MAX required></textarea>
                <label for="knelpunt-kosten">{t.kp_costs}</label>
                <textarea id="knelpunt-kosten" name="form[kosten]" rows="2" maxlength=COST_MAX></textarea>
                <button type="submit" class="button-secondary" id="knelpunt-melden">{t.kp_send}</button>
            </ActionForm>
        </details>
    }
}

/// The coordinator's board: per rule, the counts and every knelpunt with its decision form.
#[component]
pub fn Board(groups: Vec<RuleGroup>) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<DecideKnelpunt>::new();
    view! {
        <section aria-labelledby="knelpunten-titel" class="knelpunten">
            <h2 id="knelpunten-titel">{t.kp_title}</h2>
            <p>{t.kp_lead}</p>
            {groups.is_empty().then(|| view! { <p id="knelpunten-geen">{t.kp_none}</p> })}
            <ul class="knelpunt-groups" id="knelpunten">
                {groups.into_iter().map(|g| view! {
                    <li>
                        <h3>{g.name.clone()} " · " {t.knelpunt_category(&g.category)}</h3>
                        <p class="counts">{fill(t.kp_counts, &[&g.this_quarter.text(), &g.previous_quarter.text()])}</p>
                        <ul class="knelpunt-items">
                            {g.items.into_iter().map(|k| {
                                let id = k.id.to_string();
                                let problem = {
                                    let id = id.clone();
                                    move || {
                                        let q = query.read();
                                        (q.get("knelpunt").as_deref() == Some(id.as_str()))
                                            .then(|| q.get("fout").unwrap_or_default())
                                    }
                                };
                                let status = k.status.clone();
                                let (item_id, stand, notitie) = (
                                    format!("knelpunt-{id}"),
                                    format!("stand-{id}"),
                                    format!("notitie-{id}"),
                                );
                                view! {
                                    <li id=item_id class="knelpunt">
                                        <p>{k.summary.clone()}</p>
                                        {(!k.cost.is_empty()).then(|| view! { <p><strong>{t.kp_cost}</strong> " " {k.cost.clone()}</p> })}
                                        <p class="meta">{t.kp_reported_on} " " {k.reported_on.clone()} " · " {t.knelpunt_status(&k.status)}</p>
                                        {move || problem().map(|p| view! { <p class="problem" role="alert">{t.knelpunt_problem(&p)}</p> })}
                                        <ActionForm action attr:class="knelpunt-decide">
                                            <input type="hidden" name="csrf" value=csrf_token()/>
                                            <input type="hidden" name="knelpunt" value=id/>
                                            <label for=stand.clone()>{t.kp_status}</label>
                                            <select id=stand name="status">
                                                {STATUSES.iter().map(|s| view! {
                                                    <option value=*s selected=*s == status>{t.knelpunt_status(s)}</option>
                                                }).collect_view()}
                                            </select>
                                            <label for=notitie.clone()>{t.kp_note}</label>
                                            <input id=notitie name="notitie" type="text"
                                                maxlength=NOTE_MAX value=k.note.clone()/>
                                            <label class="check">
                                                <input type="checkbox" name="publiceer" value="ja" checked=k.published/>
                                                " " {t.kp_publish}
                                            </label>
                                            <button type="submit" class="button-secondary">{t.kp_save}</button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/wat-we-oplosten`: what gemeenten solved, by rule, never the case.
#[component]
pub fn SolvedPage() -> impl IntoView {
    let t = use_texts();
    let solved = Resource::new(|| (), |_| solved_knelpunten());
    view! {
        <Title text=t.wo_title/>
        <article class="prose solved">
            <h1>{t.wo_title}</h1>
            <p class="lead">{t.wo_lead}</p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let lines = solved.await.unwrap_or_default();
                    if lines.is_empty() {
                        view! { <p id="niets-opgelost">{t.wo_none}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="spread-list" id="opgelost">
                                {lines.into_iter().map(|l| view! {
                                    <li>
                                        <strong>{l.rule}</strong> " (" {t.knelpunt_category(&l.category)} ") · "
                                        {l.gemeente} ", " {l.quarter}
                                        <br/>{l.note}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                })}
            </Suspense>
        </article>
    }
}
