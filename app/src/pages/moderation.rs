//! `/beheer/moderatie`: reports, new organisations and claims of a coordinator's gemeente.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use leptos::server_fn::ServerFn;

use crate::api::{
    moderation_queue, CloseReport, DecideClaim, DecideOrganisation, MergeOrganisations,
};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts};
use crate::manage::QueueView;

/// The moderation queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let data = Resource::new(
        move || query.read().get("bijgewerkt"),
        |_| moderation_queue(),
    );
    view! {
        <Title text=t.mod_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                super::behind_login(data.await, 403, |q| view! { <Queue q/> }.into_any())
            })}
        </Suspense>
    }
}

/// Yes (and optionally no) buttons as plain form posts to a server function: they work the
/// same with and without JavaScript, and the server sends the browser back to the queue.
#[component]
fn Decision(
    path: &'static str,
    field: &'static str,
    id: String,
    yes: &'static str,
    no: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="decisions">
            <form method="post" action=path class="inline-form">
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name=field value=id.clone()/>
                <input type="hidden" name="besluit" value="ja"/>
                <button type="submit" class="button-primary decide-yes">{yes}</button>
            </form>
            {no.map(|no| view! {
                <form method="post" action=path class="inline-form">
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name=field value=id.clone()/>
                    <input type="hidden" name="besluit" value="nee"/>
                    <button type="submit" class="button-link decide-no">{no}</button>
                </form>
            })}
        </div>
    }
}

#[component]
fn Queue(q: QueueView) -> impl IntoView {
    let t = use_texts();
    view! {
        <article class="manage moderation">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{t.mod_title}</h1>
            <h2>{t.mod_orgs}</h2>
            {q.organisations.is_empty().then(|| view! { <p>{t.mod_empty}</p> })}
            <ul class="offer-list">
                {q.organisations.into_iter().map(|o| view! {
                    <li class="offer-card pending-org">
                        <h3>{o.name.clone()}</h3>
                        <p>{o.description.clone()}</p>
                        <Decision path=DecideOrganisation::PATH field="organisatie" id=o.id.to_string() yes=t.mod_approve no=Some(t.mod_reject)/>
                        {o.possible_duplicates.iter().map(|(keep, name)| view! {
                            <form method="post" action=MergeOrganisations::PATH class="inline-form merge">
                                <input type="hidden" name="csrf" value=csrf_token()/>
                                <input type="hidden" name="houden" value=keep.to_string()/>
                                <input type="hidden" name="dubbel" value=o.id.to_string()/>
                                <span>{fill(t.mod_duplicate, &[name])}</span> " "
                                <button type="submit" class="button-link">{t.mod_merge}</button>
                            </form>
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ul>
            <h2>{t.mod_claims}</h2>
            {q.claims.is_empty().then(|| view! { <p>{t.mod_empty}</p> })}
            <ul class="offer-list">
                {q.claims.into_iter().map(|c| view! {
                    <li class="offer-card claim">
                        <h3>{c.organisation.clone()}</h3>
                        <p>{c.email.clone()} " · " {c.message.clone()}</p>
                        <Decision path=DecideClaim::PATH field="claim" id=c.id.to_string() yes=t.mod_approve no=Some(t.mod_reject)/>
                    </li>
                }).collect_view()}
            </ul>
            <h2>{t.mod_reports}</h2>
            {q.reports.is_empty().then(|| view! { <p>{t.mod_empty}</p> })}
            <ul class="offer-list">
                {q.reports.into_iter().map(|r| view! {
                    <li class="offer-card report">
                        <h3><A href=format!("/aanbod/{}", r.offer_id)>{r.offer.clone()}</A></h3>
                        <p>{crate::i18n::date_words(&r.created)} " · " {r.message.clone()}</p>
                        <Decision path=CloseReport::PATH field="melding" id=r.id.to_string() yes=t.mod_done no=None/>
                    </li>
                }).collect_view()}
            </ul>
        </article>
    }
}
