//! Header and footer of every page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{use_lang, use_texts, Lang};

/// Path and query of the page shown (the router's `search` comes without its "?").
fn here(location: &leptos_router::location::Location) -> String {
    let search = location.search.get();
    if search.is_empty() {
        location.pathname.get()
    } else {
        format!(
            "{}?{}",
            location.pathname.get(),
            search.trim_start_matches('?')
        )
    }
}

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
        format!(
            "/taal/{}?terug={}",
            other.code(),
            crate::pages::encode(&here(&location))
        )
    };
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">{t.site_name}</A>
            <nav aria-label=t.nav_label>
                <A href="/">{t.nav_search}</A>
                <A href="/ik-kan-iets">{t.nav_talents}</A>
                <A href="/keukentafel">{t.nav_keukentafel}</A>
                <A href="/coalities">{t.nav_coalitions}</A>
                <A href="/over">{t.nav_about}</A>
                <A href="/beheer">{t.nav_manage}</A>
                <a href=switch_href rel="external" class="taal" lang=other.code()
                    hreflang=other.code() title=t.switch_title id="taal-wissel">{t.switch_label}</a>
            </nav>
        </header>
    }
}

/// Site footer with the data credits, and on paper a QR code to the printed page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let qr = move || format!("/qr.svg?pad={}", crate::pages::encode(&here(&location)));
    view! {
        <footer class="site-footer">
            <figure class="print-only qr">
                <img src=qr alt="" width="96" height="96"/>
                <figcaption>{t.print_qr}</figcaption>
            </figure>
            <p>
                {t.footer_credits}
                <A href="/over">{t.footer_more}</A>
                " · "
                <A href="/gevraagd">{t.ak_title}</A>
            </p>
        </footer>
    }
}
