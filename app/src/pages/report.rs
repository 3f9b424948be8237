//! `/aanbod/:id/melden`: "klopt er iets niet?" for residents, no account needed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::NotFound;
use crate::api::{get_offer, ReportProblem};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts};

/// The report form.
#[component]
pub fn ReportPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let offer = Resource::new(id, get_offer);
    let action = ServerAction::<ReportProblem>::new();
    view! {
        <Title text=t.report_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let Ok(Some(detail)) = offer.await else { return view! { <NotFound/> }.into_any() };
                let problem = query.read().get("fout").is_some();
                let lead = fill(t.report_lead, &[&detail.name]);
                view! {
                    <article class="signup">
                        <p class="breadcrumb"><A href=format!("/aanbod/{}", detail.id)>{detail.name.clone()}</A></p>
                        <h1>{t.report_title}</h1>
                        <p>{lead}</p>
                        {problem.then(|| view! { <p class="problem" role="alert" id="melding-probleem">{t.report_bad}</p> })}
                        <ActionForm action>
                            <input type="hidden" name="csrf" value=csrf_token()/>
                            <input type="hidden" name="aanbod" value=detail.id.to_string()/>
                            <div class="field">
                                <label for="bericht">{t.report_message}</label>
                                <textarea id="bericht" name="bericht" rows="4" maxlength="1000" required></textarea>
                            </div>
                            <div class="hp" aria-hidden="true">
                                <label for="website">{t.signup_honeypot}</label>
                                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                            </div>
                            <button type="submit" class="button-primary">{t.report_send}</button>
                        </ActionForm>
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}
