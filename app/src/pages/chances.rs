//! `/coalities/kansen`: coalitions the map proposes, each one step from being real.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::set_status;
use crate::api::{coalition_chances, may_change_coalition};
use crate::components::ProposalCard;
use crate::i18n::use_texts;

/// The proposals, most promising first.
#[component]
pub fn ChancesPage() -> impl IntoView {
    let t = use_texts();
    let chances = Resource::new(|| (), |_| coalition_chances());
    let rights = Resource::new(|| (), |_| may_change_coalition(String::new()));
    view! {
        <Title text=t.co_chances/>
        <article class="prose chances">
            <p class="breadcrumb"><A href="/coalities">{t.co_title}</A></p>
            <h1>{t.co_chances}</h1>
            <p class="lead">{t.co_chances_lead}</p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let can_start = rights.await.map(|r| r.start).unwrap_or(false);
                    match chances.await {
                        Ok(list) if list.is_empty() => view! { <p>{t.kt_none}</p> }.into_any(),
                        Ok(list) => view! {
                            {(!can_start).then(|| view! {
                                <p class="notice" id="starten-uitleg">
                                    {t.co_start_hint} " " <A href="/inloggen">{t.co_start_login}</A>
                                </p>
                            })}
                            {list
                                .into_iter()
                                .map(|p| view! { <ProposalCard p can_start/> })
                                .collect_view()}
                        }
                        .into_any(),
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
