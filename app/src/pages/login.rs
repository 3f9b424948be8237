//! `/inloggen`, `/wachtwoord-vergeten` and `/wachtwoord/:token`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{LogIn, RequestReset, ResetPassword};
use crate::auth::csrf_token;
use crate::i18n::use_texts;

/// The login form.
#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let problem = move || {
        query.read().get("fout").map(|f| match f.as_str() {
            "te-vaak" => t.login_too_often,
            "verlopen" => t.login_expired,
            _ => t.login_wrong,
        })
    };
    let action = ServerAction::<LogIn>::new();
    view! {
        <Title text=t.login_title/>
        <article class="signup">
            <h1>{t.login_title}</h1>
            <p>{t.login_lead}</p>
            {move || problem().map(|p| view! { <p class="problem" role="alert" id="inlog-probleem">{p}</p> })}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <div class="field">
                    <label for="email">{t.login_email}</label>
                    <input id="email" name="email" type="email" required autocomplete="username"/>
                </div>
                <div class="field">
                    <label for="wachtwoord">{t.login_password}</label>
                    <input id="wachtwoord" name="wachtwoord" type="password" required autocomplete="current-password"/>
                </div>
                <button type="submit" class="button-primary">{t.login_button}</button>
            </ActionForm>
            <p><A href="/wachtwoord-vergeten">{t.login_forgot}</A></p>
            <p><A href="/account-aanvragen" attr:id="account-aanvragen-link">{t.ar_ask_link}</A></p>
        </article>
    }
}

/// Ask for a reset link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let sent = move || query.read().get("verstuurd").is_some();
    let action = ServerAction::<RequestReset>::new();
    view! {
        <Title text=t.reset_title/>
        <article class="signup">
            <h1>{t.reset_title}</h1>
            <Show when=sent fallback=move || view! {
                <p>{t.reset_lead}</p>
                <ActionForm action>
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <div class="field">
                        <label for="email">{t.login_email}</label>
                        <input id="email" name="email" type="email" required autocomplete="username"/>
                    </div>
                    <button type="submit" class="button-primary">{t.reset_send}</button>
                </ActionForm>
            }>
                <p role="status" id="link-verstuurd">{t.reset_sent}</p>
            </Show>
        </article>
    }
}

/// Choose a new password with a one-time link (reset or invitation).
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let problem = move || {
        query.read().get("fout").map(|f| match f.as_str() {
            "kort" => t.reset_short,
            _ => t.reset_expired,
        })
    };
    let action = ServerAction::<ResetPassword>::new();
    view! {
        <Title text=t.reset_title/>
        <article class="signup">
            <h1>{t.reset_title}</h1>
            {move || problem().map(|p| view! { <p class="problem" role="alert" id="wachtwoord-probleem">{p}</p> })}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="token" value=token/>
                <div class="field">
                    <label for="wachtwoord">{t.reset_choose}</label>
                    <input id="wachtwoord" name="wachtwoord" type="password" required minlength="10" autocomplete="new-password"/>
                </div>
                <button type="submit" class="button-primary">{t.reset_save}</button>
            </ActionForm>
        </article>
    }
}
