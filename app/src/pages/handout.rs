//! `/wijkteam/traject/:id/uitdraai`: a printable page for the person: where they go, who
//! they meet, when, how to reach them. Plain language; English when the page is in English.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::traject_handout;
use crate::i18n::fill;
use crate::referrals::HandoutView;

/// The handout.
#[component]
pub fn HandoutPage() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let t = lang.texts();
    let params = use_params_map();
    let loaded = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        traject_handout,
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(HandoutView { person, items, contact, team })) => {
                        let sender = match &contact[..] {
                            [name, email, ..] => Some((name.clone(), email.clone())),
                            _ => None,
                        };
                        view! {
                        <Title text=t.ho_title/>
                        <article class="prose handout">
                            <p class="breadcrumb no-print"><A href=format!("/wijkteam/traject/{}", params.read_untracked().get("id").unwrap_or_default())>{t.tr_back}</A></p>
                            <h1>{fill(t.ho_for, &[&person])}</h1>
                            <p>{t.ho_intro}</p>
                            {items.is_empty().then(|| view! { <p>{t.ho_none}</p> })}
                            <ol class="handout-items">
                                {items.into_iter().map(|r| {
                                    // The QR code leads to the public page of the offer, which
                                    // anyone can open (the handout itself is behind a login).
                                    let qr = (!r.target_link.is_empty())
                                        .then(|| format!("/qr.svg?pad={}", crate::pages::encode(&r.target_link)));
                                    view! {
                                    <li class="handout-item">
                                        <h2>{r.target.clone()}</h2>
                                        {(!r.address.is_empty()).then(|| view! { <p class="address"><strong>{t.ho_where}</strong> " " {r.address.clone()}</p> })}
                                        <p>{fill(t.ho_who, &[&r.receiver])}</p>
                                        <ul>{r.contact.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                                        {(!r.appointment.is_empty()).then(|| view! { <p><strong>{t.ho_when}</strong> " " {r.appointment.clone()}</p> })}
                                        <p>{t.handover_sentence(&r.handover)}</p>
                                        <p class="small">{fill(t.ho_sent, &[&crate::i18n::iso_date_in_words(&r.consent_on, lang)])}</p>
                                        {qr.map(|src| view! {
                                            <figure class="handout-qr">
                                                <img src=src alt="" width="96" height="96"/>
                                                <figcaption>{t.ho_qr}</figcaption>
                                            </figure>
                                        })}
                                    </li>
                                }}).collect_view()}
                            </ol>
                            {sender.map(|(name, email)| view! {
                                <p id="contactpersoon">{fill(t.ho_questions_who, &[&name])} " " <a href=format!("mailto:{email}")>{email.clone()}</a></p>
                            }.into_any()).unwrap_or_else(|| view! { <p id="contactpersoon">{t.ho_questions}</p> }.into_any())}
                            // The buurtteam, with its number: the way in when the contact person is away.
                            {team.split_first().map(|(name, rest)| view! {
                                <p id="buurtteam"><strong>{name.clone()}</strong>
                                    {rest.iter().map(|c| {
                                        let href = if c.contains('@') { format!("mailto:{c}") } else { crate::web::tel_href(c) };
                                        view! { " · " <a href=href>{c.clone()}</a> }
                                    }).collect_view()}
                                </p>
                            })}
                            // Printing needs the browser; without JavaScript the sentence says how.
                            <p class="no-print print-actions">
                                <button type="button" class="button-primary print-button" data-print="">{t.ho_print_button}</button>
                                <span class="print-hint">{t.ho_print}</span>
                            </p>
                        </article>
                    }.into_any()
                    }
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}
