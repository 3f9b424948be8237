//! `/wijkteam/traject/:id/gegevens`: everything stored about the person of a traject, to hand
//! over on request (export), next to the button that deletes it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{export_traject, DeleteTraject};
use crate::i18n::use_texts;

/// The export page.
#[component]
pub fn TrajectDataPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let loaded = Resource::new(id, export_traject);
    let delete = ServerAction::<DeleteTraject>::new();
    view! {
        <Title text=t.ex_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(json)) => view! {
                        <article class="prose traject-data">
                            <p class="breadcrumb"><A href=format!("/wijkteam/traject/{}", id())>{t.tr_back}</A></p>
                            <h1>{t.ex_title}</h1>
                            <p>{t.ex_intro}</p>
                            <pre id="gegevens">{json}</pre>
                            <super::traject::DeleteForm id=id() action=delete/>
                        </article>
                    }.into_any(),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}
