//! Suggestions and coalition proposals as cards, shared by the keukentafel, "ik kan iets" and
//! the coalition pages.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::StartCoalition;
use crate::i18n::use_texts;
use crate::profile::{CoalitionProposal, PartnerView, SuggestionView};

/// One lane: a heading, a lead line, and its suggestions (or a friendly empty line).
#[component]
pub fn Lane(
    id: &'static str,
    title: &'static str,
    lead: &'static str,
    items: Vec<SuggestionView>,
) -> impl IntoView {
    let t = use_texts();
    let heading = format!("{id}-titel");
    let labelled_by = heading.clone();
    view! {
        <section class=format!("lane lane-{id}") aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <p class="lane-lead">{lead}</p>
            {if items.is_empty() {
                view! { <p class="lane-empty">{t.kt_none}</p> }.into_any()
            } else {
                view! {
                    <ol class="offer-list">
                        {items.into_iter().map(|s| view! { <SuggestionCard s/> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// One suggestion: what, who, why.
#[component]
pub fn SuggestionCard(s: SuggestionView) -> impl IntoView {
    let t = use_texts();
    // A role has a page of its own (what it asks, whom to contact).
    let href = match (s.need_id, s.offer_id) {
        (Some(need), _) => Some(format!("/vraag/{need}")),
        (None, Some(offer)) => Some(format!("/aanbod/{offer}")),
        (None, None) => None,
    };
    let title = match href {
        Some(href) => view! { <A href=href>{s.title.clone()}</A> }.into_any(),
        None => view! { <span>{s.title.clone()}</span> }.into_any(),
    };
    view! {
        <li class="offer-card suggestion">
            <h3>{title}</h3>
            <p class="org">{s.organisation.clone()}</p>
            <p class="why">{s.explanation.clone()}</p>
            {s.needs_referral.then(|| view! { <p class="meta"><span class="kind">{t.kt_needs_referral}</span></p> })}
        </li>
    }
}

/// The partners of a coalition: who, which role, what they give and get.
#[component]
pub fn PartnerList(partners: Vec<PartnerView>) -> impl IntoView {
    let t = use_texts();
    view! {
        <ul class="partners">
            {partners
                .into_iter()
                .map(|p| {
                    view! {
                        <li>
                            <strong>{p.name.clone()}</strong> " (" {t.role(&p.role)} ")"
                            {match p.standing.as_str() {
                                "invited" => Some(view! { " · " <em class="standing">{t.co_invited}</em> }),
                                "left" => Some(view! { " · " <em class="standing">{t.co_left}</em> }),
                                _ => None,
                            }}
                            {(!p.gives.is_empty()).then(|| view! { <br/><span>{t.co_gives} ": " {p.gives.clone()}</span> })}
                            {(!p.gets.is_empty()).then(|| view! { <br/><span>{t.co_gets} ": " {p.gets.clone()}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A proposed coalition; with `can_start` (a coordinator or admin is logged in), a one-step
/// form to make it a real coalition.
#[component]
pub fn ProposalCard(p: CoalitionProposal, #[prop(optional)] can_start: bool) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<StartCoalition>::new();
    view! {
        <article class="proposal">
            <h3>{p.title.clone()}</h3>
            <p>{p.goal.clone()}</p>
            <h4>{t.co_partners}</h4>
            <PartnerList partners=p.partners.clone()/>
            <p><strong>{t.co_link} ": "</strong>{p.link_person.clone()}</p>
            {(!p.evidence.is_empty()).then(|| view! {
                <h4>{t.co_evidence}</h4>
                <ul class="evidence">{p.evidence.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
            })}
            {can_start.then(|| view! {
                <ActionForm action attr:class="start-coalition">
                    <input type="hidden" name="csrf" value=crate::auth::csrf_token()/>
                    <input type="hidden" name="need" value=p.need_id.to_string()/>
                    <button type="submit" class="button-primary">{t.co_start}</button>
                </ActionForm>
            })}
        </article>
    }
}
