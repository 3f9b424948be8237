//! `/wijkteam`: a professional's own trajecten.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::workspace;
use crate::i18n::{fill, use_texts};

/// The workspace; anonymous visitors go to the login page.
#[component]
pub fn WorkspacePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("bijgewerkt"), |_| workspace());
    let deleted = move || query.read().get("verwijderd").is_some();
    view! {
        <Title text=t.ws_title/>
        <article class="manage workspace">
            <h1>{t.ws_title}</h1>
            <p>{t.ws_intro}</p>
            <Show when=deleted>
                <p class="notice" role="status" id="verwijderd">{t.ws_deleted}</p>
            </Show>
            <p><A href="/wijkteam/traject/nieuw" attr:class="button-primary button-link-primary" attr:id="nieuw-traject">{t.ws_new}</A></p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(w)) => view! {
                            {w.team.clone().map(|team| view! { <p id="mijn-team">{fill(t.ws_team, &[&team])}</p> })}
                            {(!w.queue.is_empty()).then(|| view! {
                                <section class="queue" aria-labelledby="wachtrij-titel">
                                    <h2 id="wachtrij-titel">{t.ws_queue_title} " (" {w.queue.len()} ")"</h2>
                                    <p>{t.ws_queue_lead}</p>
                                    <ul class="offer-list trajecten" id="wachtrij">
                                        {w.queue.clone().into_iter().map(|tr| view! {
                                            <li class="offer-card">
                                                <h3><A href=format!("/wijkteam/traject/{}#team-titel", tr.id)>{tr.label.clone()}</A></h3>
                                                <p>{crate::i18n::date_words(&tr.updated)}</p>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </section>
                            })}
                            {w.trajecten.is_empty().then(|| view! { <p>{t.ws_none}</p> })}
                            <ul class="offer-list trajecten">
                                {w.trajecten.into_iter().map(|tr| view! {
                                    <li class="offer-card">
                                        <h2><A href=format!("/wijkteam/traject/{}", tr.id)>{tr.label.clone()}</A></h2>
                                        {tr.standin.then(|| view! { <p class="chip outcome">{t.ws_standin}</p> })}
                                        <p>{fill(t.ws_line, &[&tr.open_referrals.to_string(), &crate::i18n::date_words(&tr.updated)])}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Ok(None) => super::to_login(),
                        Err(_) => {
                            set_status(403);
                            view! { <p class="problem" role="alert">{t.ws_only_professionals}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </article>
    }
}
