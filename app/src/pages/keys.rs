//! `/beheer/sleutels`: personal API tokens. A new token is shown once, right after it is made;
//! the list shows names, prefixes and use, never a token.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{api_keys, CreateApiKey, RevokeApiKey};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts};
use crate::manage::{ApiKeyLine, ApiKeysView};

/// The page; anonymous visitors go to the login page.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (q.get("nieuw").unwrap_or_default(), q.get("bijgewerkt"))
        },
        |(fresh, _)| api_keys(fresh),
    );
    view! {
        <Title text=t.keys_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                super::behind_login(data.await, 403, |keys| view! { <Keys keys/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Keys(keys: ApiKeysView) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let problem = move || match query.read().get("fout").as_deref() {
        Some("naam") => Some(t.keys_bad_name),
        Some("te-veel") => Some(t.keys_too_many),
        _ => None,
    };
    let revoked = move || query.read().get("ingetrokken").is_some();
    let create = ServerAction::<CreateApiKey>::new();
    view! {
        <article class="manage keys">
            <p><A href="/beheer">{t.keys_back}</A></p>
            <h1>{t.keys_title}</h1>
            <p>{t.keys_intro}</p>
            <p>{t.keys_how}</p>
            {keys.fresh.map(|token| view! {
                <div class="notice fresh-key" role="status">
                    <p id="nieuwe-sleutel-uitleg">{t.keys_fresh}</p>
                    <label for="nieuwe-sleutel">{t.keys_fresh_label}</label>
                    <input id="nieuwe-sleutel" type="text" readonly value=token
                        aria-describedby="nieuwe-sleutel-uitleg" spellcheck="false" autocomplete="off"/>
                </div>
            })}
            <Show when=revoked>
                <p class="notice" role="status" id="sleutel-ingetrokken">{t.keys_revoked_done}</p>
            </Show>
            {move || problem().map(|p| view! { <p class="problem" role="alert" id="sleutel-probleem">{p}</p> })}
            <ActionForm action=create>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <div class="field">
                    <label for="sleutel-naam">{t.keys_name}</label>
                    <p class="hint" id="sleutel-naam-hint">{t.keys_name_hint}</p>
                    <input id="sleutel-naam" name="naam" type="text" required maxlength="60"
                        aria-describedby="sleutel-naam-hint"
                        aria-invalid=move || problem().is_some().then_some("true")/>
                </div>
                <button type="submit" class="button-primary" id="maak-sleutel">{t.keys_make}</button>
            </ActionForm>
            <section aria-labelledby="sleutels-titel">
                <h2 id="sleutels-titel">{t.keys_list}</h2>
                {keys.keys.is_empty().then(|| view! { <p>{t.keys_none}</p> })}
                <ul class="key-list">
                    {keys.keys.into_iter().map(|k| view! { <Key k/> }).collect_view()}
                </ul>
            </section>
        </article>
    }
}

#[component]
fn Key(k: ApiKeyLine) -> impl IntoView {
    let t = use_texts();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let used = k
        .used
        .as_deref()
        .map_or_else(|| t.keys_never.to_string(), |d| fill(t.keys_used, &[d]));
    let label = fill(t.keys_revoke_named, &[&k.name]);
    view! {
        <li class="key" class:revoked=k.revoked>
            <strong>{k.name.clone()}</strong>
            <span class="key-facts">
                {fill(t.keys_begins, &[&k.prefix])} " · " {fill(t.keys_made, &[&k.made])} " · " {used}
            </span>
            {if k.revoked {
                view! { <span class="key-revoked">{t.keys_revoked}</span> }.into_any()
            } else {
                view! {
                    <ActionForm action=revoke attr:class="inline-form">
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="sleutel" value=k.id.clone()/>
                        <button type="submit" class="button-link" aria-label=label>{t.keys_revoke}</button>
                    </ActionForm>
                }.into_any()
            }}
        </li>
    }
}
