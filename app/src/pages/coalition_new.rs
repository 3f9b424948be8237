//! `/coalities/nieuw`: a coordinator starts a coalition without a proposal, with a name and a
//! goal; the edit page then takes the partners (also organisations not yet on the map), the
//! link persons and the money. Works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::set_status;
use crate::api::{may_change_coalition, NewCoalition};
use crate::auth::csrf_token;
use crate::components::FieldKit;
use crate::i18n::use_texts;

/// The page; visitors go to the login page, accounts that may not start one get a 403.
#[component]
pub fn CoalitionNewPage() -> impl IntoView {
    let t = use_texts();
    let rights = Resource::new(|| (), |_| may_change_coalition(String::new()));
    let who = Resource::new(|| (), |_| crate::api::who_am_i());
    view! {
        <Title text=t.cn_title/>
        <article class="prose coalition-new">
            <p class="breadcrumb"><A href="/coalities">{t.co_title}</A></p>
            <h1>{t.cn_title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let start = rights.await.map(|r| r.start).unwrap_or(false);
                    let logged_in = matches!(who.await, Ok(Some(_)));
                    if start {
                        view! { <NewForm/> }.into_any()
                    } else if !logged_in {
                        super::to_login()
                    } else {
                        set_status(403);
                        view! { <p class="problem" role="alert">{t.cn_not_allowed}</p> }.into_any()
                    }
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn NewForm() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<NewCoalition>::new();
    move || {
        let q = query.read();
        let kit = match q.get("fout").as_deref() {
            Some("naam") => FieldKit::new(Some("naam"), t.ce_bad_name),
            Some("doel") => FieldKit::new(Some("doel"), t.ce_bad_goal),
            _ => FieldKit::new(None, ""),
        };
        let (name, goal) = (
            q.get("naam").unwrap_or_default(),
            q.get("doel").unwrap_or_default(),
        );
        view! {
            <p class="lead">{t.cn_lead}</p>
            <ActionForm action attr:id="nieuwe-coalitie">
                <input type="hidden" name="csrf" value=csrf_token()/>
                {kit.plain_text("naam", t.cn_name, name)}
                {kit.plain_area("doel", t.cn_goal, goal, 5)}
                <button type="submit" class="button-primary">{t.cn_send}</button>
            </ActionForm>
        }
    }
}
