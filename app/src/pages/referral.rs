//! `/verwijzing/:id`: one referral, for the professional who sent it, the receiving provider,
//! or the coordinator it was escalated to. Everyone else gets a 404.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{
    load_referral, ChooseReferralPartner, EscalateReferral, RevokeConsent, SetReferralStatus,
    TakeUpEscalation,
};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts};
use crate::referrals::{ReferralView, REFUSAL_REASONS};

/// The referral page.
#[component]
pub fn ReferralPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let loaded = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("bijgewerkt"),
            )
        },
        |(id, _)| load_referral(id),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(r)) => view! { <Referral r/> }.into_any(),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Referral(r: ReferralView) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let t = lang.texts();
    let query = use_query_map();
    let status = ServerAction::<SetReferralStatus>::new();
    let revoke = ServerAction::<RevokeConsent>::new();
    let escalate = ServerAction::<EscalateReferral>::new();
    let take_up = ServerAction::<TakeUpEscalation>::new();
    let sent = move || query.read().get("verstuurd").is_some();
    let bad_reason = move || query.read().get("fout").is_some_and(|f| f == "reden");
    let id = r.id.to_string();
    let title = fill(t.rv_title, &[&r.target]);
    let sent_text = if r.notified {
        t.rv_sent.to_string()
    } else {
        fill(t.rv_sent_unseen, &[&r.receiver])
    };
    view! {
        <Title text=title.clone()/>
        <article class="prose referral">
            {r.mine.then(|| view! { <p class="breadcrumb"><A href="/wijkteam">{t.ws_title}</A></p> })}
            <h1>{title}</h1>
            <Show when=sent>
                <p class="notice" role="status" id="verstuurd">{sent_text.clone()}</p>
            </Show>
            <Show when=bad_reason>
                <p class="problem" role="alert" id="reden-probleem">{t.rv_bad_reason}</p>
            </Show>
            <p class="status" id="status">{t.rv_status}": " <strong>{t.referral_status(r.status.code())}</strong>
                {r.reason.clone().map(|why| view! { " (" {t.refusal(&why)} ")" })}
            </p>
            {(!r.target_link.is_empty()).then(|| view! { <p><A href=r.target_link.clone()>{r.target.clone()}</A></p> })}
            {(!r.taken_up_by.is_empty()).then(|| view! {
                <p id="opgepakt-door">{t.rv_taken_up_by} ": " <strong>{r.taken_up_by.clone()}</strong></p>
            })}
            {(!r.partner_choices.is_empty()).then(|| view! {
                <PartnerChoice id=id.clone() choices=r.partner_choices.clone() current=r.taken_up_by.clone()/>
            })}
            // Each side sees the other side: the receiver who referred, the professional who
            // receives (and whether they are told).
            {if r.mine {
                view! {
                    <h2>{t.rv_contact}</h2>
                    <p>{r.receiver.clone()}</p>
                    <ul id="contact-ontvanger">{r.contact.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    {(r.mine && !r.notified).then(|| view! {
                        <p class="notice" id="niet-gezien">{fill(t.rf_not_notified, &[&r.receiver])}</p>
                    })}
                }.into_any()
            } else {
                view! {
                    <h2>{t.rv_referred_by}</h2>
                    <ul id="contact-verwijzer">{r.sender.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            <h2>{t.rv_shared}</h2>
            {if r.revoked {
                view! { <p class="notice" id="ingetrokken">{t.rv_revoked}</p> }.into_any()
            } else {
                view! {
                    <dl class="facts shared" id="gedeeld">
                        <dt>{t.rv_wish}</dt><dd>{r.wish.clone()}</dd>
                        {r.shared.iter().map(|(k, v)| view! { <dt>{t.share_item(k)}</dt><dd>{v.clone()}</dd> }).collect_view()}
                        <dt>{t.rv_handover}</dt><dd>{t.handover(&r.handover)} {(!r.appointment.is_empty()).then(|| format!(": {}", r.appointment))}</dd>
                    </dl>
                    <p class="consent">{fill(t.rv_consent, &[&r.consent_by, &crate::i18n::iso_date_in_words(&r.consent_on, lang)])}</p>
                }.into_any()
            }}
            <h2>{t.rv_history}</h2>
            <ol class="history">
                {r.history.iter().map(|(day, event, why)| view! {
                    <li>{crate::i18n::iso_date_in_words(day, lang)} " · " {t.referral_status(event)} {(!why.is_empty()).then(|| format!(" ({why})"))}</li>
                }).collect_view()}
            </ol>
            {(!r.next.is_empty()).then(|| {
                let id = id.clone();
                view! {
                    <ActionForm action=status attr:class="inline-form">
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="verwijzing" value=id/>
                        <label for="nieuwe-status">{t.rv_next}</label>
                        <select id="nieuwe-status" name="status">
                            {r.next.iter().map(|s| view! { <option value=s.code()>{t.referral_status(s.code())}</option> }).collect_view()}
                        </select>
                        <label for="reden">{t.rv_reason}</label>
                        <select id="reden" name="reden">
                            <option value="">"—"</option>
                            {REFUSAL_REASONS.iter().map(|s| view! { <option value=*s>{t.refusal(s)}</option> }).collect_view()}
                        </select>
                        <button type="submit" class="button-primary" id="status-bewaren">{t.manage_save}</button>
                    </ActionForm>
                }
            })}
            {(r.mine && !r.revoked).then(|| {
                let id = id.clone();
                view! {
                    <ActionForm action=revoke>
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="verwijzing" value=id/>
                        <button type="submit" class="button-link" id="intrekken">{t.rv_revoke}</button>
                    </ActionForm>
                }
            })}
            {r.escalated.then(|| view! { <p class="notice">{t.rv_escalated}</p> })}
            {r.can_take_up.then(|| {
                let id = id.clone();
                view! {
                    <ActionForm action=take_up>
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="verwijzing" value=id/>
                        <button type="submit" class="button-primary" id="oppakken">{t.rv_take_up}</button>
                    </ActionForm>
                }
            })}
            {r.can_escalate.then(|| {
                let id = id.clone();
                view! {
                    <ActionForm action=escalate>
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="verwijzing" value=id/>
                        <p>{t.rv_escalate_why}</p>
                        <button type="submit" class="button-primary" id="escaleren">{t.rv_escalate}</button>
                    </ActionForm>
                }
            })}
        </article>
    }
}

/// For the receiver of a referral to a coalition: which partner takes the person up.
#[component]
fn PartnerChoice(id: String, choices: Vec<String>, current: String) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<ChooseReferralPartner>::new();
    let saved = move || query.read().get("partner").is_some();
    // Follows the URL: with JavaScript a refused choice only changes `?fout=`.
    let bad = move || query.read().get("fout").is_some_and(|f| f == "partner");
    view! {
        <Show when=saved>
            <p class="notice" role="status" id="partner-vastgelegd">{t.rv_partner_saved}</p>
        </Show>
        <ActionForm action attr:class="inline-form" attr:id="partner-kiezen">
            <input type="hidden" name="csrf" value=csrf_token()/>
            <input type="hidden" name="verwijzing" value=id/>
            <label for="partner">{t.rv_partner_label}</label>
            {move || bad().then(|| view! { <p class="problem field-problem" id="partner-fout">{t.rv_partner_bad}</p> })}
            <select id="partner" name="partner" aria-invalid=move || bad().to_string() aria-describedby=move || bad().then_some("partner-fout")>
                {choices.into_iter().map(|p| {
                    let (selected, value) = (p == current, p.clone());
                    view! { <option value=value selected=selected>{p}</option> }
                }).collect_view()}
            </select>
            <button type="submit" class="button-secondary" id="partner-bewaren">{t.rv_partner_save}</button>
        </ActionForm>
    }
    .into_any()
}
