//! `/wijkteam/traject/:id/uitdraai`: a printable page for the person: where they go, who
//! they meet, when, how to reach them. Plain language; English when the page is in English.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::traject_handout;
use crate::i18n::{fill, use_texts};

/// The handout.
#[component]
pub fn HandoutPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let loaded = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        traject_handout,
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some((person, items))) => view! {
                        <Title text=t.ho_title/>
                        <article class="prose handout">
                            <p class="breadcrumb no-print"><A href=format!("/wijkteam/traject/{}", params.read_untracked().get("id").unwrap_or_default())>{t.tr_back}</A></p>
                            <h1>{fill(t.ho_for, &[&person])}</h1>
                            <p>{t.ho_intro}</p>
                            {items.is_empty().then(|| view! { <p>{t.ho_none}</p> })}
                            <ol class="handout-items">
                                {items.into_iter().map(|r| view! {
                                    <li class="handout-item">
                                        <h2>{r.target.clone()}</h2>
                                        <p>{fill(t.ho_who, &[&r.receiver])}</p>
                                        <ul>{r.contact.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                                        {(!r.appointment.is_empty()).then(|| view! { <p><strong>{t.ho_when}</strong> " " {r.appointment.clone()}</p> })}
                                        <p>{t.handover_sentence(&r.handover)}</p>
                                        <p class="small">{fill(t.ho_sent, &[&r.consent_on])}</p>
                                    </li>
                                }).collect_view()}
                            </ol>
                            <p>{t.ho_questions}</p>
                            <p class="no-print">{t.ho_print}</p>
                        </article>
                    }.into_any(),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}
