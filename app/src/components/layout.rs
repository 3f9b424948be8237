//! Header and footer of every page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{use_lang, use_texts, Lang};

/// Site header with the name, the main links and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_texts();
    let other = match use_lang() {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    let location = use_location();
    // A plain link to the server (rel=external: not the client router), so it works without
    // JavaScript; the server sets the cookie and sends the person back to the same page.
    let switch_href = move || {
        // The router's `search` comes without its "?".
        let search = location.search.get();
        let here = if search.is_empty() {
            location.pathname.get()
        } else {
            format!(
                "{}?{}",
                location.pathname.get(),
                search.trim_start_matches('?')
            )
        };
        format!(
            "/taal/{}?terug={}",
            other.code(),
            crate::pages::encode(&here)
        )
    };
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">{t.site_name}</A>
            <nav aria-label=t.nav_label>
                <A href="/">{t.nav_search}</A>
                <A href="/ik-kan-iets">{t.nav_talents}</A>
                <A href="/over">{t.nav_about}</A>
                <a href=switch_href rel="external" class="taal" lang=other.code()
                    hreflang=other.code() title=t.switch_title id="taal-wissel">{t.switch_label}</a>
            </nav>
        </header>
    }
}

/// Site footer with the data credits.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="site-footer">
            <p>
                {t.footer_credits}
                <A href="/over">{t.footer_more}</A>
            </p>
        </footer>
    }
}
