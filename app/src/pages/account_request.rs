//! `/account-aanvragen`: a new initiative asks for an account and puts its organisation
//! forward; the answer is a mail with a link to choose a password, and the organisation waits
//! for the gemeente's approval (the dashboard says so).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::RequestAccount;
use crate::auth::csrf_token;
use crate::i18n::{use_texts, Texts};

fn message(t: &Texts, field: &str) -> Option<&'static str> {
    Some(match field {
        "contactpersoon" => t.ar_bad_name,
        "email" => t.ar_bad_email,
        "telefoon" => t.ar_bad_phone,
        "naam" => t.reg_bad_name,
        "beschrijving" => t.reg_bad_description,
        "adres" => t.reg_bad_address,
        "postcode" => t.reg_bad_postcode,
        "plaats" => t.reg_bad_city,
        "te-vaak" => t.signup_too_often,
        "verlopen" => t.ar_expired,
        _ => return None,
    })
}

/// The request form, or what happens next once it is sent.
#[component]
pub fn AccountRequestPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let sent = move || query.read().get("verstuurd").is_some();
    view! {
        <Title text=t.ar_title/>
        <article class="signup account-request">
            <h1>{t.ar_title}</h1>
            <Show when=sent fallback=move || view! { <RequestForm/> }>
                <p class="notice" role="status" id="aangevraagd">{t.ar_sent}</p>
                <p><A href="/inloggen">{t.login_title}</A></p>
            </Show>
        </article>
    }
}

#[component]
fn RequestForm() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<RequestAccount>::new();
    // Follows the URL: with JavaScript a refused request only moves to `?fout=`, and the
    // fields keep what was typed; without it the organisation's fields come back in the URL.
    let problem = move || {
        query
            .read()
            .get("fout")
            .and_then(|f| message(t, &f).map(|m| (f, m)))
    };
    let kept = move |k: &'static str| query.read_untracked().get(k).unwrap_or_default();
    let field = move |name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      autocomplete: &'static str,
                      value: String| {
        let wrong = move || problem().is_some_and(|(f, _)| f == name);
        view! {
            <div class="field">
                <label for=name>{label}</label>
                {move || wrong().then(|| view! {
                    <p class="problem field-problem" id=format!("{name}-fout")>{problem().map(|(_, m)| m)}</p>
                })}
                <input id=name name=name type=kind autocomplete=autocomplete value=value
                    aria-invalid=move || wrong().to_string()
                    aria-describedby=move || wrong().then(|| format!("{name}-fout"))/>
            </div>
        }
    };
    view! {
        <p>{t.ar_lead}</p>
        {move || problem().map(|(_, m)| view! { <p class="problem" role="alert" id="bewerk-probleem">{m}</p> })}
        <ActionForm action attr:id="account-aanvragen">
            <input type="hidden" name="csrf" value=csrf_token()/>
            <fieldset class="reach">
                <legend>{t.ar_you}</legend>
                {field("contactpersoon", t.ar_name, "text", "name", String::new())}
                {field("email", t.ar_email, "email", "email", String::new())}
                {field("telefoon", t.ar_phone, "tel", "tel", String::new())}
            </fieldset>
            <fieldset class="reach">
                <legend>{t.ar_organisation}</legend>
                {field("naam", t.reg_name, "text", "organization", kept("naam"))}
                <div class="field">
                    <label for="beschrijving">{t.reg_description}</label>
                    <textarea id="beschrijving" name="beschrijving" rows="4" maxlength="2000"></textarea>
                </div>
                {field("adres", t.reg_address, "text", "street-address", kept("adres"))}
                {field("postcode", t.place_label, "text", "postal-code", kept("postcode"))}
                {field("plaats", t.reg_city, "text", "address-level2", kept("plaats"))}
            </fieldset>
            // Left empty by people; filled by robots.
            <div class="hp" aria-hidden="true">
                <label for="website">{t.signup_honeypot}</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <p class="privacy">{t.ar_privacy}</p>
            <button type="submit" class="button-primary" id="aanvragen">{t.ar_send}</button>
        </ActionForm>
    }
}
