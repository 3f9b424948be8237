//! `/beheer/nieuwe-organisatie` and `/beheer/claimen`: a provider adds or claims an organisation.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use crate::api::{organisations_named, ClaimOrganisation, RegisterOrganisation};
use crate::auth::csrf_token;
use crate::i18n::use_texts;

/// Register a new organisation. A problem comes back with `?fout=<veld>` and the input.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let kept = move |k: &'static str| move || query.read().get(k).unwrap_or_default();
    let problem = move |field: &'static str| {
        move || {
            (query.read().get("fout").as_deref() == Some(field)).then_some(match field {
                "naam" => t.reg_bad_name,
                "beschrijving" => t.reg_bad_description,
                "adres" => t.reg_bad_address,
                "postcode" => t.reg_bad_postcode,
                _ => t.reg_bad_city,
            })
        }
    };
    let action = ServerAction::<RegisterOrganisation>::new();
    // Registering needs an account: a visitor is told how to get one, not a form that fails.
    let me = Resource::new(|| (), |_| crate::api::who_am_i());
    // One field with its label and, when it is wrong, the message right next to it.
    let field = move |name: &'static str, label: &'static str, autocomplete: &'static str| {
        let message_id = format!("{name}-fout");
        let described = message_id.clone();
        view! {
            <div class="field">
                <label for=name>{label}</label>
                {move || problem(name)().map(|m| view! { <p class="problem field-problem" id=message_id.clone()>{m}</p> })}
                <input id=name name=name type="text" autocomplete=autocomplete value=kept(name)
                    aria-invalid=move || problem(name)().is_some().to_string()
                    aria-describedby=move || problem(name)().map(|_| described.clone())/>
            </div>
        }
    };
    view! {
        <Title text=t.reg_title/>
        <article class="signup">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{t.reg_title}</h1>
            <p>{t.reg_lead}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    if matches!(me.await, Ok(None)) {
                        return view! {
                            <div class="notice" id="account-nodig">
                                <p>{t.ar_need_account}</p>
                                <p><A href="/account-aanvragen">{t.ar_ask_link}</A> " · " <A href="/inloggen">{t.login_title}</A></p>
                            </div>
                        }
                        .into_any();
                    }
                    view! {
                        <ActionForm action>
                            <input type="hidden" name="csrf" value=csrf_token()/>
                            {field("naam", t.reg_name, "organization")}
                            <div class="field">
                                <label for="beschrijving">{t.reg_description}</label>
                                {move || problem("beschrijving")().map(|m| view! { <p class="problem field-problem">{m}</p> })}
                                <textarea id="beschrijving" name="beschrijving" rows="4" maxlength="2000" prop:value=kept("beschrijving")>{move || crate::safe::textarea_text(&kept("beschrijving")())}</textarea>
                            </div>
                            {field("adres", t.reg_address, "street-address")}
                            {field("postcode", t.place_label, "postal-code")}
                            {field("plaats", t.reg_city, "address-level2")}
                            <button type="submit" class="button-primary">{t.reg_send}</button>
                        </ActionForm>
                    }
                    .into_any()
                })}
            </Suspense>
        </article>
    }
}

/// Find an organisation by name and ask to manage it.
#[component]
pub fn ClaimPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let words = move || query.read().get("zoek").unwrap_or_default();
    let found = Resource::new(words, organisations_named);
    let action = ServerAction::<ClaimOrganisation>::new();
    view! {
        <Title text=t.claim_title/>
        <article class="signup">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{t.claim_title}</h1>
            <Form method="get" action="/beheer/claimen">
                <div class="field">
                    <label for="zoek">{t.claim_search}</label>
                    <input id="zoek" name="zoek" type="search" value=words prop:value=words/>
                </div>
                <button type="submit" class="button-primary">{t.nav_search}</button>
            </Form>
            <Suspense fallback=move || view! { <p class="loading">{t.searching}</p> }>
                {move || Suspend::new(async move {
                    let list = found.await.unwrap_or_default();
                    view! {
                        <ul class="offer-list">
                            {list.into_iter().map(|(id, name)| {
                                let message_id = format!("bericht-{id}");
                                view! {
                                    <li class="offer-card claim-candidate">
                                        <h2>{name}</h2>
                                        <ActionForm action>
                                            <input type="hidden" name="csrf" value=csrf_token()/>
                                            <input type="hidden" name="organisatie" value=id/>
                                            <div class="field">
                                                <label for=message_id.clone()>{t.claim_message}</label>
                                                <input id=message_id name="bericht" type="text" maxlength="1000"/>
                                            </div>
                                            <button type="submit" class="button-primary claim-button">{t.claim_button}</button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </article>
    }
}
