//! `/coalities/:id`: one coalition for residents and partners.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::found_or_not;
use crate::api::{coalition, may_change_coalition, AddCoalitionNote};
use crate::auth::csrf_token;
use crate::coalitions::CoalitionView;
use crate::components::FieldKit;
use crate::components::PartnerList;
use crate::i18n::{fill, use_texts};

/// The public page of a coalition.
#[component]
pub fn CoalitionPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let found = Resource::new(id, coalition);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                found_or_not(found.await, |c| view! { <Detail c/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Detail(c: CoalitionView) -> impl IntoView {
    let t = use_texts();
    let warning = c.funding_days_left.map(|days| {
        if days < 0 {
            t.co_funding_over.to_string()
        } else {
            fill(t.co_funding_warning, &[&days.to_string()])
        }
    });
    let funding = match (c.funding_source.is_empty(), &c.funding_ends_on) {
        (true, None) => None,
        (_, Some(end)) => Some(format!(
            "{} {}",
            c.funding_source,
            fill(t.co_funding_until, &[end])
        )),
        (false, None) => Some(c.funding_source.clone()),
    };
    view! {
        <Title text=c.name.clone()/>
        <article class="prose coalition">
            <p class="breadcrumb"><A href="/coalities">{t.co_title}</A></p>
            <h1>{c.name.clone()}</h1>
            <p class="meta"><span class="kind">{t.co_status} ": " {t.status(&c.status)}</span></p>
            {warning.map(|w| view! { <p class="notice" role="status" id="geld-waarschuwing">{w}</p> })}
            <h2>{t.co_goal}</h2>
            {c.goal.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
            <h2>{t.co_partners}</h2>
            <PartnerList partners=c.partners.clone()/>
            <dl class="facts">
                {(!c.link_person.is_empty()).then(|| view! { <dt>{t.co_link}</dt><dd>{c.link_person.clone()} " " {c.link_contact.clone()}</dd> })}
                {(c.participants > 0).then(|| view! { <dt>{t.co_participants}</dt><dd>{c.participants}</dd> })}
                {funding.map(|f| view! { <dt>{t.co_funding}</dt><dd>{f}</dd> })}
            </dl>
            {(!c.notes.is_empty()).then(|| view! {
                <h2>{t.co_notes}</h2>
                <ul class="notes">
                    {c.notes.iter().map(|n| view! {
                        <li>
                            <span class="date">{n.written_on.clone()}</span> " "
                            {n.number.map(|x| view! { <strong>{x} " " {n.label.clone()}</strong> " " })}
                            {n.story.clone()}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <NoteForm id=c.id.to_string()/>
        </article>
    }
}

/// "Tellen en vertellen" for the coalition's partners and the gemeente; others see nothing.
#[component]
fn NoteForm(id: String) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let rights = Resource::new(
        {
            let id = id.clone();
            move || id.clone()
        },
        may_change_coalition,
    );
    let action = ServerAction::<AddCoalitionNote>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let q = query.read().clone();
                let id = id.clone();
                Suspend::new(async move {
                    let may = rights.await.map(|(_, change)| change).unwrap_or(false);
                    if !may {
                        return ().into_any();
                    }
                    let bad = q.get("fout").is_some_and(|f| f == "notitie");
                    let saved = q.get("genoteerd").is_some();
                    let (label, story) = (q.get("wat").unwrap_or_default(), q.get("verhaal").unwrap_or_default());
                    let kit = FieldKit::new(bad.then_some("verhaal"), t.co_note_bad);
                    view! {
                        <section class="coalition-note" id="tellen" aria-labelledby="tellen-titel">
                            <h2 id="tellen-titel">{t.co_note_title}</h2>
                            <p>{t.co_note_lead}</p>
                            {saved.then(|| view! { <p class="notice" role="status" id="genoteerd">{t.co_note_saved}</p> })}
                            <ActionForm action>
                                <input type="hidden" name="csrf" value=csrf_token()/>
                                <input type="hidden" name="coalitie" value=id/>
                                {kit.plain_text("wat", t.co_note_label, label)}
                                {kit.plain_text("aantal", t.co_note_number, String::new())}
                                {kit.plain_area("verhaal", t.co_note_story, story, 3)}
                                <button type="submit" class="button-primary">{t.co_note_send}</button>
                            </ActionForm>
                        </section>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}
