//! `/wijkteam/traject/:id/verwijs?naar=...`: a referral with consent per item and a warm
//! handover. Nothing leaves before the consent box is ticked.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{referral_receiver, SendReferral};
use crate::auth::csrf_token;
use crate::components::FieldKit;
use crate::i18n::{fill, use_texts, Texts};
use crate::referrals::{Handover, ReferralTarget, SHARE_ITEMS};

fn message(t: &Texts, field: &str) -> &'static str {
    match field {
        "wens" => t.rf_bad_wens,
        "toestemming_door" => t.rf_bad_who,
        "toestemming" => t.rf_bad_consent,
        "afspraak" => t.rf_bad_appointment,
        _ => t.tr_bad_choice,
    }
}

const FIELDS: [&str; 7] = [
    "wens",
    "delen",
    "notitie",
    "toestemming_door",
    "toestemming",
    "overdracht",
    "afspraak",
];

/// The referral form.
#[component]
pub fn ReferralNewPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let target = Resource::new(
        move || query.read().get("naar").unwrap_or_default(),
        referral_receiver,
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match target.await {
                    Ok(Some(target)) => view! { <Form target/> }.into_any(),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Form(target: ReferralTarget) -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let traject = params.read_untracked().get("id").unwrap_or_default();
    let q = query.read_untracked();
    let ticked = q.get_all("delen").unwrap_or_default();
    let handover = q.get("overdracht").unwrap_or_else(|| "afspraak".into());
    let kit = FieldKit::from_query(&FIELDS, move |p| message(t, p));
    let action = ServerAction::<SendReferral>::new();
    let items = SHARE_ITEMS
        .iter()
        .map(|i| (i.to_string(), t.share_item(i).to_string()))
        .collect();
    let handovers = Handover::ALL
        .iter()
        .map(|h| (h.code().to_string(), t.handover(h.code()).to_string()))
        .collect();
    let title = fill(t.rf_title, &[&target.name]);
    view! {
        <Title text=title.clone()/>
        <article class="signup referral-form">
            <p class="breadcrumb"><A href=format!("/wijkteam/traject/{traject}")>{t.tr_back}</A></p>
            <h1>{title}</h1>
            <p>{fill(t.rf_receiver, &[&target.receiver])}</p>
            // Nobody there would see it: say so before anything is typed, with the other ways.
            {(!target.notified).then(|| view! {
                <div class="notice" role="note" id="niemand-krijgt-bericht">
                    <p>{fill(t.rf_not_notified, &[&target.receiver])}</p>
                    {(!target.contact.is_empty()).then(|| view! {
                        <ul>{target.contact.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    })}
                </div>
            })}
            {kit.summary(t.ed_bad)}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="form[traject]" value=traject.clone()/>
                <input type="hidden" name="form[naar]" value=target.key.clone()/>
                {kit.area("wens", t.rf_wish, String::new(), 3)}
                {kit.checks("delen", t.rf_share, items, ticked)}
                {kit.area("notitie", t.rf_note, String::new(), 3)}
                {kit.text("toestemming_door", t.rf_consent_by, String::new(), "text")}
                {kit.check("toestemming", t.rf_consent, false)}
                {kit.select("overdracht", t.rf_handover, handovers, handover)}
                {kit.text("afspraak", t.rf_appointment, String::new(), "text")}
                <button type="submit" class="button-primary" id="verwijzing-versturen">{t.rf_send}</button>
            </ActionForm>
        </article>
    }
}
