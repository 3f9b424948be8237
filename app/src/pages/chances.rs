//! `/coalities/kansen`: coalitions the map proposes, each one step from being real.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::coalition_chances;
use crate::components::ProposalCard;
use crate::i18n::use_texts;

/// The proposals, most promising first.
#[component]
pub fn ChancesPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let wrong_key = move || query.read().get("fout").is_some_and(|f| f == "sleutel");
    let chances = Resource::new(|| (), |_| coalition_chances());
    view! {
        <Title text=t.co_chances/>
        <article class="prose chances">
            <p class="breadcrumb"><A href="/coalities">{t.co_title}</A></p>
            <h1>{t.co_chances}</h1>
            <p class="lead">{t.co_chances_lead}</p>
            <Show when=wrong_key>
                <p class="problem" role="alert" id="sleutel-probleem">{t.co_key_wrong}</p>
            </Show>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match chances.await {
                        Ok(list) if list.is_empty() => view! { <p>{t.kt_none}</p> }.into_any(),
                        Ok(list) => list
                            .into_iter()
                            .map(|p| view! { <ProposalCard p can_start=true/> })
                            .collect_view()
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
