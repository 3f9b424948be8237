//! `/coalities`: the coalitions of the map, and a way to the chances for new ones.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::set_status;
use crate::api::coalitions;
use crate::i18n::use_texts;

/// The overview of coalitions.
#[component]
pub fn CoalitionsPage() -> impl IntoView {
    let t = use_texts();
    let list = Resource::new(|| (), |_| coalitions());
    let rights = Resource::new(|| (), |_| crate::api::may_change_coalition(String::new()));
    view! {
        <Title text=t.co_title/>
        <article class="prose coalitions">
            <h1>{t.co_title}</h1>
            <p class="lead">{t.co_lead}</p>
            <p class="actions">
                <A href="/coalities/kansen" attr:class="button-link-primary button-primary">{t.co_chances}</A>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        rights.await.is_ok_and(|r| r.start).then(|| view! {
                            " " <A href="/coalities/nieuw" attr:class="button-secondary" attr:id="zelf-beginnen">{t.cn_link}</A>
                        })
                    })}
                </Suspense>
            </p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! { <p>{t.co_none}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="offer-list">
                                {list.into_iter().map(|c| view! {
                                    <li class="offer-card">
                                        <h2><A href=format!("/coalities/{}", c.id)>{c.name.clone()}</A></h2>
                                        <p class="meta"><span class="kind">{t.status(&c.status)}</span>
                                            <span>{c.partners.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ")}</span></p>
                                        <p class="summary">{c.goal.lines().next().unwrap_or_default().to_string()}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(_) => {
                            set_status(500);
                            view! { <p class="problem" role="alert">{t.problem_generic}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </article>
    }
}
