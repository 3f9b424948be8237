//! "Ik doe mee": the sign-up form of an offer and its thank-you page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::NotFound;
use crate::api::{get_offer, SignUp};
use crate::i18n::{fill, use_texts, Texts};

fn problem_text(code: &str, t: &'static Texts) -> Option<&'static str> {
    match code {
        "naam" => Some(t.signup_bad_name),
        "contact" => Some(t.signup_bad_contact),
        "bericht" => Some(t.signup_bad_message),
        "te-vaak" => Some(t.signup_too_often),
        _ => None,
    }
}

/// `/aanbod/:id/meedoen`: name, how to reach you, a message; nothing else.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let offer = Resource::new(id, get_offer);
    let action = ServerAction::<SignUp>::new();
    let t = use_texts();
    let problem = move || query.read().get("fout").and_then(|f| problem_text(&f, t));
    view! {
        <Title text=t.signup_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let Ok(Some(detail)) = offer.await else { return view! { <NotFound/> }.into_any() };
                if !detail.takes_signups {
                    // Walk-in offers and organisations without an account: a form here would
                    // reach nobody, so say how to ask them instead.
                    return view! { <Closed detail/> }.into_any();
                }
                let (offer_href, offer_name) = (format!("/aanbod/{}", detail.id), detail.name.clone());
                let intro = fill(t.signup_intro, &[&detail.organisation, &detail.name]);
                let privacy = fill(t.signup_privacy, &[&detail.organisation]);
                let offer_id = detail.id.to_string();
                view! {
                    <article class="signup">
                        <p class="breadcrumb"><A href=offer_href>{offer_name}</A></p>
                        <h1>{t.signup_title}</h1>
                        <p>{intro}</p>
                        // Follows the URL: with JavaScript a refused sign-up only moves to `?fout=`,
                        // so the message appears while the fields keep what was typed.
                        {move || problem().map(|p| view! { <p class="problem" role="alert" id="aanmeld-probleem">{p}</p> })}
                        <ActionForm action>
                            <input type="hidden" name="offer" value=offer_id/>
                            <div class="field">
                                <label for="naam">{t.signup_name}</label>
                                <input id="naam" name="naam" type="text" required maxlength="100" autocomplete="name"/>
                            </div>
                            <div class="field">
                                <label for="contact">{t.signup_contact}</label>
                                <input id="contact" name="contact" type="text" required maxlength="200" autocomplete="tel"/>
                            </div>
                            <div class="field">
                                <label for="bericht">{t.signup_message}</label>
                                <textarea id="bericht" name="bericht" rows="4" maxlength="1000"></textarea>
                            </div>
                            // Left empty by people; filled by robots.
                            <div class="hp" aria-hidden="true">
                                <label for="website">{t.signup_honeypot}</label>
                                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                            </div>
                            <p class="privacy">
                                {privacy}
                                {t.signup_privacy_more}
                            </p>
                            <button type="submit" class="button-primary">{t.signup_send}</button>
                        </ActionForm>
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The sign-up page of an offer that takes no sign-ups: walk in, or call or mail.
#[component]
fn Closed(detail: crate::model::OfferDetail) -> impl IntoView {
    let t = use_texts();
    let tel = detail.phone.clone().map(|p| {
        let href = crate::web::tel_href(&p);
        view! { <a href=href class="button-primary button-link-primary call">{fill(t.call_button, &[&p])}</a> }
    });
    let mail = detail
        .email
        .clone()
        .map(|e| view! { <a href=format!("mailto:{e}") class="button-secondary">{e.clone()}</a> });
    view! {
        <article class="signup">
            <p class="breadcrumb"><A href=format!("/aanbod/{}", detail.id)>{detail.name.clone()}</A></p>
            <h1>{t.signup_title}</h1>
            <p id="niet-aanmelden">{if detail.walk_in { t.walk_in } else { t.signup_closed }}</p>
            <p class="actions">{tel}{mail}</p>
        </article>
    }
}

/// `/aanbod/:id/bedankt`: what happens next, in plain words.
#[component]
pub fn ThanksPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let offer = Resource::new(id, get_offer);
    let t = use_texts();
    view! {
        <Title text=t.thanks_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let Ok(Some(detail)) = offer.await else { return view! { <NotFound/> }.into_any() };
                view! {
                    <article class="thanks">
                        <h1>{t.thanks_heading}</h1>
                        <p>{fill(t.thanks_next, &[&detail.organisation])}</p>
                        // Their number or address itself, not "see the offer page".
                        {match (detail.phone.clone(), detail.email.clone()) {
                            (Some(phone), _) => {
                                let tel = crate::web::tel_href(&phone);
                                view! { <p id="zelf-bellen">{t.thanks_no_reply_call}" "<a href=tel>{phone.clone()}</a></p> }.into_any()
                            }
                            (None, Some(email)) => view! {
                                <p id="zelf-bellen">{t.thanks_no_reply_mail}" "<a href=format!("mailto:{email}")>{email.clone()}</a></p>
                            }.into_any(),
                            (None, None) => view! { <p>{t.thanks_no_reply}</p> }.into_any(),
                        }}
                        <p><A href=format!("/aanbod/{}", detail.id)>{t.thanks_back}</A></p>
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}
